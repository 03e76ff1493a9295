// audit's own settings, read once at boot with every service's.
import { z } from 'zod';
import { ANCHORED_TOPICS } from '@carechain/contracts';
import { bool, csv, list, positiveInt, secret } from '@carechain/config';
import { commitmentKeyConfigShape } from '@carechain/ledger-anchoring';
import { kmsConfigShape } from '@carechain/patient-keys';
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
  AUDIT_RESTRICTED_PATIENTS: list().pipe(z.array(z.uuid('AUDIT_RESTRICTED_PATIENTS lists patient ids (UUIDs)'))),
  /**
   * The completeness monitor's peers: a network description (tools/devnet/fabric.ts's format) naming each
   * organisation's peer and a client identity to read it with. Unset: no monitor.
   */
  AUDIT_MONITOR_NETWORK_FILE: z.string().optional(),
  /** The anchored topics whose every record must be on the chain exactly once (ledger-writer's LEDGER_TOPICS). */
  AUDIT_MONITOR_TOPICS: csv(ANCHORED_TOPICS.join(',')),
  /** Records waiting with the chain not moving past them, or a peer lacking a batch another holds, for this long is a finding. */
  AUDIT_MONITOR_STALL_SECONDS: positiveInt(60),
  /** How often the monitor checks what arrived (ms). */
  AUDIT_MONITOR_INTERVAL_MS: positiveInt(1000),
  /** The share of accounted-for events kept for re-verification (0–1). */
  AUDIT_MONITOR_SAMPLE_RATE: z.coerce.number().min(0).max(1).default(0.01),
  /** Sampled events kept and re-checked round-robin, so a receipt changed later is caught as well. */
  AUDIT_MONITOR_SAMPLE_SIZE: positiveInt(1000),
  AUDIT_MONITOR_SAMPLES_PER_TICK: positiveInt(20),
  // The monitor recomputes sampled events' leaves under the salts ledger-writer committed them with:
  // the patients' (identity.keys.v1, unwrapped with the KMS) and the service key. Required with the monitor.
  ...kmsConfigShape,
  KMS_KEYRING_FILE: kmsConfigShape.KMS_KEYRING_FILE.optional(),
  ...commitmentKeyConfigShape,
  LEDGER_COMMITMENT_KEY: secret(commitmentKeyConfigShape.LEDGER_COMMITMENT_KEY.optional()),
} as const;

export type AuditSettings = Readonly<z.infer<z.ZodObject<typeof auditConfigShape>>>;

export function alertThresholds(c: AuditSettings): AlertThresholds {
  return {
    breakGlass: c.AUDIT_ALERT_BREAK_GLASS,
    manyPatients: { count: c.AUDIT_ALERT_MANY_PATIENTS, windowMs: c.AUDIT_ALERT_MANY_PATIENTS_WINDOW_SECONDS * 1000 },
    repeatedDenials: { count: c.AUDIT_ALERT_DENIALS, windowMs: c.AUDIT_ALERT_DENIALS_WINDOW_SECONDS * 1000 },
    restrictedPatients: new Set(c.AUDIT_RESTRICTED_PATIENTS),
  };
}
