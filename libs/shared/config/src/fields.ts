// Reusable variable definitions so every service spells and defaults them alike.
import { z } from 'zod';

export const port = (defaultPort: number) => z.coerce.number().int().min(1).max(65535).default(defaultPort);

export const positiveInt = (defaultValue: number) => z.coerce.number().int().positive().default(defaultValue);

export const bool = (defaultValue: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(defaultValue ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const csv = (defaultValue: string) =>
  z
    .string()
    .default(defaultValue)
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((list) => list.length > 0, 'must list at least one value');

export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');
