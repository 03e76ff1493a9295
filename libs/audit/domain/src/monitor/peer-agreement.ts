// Whether every organisation's peer holds the same batches: each peer's copy of the
// chain is read on its own, and a batch one peer holds differently, or that one peer
// still lacks after a grace time (peers commit blocks at their own pace), is a finding.
import { serializeBatchRecord, type BatchRecord } from '@carechain/ledger-chaincode-api';
import { finding, type LedgerFinding } from './ledger-finding';

interface Sighting {
  readonly record: BatchRecord;
  readonly byOrg: Map<string, string>;
  readonly firstSeenAt: number;
  reported: boolean;
}

export class PeerAgreement {
  private readonly open = new Map<string, Sighting>();
  /** Batches every peer holds identically: nothing left to compare. */
  private readonly settled = new Set<string>();

  constructor(private readonly organisations: readonly string[]) {}

  /** One peer's batch. `first` is true the first time any peer shows it (the coverage check takes it then). */
  add(organisation: string, record: BatchRecord, now: number): { first: boolean; finding?: LedgerFinding } {
    if (this.settled.has(record.batchId)) return { first: false };
    const bytes = serializeBatchRecord(record);
    let sighting = this.open.get(record.batchId);
    const first = sighting === undefined;
    if (!sighting) {
      sighting = { record, byOrg: new Map(), firstSeenAt: now, reported: false };
      this.open.set(record.batchId, sighting);
    }
    sighting.byOrg.set(organisation, bytes);
    const versions = new Set(sighting.byOrg.values());
    if (versions.size > 1 && !sighting.reported) {
      sighting.reported = true;
      return { first, finding: this.disagreement(sighting, `the peers hold batch ${record.batchId} differently`, [...sighting.byOrg.keys()], now) };
    }
    if (versions.size === 1 && this.organisations.every((o) => sighting.byOrg.has(o))) {
      this.open.delete(record.batchId);
      this.settled.add(record.batchId);
    }
    return { first };
  }

  /** Batches some peer still lacks after `graceMs`: once each. */
  check(now: number, graceMs: number): LedgerFinding[] {
    const out: LedgerFinding[] = [];
    for (const sighting of this.open.values()) {
      if (sighting.reported || now - sighting.firstSeenAt <= graceMs) continue;
      const missing = this.organisations.filter((o) => !sighting.byOrg.has(o));
      if (missing.length === 0) continue;
      sighting.reported = true;
      out.push(
        this.disagreement(
          sighting,
          `batch ${sighting.record.batchId} is on ${[...sighting.byOrg.keys()].join(', ')}'s peer but not on ${missing.join(', ')}'s`,
          missing,
          now,
        ),
      );
    }
    return out;
  }

  private disagreement(sighting: Sighting, detail: string, organisations: string[], now: number): LedgerFinding {
    const { batchId, sourceRange } = sighting.record;
    return finding(
      {
        kind: 'peer-disagreement',
        topic: sourceRange.topic,
        partition: sourceRange.partition,
        firstOffset: String(sourceRange.firstOffset),
        lastOffset: String(sourceRange.lastOffset),
        batchIds: [batchId],
        organisations,
        detail,
      },
      new Date(now),
    );
  }
}
