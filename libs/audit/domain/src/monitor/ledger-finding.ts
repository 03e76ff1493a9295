// What the completeness monitor reports: a place in the log (topic, partition, an
// offset range) where the chain does not account for the records exactly once, a
// sampled event that does not re-verify, peers that disagree, or anchoring that stalled.
// Ids, offsets and hashes only.
import { createHash } from 'node:crypto';
import type { LedgerAlertRule } from '@carechain/contracts';

export type LedgerFindingKind = LedgerAlertRule;

export interface LedgerFinding {
  /** Derived from what was found, so finding it again (a restart replays the chain) repeats the same id. */
  readonly id: string;
  readonly kind: LedgerFindingKind;
  readonly topic: string;
  readonly partition: number;
  /** The offsets concerned (decimal strings: Kafka offsets are int64). */
  readonly firstOffset: string;
  readonly lastOffset: string;
  readonly batchIds: readonly string[];
  /** Organisations whose peers the finding concerns (peer disagreement), else empty. */
  readonly organisations: readonly string[];
  readonly eventIds: readonly string[];
  readonly detail: string;
  readonly detectedAt: string;
}

export type FindingDraft = Omit<LedgerFinding, 'id' | 'detectedAt' | 'organisations' | 'eventIds'> & Partial<Pick<LedgerFinding, 'organisations' | 'eventIds'>>;

/** A UUID from the finding's kind and place: the same finding twice has one id. */
export function findingId(
  d: Pick<LedgerFinding, 'kind' | 'topic' | 'partition' | 'firstOffset' | 'lastOffset' | 'batchIds'> & { readonly key?: string },
): string {
  const h = createHash('sha256')
    .update(JSON.stringify([d.kind, d.topic, d.partition, d.firstOffset, d.lastOffset, [...d.batchIds].sort(), d.key ?? '']))
    .digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function finding(draft: FindingDraft, now: Date, key?: string): LedgerFinding {
  return {
    organisations: [],
    eventIds: [],
    ...draft,
    id: findingId({ ...draft, key }),
    detectedAt: now.toISOString(),
  };
}
