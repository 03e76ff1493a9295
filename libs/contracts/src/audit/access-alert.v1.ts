// An access pattern a privacy officer should look at, raised by audit as
// records.access.v1 flows: break-glass use, one user reading many distinct patients
// in a short window, a read of a restricted patient (a staff member, a public figure),
// repeated denials. Ids, counts and times only.
import { z } from 'zod';
import { organisationIdSchema } from '../identity/patient.schema';

export const ACCESS_ALERT_RAISED_V1 = 'carechain.audit.alert.raised.v1';

export const ACCESS_ALERT_RULES = ['break-glass', 'many-patients', 'restricted-patient', 'repeated-denials'] as const;

export const accessAlertRaisedV1Schema = z.object({
  /** Derived from the rule and the access that raised it: a redelivered access raises the same alert id. */
  alertId: z.uuid(),
  rule: z.enum(ACCESS_ALERT_RULES),
  actor: z.object({ subject: z.string().min(1).max(128), organisation: organisationIdSchema }),
  /** The patients the alert is about (for many-patients, the distinct patients of the window). */
  patientIds: z.array(z.uuid()).min(1).max(1000),
  /** The access event (records.access.v1) that raised it. */
  accessEventId: z.string().min(1).max(128),
  /** The window the rule counted over (equal ends for a single access). */
  window: z.object({ from: z.iso.datetime(), to: z.iso.datetime() }),
  /** What was counted, and the configured threshold it reached. */
  count: z.number().int().min(1),
  threshold: z.number().int().min(1),
});

export type AccessAlertRaisedV1 = Readonly<z.infer<typeof accessAlertRaisedV1Schema>>;
export type AccessAlertRule = (typeof ACCESS_ALERT_RULES)[number];
