// audit's own settings, read once at boot with every service's.
import { z } from 'zod';
import { ANCHORED_TOPICS } from '@carechain/contracts';
import { bool, csv, list, positiveInt, secret } from '@carechain/config';
import { commitmentKeyConfigShape } from '@carechain/ledger-anchoring';
import { kmsConfigShape } from '@carechain/patient-keys';
import type { AlertThresholds, ExportSourceUrls } from '@carechain/audit-domain';
import { serviceCredentialsShape } from './service-credentials.config';

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
  /** How long an export (its state, and the bundle once ready) is kept in Redis. */
  AUDIT_EXPORT_TTL_SECONDS: positiveInt(86_400),
  /** How long the export waits for one answer of another service (ms). */
  AUDIT_EXPORT_TIMEOUT_MS: positiveInt(30_000),
  /** Where the export asks each owning service (their HTTP APIs). All four, or none: no exports (503). */
  AUDIT_EXPORT_IDENTITY_URL: z.url().optional(),
  AUDIT_EXPORT_CONSENT_URL: z.url().optional(),
  AUDIT_EXPORT_RECORDS_URL: z.url().optional(),
  AUDIT_EXPORT_CLAIMS_URL: z.url().optional(),
  ...serviceCredentialsShape,
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

/** The services the export asks, or undefined when the deployment names none; some but not all is a mistake. */
export function exportSourceUrls(c: AuditSettings): ExportSourceUrls | undefined {
  const urls = {
    identity: c.AUDIT_EXPORT_IDENTITY_URL,
    consent: c.AUDIT_EXPORT_CONSENT_URL,
    records: c.AUDIT_EXPORT_RECORDS_URL,
    claims: c.AUDIT_EXPORT_CLAIMS_URL,
  };
  const missing = Object.entries(urls).filter(([, url]) => url === undefined);
  if (missing.length === 4) return undefined;
  if (missing.length > 0)
    throw new Error(`config: ${missing.map(([name]) => `AUDIT_EXPORT_${name.toUpperCase()}_URL`).join(', ')} must be set with the other AUDIT_EXPORT_*_URL`);
  const strip = (url: string | undefined) => url!.replace(/\/+$/, '');
  return { identity: strip(urls.identity), consent: strip(urls.consent), records: strip(urls.records), claims: strip(urls.claims) };
}
