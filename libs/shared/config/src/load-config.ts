// One typed, validated config per service, read once at boot. A bad or missing
// variable fails the start with a message that names it; secrets never appear in
// that message or in the printed summary.
import { z } from 'zod';

const secretKeys = new WeakSet<z.ZodType>();

/** Marks a variable as secret: its value is never echoed in errors or summaries. */
export function secret<T extends z.ZodType>(schema: T): T {
  secretKeys.add(schema);
  return schema;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig<S extends z.ZodRawShape>(shape: S, env: Env = process.env): Readonly<z.infer<z.ZodObject<S>>> {
  // Empty strings mean "unset": `FOO= npm start` must not turn a default into "".
  const input = Object.fromEntries(Object.keys(shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const result = z.object(shape).safeParse(input);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? '?');
        const value = secretKeys.has(shape[variable] as z.ZodType) ? '(secret)' : JSON.stringify(input[variable]);
        return `${variable}=${value}: ${issue.message}`;
      }),
    );
  }
  return Object.freeze(result.data);
}

/** A copy safe to log: secret values replaced. */
export function redact<S extends z.ZodRawShape>(shape: S, config: z.infer<z.ZodObject<S>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config as Record<string, unknown>).map(([k, v]) => [k, secretKeys.has(shape[k] as z.ZodType) ? '***' : v]));
}
