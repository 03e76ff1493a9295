// Reusable variable definitions so every service spells and defaults them alike.
import { z } from 'zod';

export const port = (defaultPort: number) => z.coerce.number().int().min(1).max(65535).default(defaultPort);

export const positiveInt = (defaultValue: number) => z.coerce.number().int().positive().default(defaultValue);

export const bool = (defaultValue: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(defaultValue ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const items = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** A comma-separated list of at least one value. */
export const csv = (defaultValue: string) =>
  z
    .string()
    .default(defaultValue)
    .transform(items)
    .refine((list) => list.length > 0, 'must list at least one value');

/** A comma-separated list, possibly empty (unset: empty). */
export const list = () => z.string().default('').transform(items);

export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');
