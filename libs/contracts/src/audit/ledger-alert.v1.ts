// A finding of the completeness monitor, raised once on audit.alert.v1: the batches
// on the chain do not cover a topic partition's records exactly once (a gap, an
// overlap), a re-verified event or a batch does not match its root, the
// organisations' peers disagree, or anchoring stalled. Kafka coordinates, batch ids,
// event ids and hashes only: nothing about a patient.
import { z } from 'zod';

export const LEDGER_ALERT_RAISED_V1 = 'carechain.audit.ledger.alert-raised.v1';

export const LEDGER_ALERT_RULES = ['ledger-gap', 'ledger-overlap', 'root-mismatch', 'peer-disagreement', 'ledger-stall'] as const;

const offset = z.string().regex(/^\d{1,19}$/, 'a Kafka offset (decimal)');

export const ledgerAlertRaisedV1Schema = z.object({
  /** Derived from the rule and the place: the same finding found again (a replay) has the same id. */
  alertId: z.uuid(),
  rule: z.enum(LEDGER_ALERT_RULES),
  topic: z.string().min(1).max(249),
  partition: z.number().int().min(0),
  firstOffset: offset,
  lastOffset: offset,
  batchIds: z.array(z.string().min(1).max(128)).max(16),
  /** The organisations whose peers a disagreement concerns. */
  organisations: z.array(z.string().min(1).max(64)).max(16),
  /** The events concerned (a gap's records, a sample that did not re-verify), at most 100. */
  eventIds: z.array(z.string().min(1).max(128)).max(100),
  detail: z.string().min(1).max(1000),
  detectedAt: z.iso.datetime(),
});

export type LedgerAlertRaisedV1 = Readonly<z.infer<typeof ledgerAlertRaisedV1Schema>>;
export type LedgerAlertRule = (typeof LEDGER_ALERT_RULES)[number];
