// Test-only faults, so the end-to-end suite can show the completeness monitor finding
// what it exists to find: events left out of anchoring (a gap), and events anchored
// with a leaf that is not their record's (what a record forged after anchoring, or a
// writer committing something else, looks like: only recomputing the leaf from the
// record catches it). They sit outside the anchoring handler, as a filter on what the
// handler is given; ledger-writer's configuration refuses them unless test mode is on
// and the peer comes from a devnet network file (anchoringFaultsOf), neither of which a
// deployment (the Helm chart) sets.
import type { ConsumedRecord, RecordBatch } from '@carechain/messaging';
import type { Logger } from '@carechain/telemetry';

/** What a forged event's source becomes in what is committed: any change of its bytes would do. */
const FORGED_SOURCE_SUFFIX = '#forged-by-test-fault';

export class AnchoringFaults {
  private readonly skip: ReadonlySet<string>;
  private readonly forge: ReadonlySet<string>;

  constructor(
    faults: { readonly skip: readonly string[]; readonly forge: readonly string[] },
    private readonly logger: Logger,
  ) {
    this.skip = new Set(faults.skip);
    this.forge = new Set(faults.forge);
  }

  /** The batch without the events named to be skipped (their offsets still count as processed), the ones named to be forged altered. */
  apply(batch: RecordBatch): RecordBatch {
    if (!batch.records.some((r) => this.skip.has(r.event.id) || this.forge.has(r.event.id))) return batch;
    const records: ConsumedRecord[] = [];
    for (const r of batch.records) {
      const where = { eventId: r.event.id, topic: r.topic, partition: r.partition, offset: r.offset };
      if (this.skip.has(r.event.id)) {
        this.logger.warn(where, 'TEST FAULT: event left out of anchoring');
      } else if (this.forge.has(r.event.id)) {
        this.logger.warn(where, 'TEST FAULT: event anchored with a leaf that is not its record’s');
        records.push({ ...r, event: { ...r.event, source: `${r.event.source}${FORGED_SOURCE_SUFFIX}` } });
      } else {
        records.push(r);
      }
    }
    return { ...batch, records };
  }
}

export interface AnchoringFaultSettings {
  readonly LEDGER_TEST_MODE: boolean;
  readonly LEDGER_TEST_SKIP_EVENT_IDS: readonly string[];
  readonly LEDGER_TEST_FORGE_EVENT_IDS: readonly string[];
  readonly FABRIC_NETWORK_FILE?: string;
}

/** The faults to inject, or undefined (the default); the reasons they are refused otherwise, for a ConfigError. */
export function anchoringFaultsOf(c: AnchoringFaultSettings, logger: Logger): { faults?: AnchoringFaults; problems: string[] } {
  const named = [
    ...(c.LEDGER_TEST_SKIP_EVENT_IDS.length > 0 ? ['LEDGER_TEST_SKIP_EVENT_IDS leaves events out of anchoring'] : []),
    ...(c.LEDGER_TEST_FORGE_EVENT_IDS.length > 0 ? ['LEDGER_TEST_FORGE_EVENT_IDS anchors events with leaves not their own'] : []),
  ];
  if (named.length === 0) return { problems: [] };
  const problems = [
    ...(c.LEDGER_TEST_MODE ? [] : named.map((n) => `${n}: refused unless LEDGER_TEST_MODE=true (tests only)`)),
    ...(c.FABRIC_NETWORK_FILE ? [] : named.map((n) => `${n}: refused outside a devnet (FABRIC_NETWORK_FILE unset)`)),
  ];
  if (problems.length > 0) return { problems };
  return { faults: new AnchoringFaults({ skip: c.LEDGER_TEST_SKIP_EVENT_IDS, forge: c.LEDGER_TEST_FORGE_EVENT_IDS }, logger), problems };
}
