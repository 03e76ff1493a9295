// The service commitment key, as every service holding it configures it: ledger-writer
// commits the leaves of events about no patient (or an erased one) with it, audit's
// completeness monitor recomputes them with it.
import { z } from 'zod';
import { secret } from '@carechain/config';
import { StaticSaltProvider } from '@carechain/ledger-merkle';

export const commitmentKeyConfigShape = {
  /** HMAC key of the commitments of events that concern no patient (or an erased one); patients' events use their own salt. */
  LEDGER_COMMITMENT_KEY: secret(z.string().regex(/^([0-9a-f]{2}){32,}$/, 'hex, at least 32 bytes')),
  LEDGER_COMMITMENT_KEY_VERSION: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .default('service-v1'),
} as const;

export function serviceSaltOf(key: string, version: string): StaticSaltProvider {
  return new StaticSaltProvider(Buffer.from(key, 'hex'), version);
}
