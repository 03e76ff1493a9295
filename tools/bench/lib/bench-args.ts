// What every bench reads from its command line and where it finds the services:
// `--name value` options, and each service's URL on the running devnet (the service
// catalogue's port, or its variable, shifted by CARECHAIN_PORT_OFFSET).
import { host } from '../../devnet/lib/ports.ts';
import { serviceUrl, type ServiceName } from '../../devnet/services.ts';

/** The number after `--name`, or `fallback` when the option is not given. */
export function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** The string after `--name`, or `fallback`. */
export function stringArg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

/** `path` on a service of the running devnet. */
export const url = (service: ServiceName, path: string): URL => new URL(path, serviceUrl(service, process.env, host()));
