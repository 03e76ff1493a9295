// Mints a development access token, signed with the devnet's key, that every
// service of a local stack accepts:
//   TOKEN=$(npm run --silent token -- --sub u1 --role clinician --org hospital-a)
// Only the JWT goes to stdout; problems go to stderr with exit code 2.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importJWK, SignJWT, type JWK } from 'jose';
// Dependency-free, type-only-TS files of @carechain/auth: the same role list and
// organisation rule the services enforce, without a build step.
import { isRole, ROLES, type Role } from '../../libs/shared/auth/src/roles.ts';
import { isOrganisationId } from '../../libs/shared/auth/src/organisation-id.ts';
import { DEV_ALGORITHM, DEV_AUDIENCE, DEV_ISSUER, ensureDevKeys } from '../devnet/lib/dev-keys.ts';
import { cacheDir } from '../devnet/lib/paths.ts';

export interface TokenRequest {
  readonly sub: string;
  readonly roles: readonly Role[];
  readonly org: string;
  readonly ttlSeconds: number;
}

const DEFAULT_TTL_SECONDS = 3600;
// A dev token that outlives a working week is a token someone forgot in a script.
const MAX_TTL_SECONDS = 7 * 24 * 3600;

const USAGE = `usage: npm run --silent token -- --sub <id> --role <role> [--role <role>...] --org <org> [--ttl <seconds>]
  --sub   subject id (a user, patient or service id)
  --role  one of: ${ROLES.join(', ')} (repeatable)
  --org   organisation id, [A-Za-z0-9._-]{1,64}
  --ttl   lifetime in seconds, 1..${MAX_TTL_SECONDS} (default ${DEFAULT_TTL_SECONDS})`;

/** Signs a token with the dev key from `cache` (generated on first use). */
export async function mintToken(cache: string, request: TokenRequest): Promise<string> {
  const keys = await ensureDevKeys(cache);
  const jwk = JSON.parse(readFileSync(keys.privateJwkFile, 'utf8')) as JWK;
  const key = await importJWK(jwk, DEV_ALGORITHM);
  return new SignJWT({ roles: [...request.roles], org: request.org })
    .setProtectedHeader({ alg: DEV_ALGORITHM, kid: keys.kid, typ: 'JWT' })
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setSubject(request.sub)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${request.ttlSeconds}s`)
    .sign(key);
}

class UsageError extends Error {}

function parseFlags(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: {
        sub: { type: 'string' },
        role: { type: 'string', multiple: true },
        org: { type: 'string' },
        ttl: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function parseTokenArgs(args: readonly string[]): TokenRequest | 'help' {
  const values = parseFlags(args);
  if (values.help) return 'help';
  const { sub, org } = values;
  const roles = values.role ?? [];
  if (!sub?.trim()) throw new UsageError('--sub is required');
  if (roles.length === 0) throw new UsageError('at least one --role is required');
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length > 0) throw new UsageError(`unknown role${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
  if (!org) throw new UsageError('--org is required');
  if (!isOrganisationId(org)) throw new UsageError(`--org "${org}" must match [A-Za-z0-9._-]{1,64}`);
  const ttl = values.ttl ?? String(DEFAULT_TTL_SECONDS);
  if (!/^\d+$/.test(ttl) || Number(ttl) < 1 || Number(ttl) > MAX_TTL_SECONDS) {
    throw new UsageError(`--ttl must be a whole number of seconds between 1 and ${MAX_TTL_SECONDS}`);
  }
  return { sub, roles: [...new Set(roles.filter(isRole))], org, ttlSeconds: Number(ttl) };
}

async function main(): Promise<void> {
  let request: TokenRequest | 'help';
  try {
    request = parseTokenArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`token: ${err.message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (request === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  process.stdout.write(`${await mintToken(cacheDir(), request)}\n`);
}

// Run as a command, not when imported (the pipeline bench mints with mintToken).
if (import.meta.main) {
  main().catch((err: unknown) => {
    process.stderr.write(`token: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
