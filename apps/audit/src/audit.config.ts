// audit's own settings, read once at boot with every service's.
import { z } from 'zod';
import { bool, positiveInt } from '@carechain/config';
import type { AlertThresholds } from '@carechain/audit-domain';

const nonNegativeInt = (defaultValue: number) => z.coerce.number().int().min(0).default(defaultValue);

export const auditConfigShape = {
  /** How far back an accounting of disclosures reaches by default (HIPAA 164.528: six years). */
  AUDIT_DISCLOSURE_YEARS: positiveInt(6),
  /** Alert on every permitted break-glass access. */
  AUDIT_ALERT_BREAK_GLASS: bool(true),
  /** Alert when one user reads this many distinct patients within the window (0: off). */
  AUDIT_ALERT_MANY_PATIENTS: nonNegativeInt(25),
  AUDIT_ALERT_MANY_PATIENTS_WINDOW_SECONDS: positiveInt(3600),
  /** Alert when one user is refused this many times within the window (0: off). */
  AUDIT_ALERT_DENIALS: nonNegativeInt(5),
  AUDIT_ALERT_DENIALS_WINDOW_SECONDS: positiveInt(600),
  /** Patient ids (comma-separated) whose every staff read raises an alert: staff members, public figures. */
  AUDIT_RESTRICTED_PATIENTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.uuid('AUDIT_RESTRICTED_PATIENTS lists patient ids (UUIDs)'))),
} as const;

export function alertThresholds(c: { [K in keyof typeof auditConfigShape]: z.output<(typeof auditConfigShape)[K]> }): AlertThresholds {
  return {
    breakGlass: c.AUDIT_ALERT_BREAK_GLASS,
    manyPatients: { count: c.AUDIT_ALERT_MANY_PATIENTS, windowMs: c.AUDIT_ALERT_MANY_PATIENTS_WINDOW_SECONDS * 1000 },
    repeatedDenials: { count: c.AUDIT_ALERT_DENIALS, windowMs: c.AUDIT_ALERT_DENIALS_WINDOW_SECONDS * 1000 },
    restrictedPatients: new Set(c.AUDIT_RESTRICTED_PATIENTS),
  };
}
