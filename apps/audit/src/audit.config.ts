// audit's own settings, read once at boot with every service's.
import { positiveInt } from '@carechain/config';

export const auditConfigShape = {
  /** How far back an accounting of disclosures reaches by default (HIPAA 164.528: six years). */
  AUDIT_DISCLOSURE_YEARS: positiveInt(6),
} as const;
