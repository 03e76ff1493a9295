// A test-only fault: events deliberately left out of anchoring, so the end-to-end
// suite can show the completeness monitor reporting the gap. It sits outside the
// anchoring handler, as a filter on what the handler is given; ledger-writer's
// configuration refuses it unless test mode is on and the peer comes from a devnet
// network file (anchoringFaultsOf), neither of which a deployment (the Helm chart) sets.
import type { RecordBatch } from '@carechain/messaging';
import type { Logger } from '@carechain/telemetry';

export class AnchoringFaults {
  private readonly skip: ReadonlySet<string>;

  constructor(
    eventIds: readonly string[],
    private readonly logger: Logger,
  ) {
    this.skip = new Set(eventIds);
  }

  /** The batch without the events named to be skipped (their offsets still count as processed). */
  apply(batch: RecordBatch): RecordBatch {
    const records = batch.records.filter((r) => !this.skip.has(r.event.id));
    if (records.length === batch.records.length) return batch;
    for (const r of batch.records) {
      if (this.skip.has(r.event.id))
        this.logger.warn({ eventId: r.event.id, topic: r.topic, partition: r.partition, offset: r.offset }, 'TEST FAULT: event left out of anchoring');
    }
    return { ...batch, records };
  }
}

export interface AnchoringFaultSettings {
  readonly LEDGER_TEST_MODE: boolean;
  readonly LEDGER_TEST_SKIP_EVENT_IDS: readonly string[];
  readonly FABRIC_NETWORK_FILE?: string;
}

/** The faults to inject, or undefined (the default); the reasons it is refused otherwise, for a ConfigError. */
export function anchoringFaultsOf(c: AnchoringFaultSettings, logger: Logger): { faults?: AnchoringFaults; problems: string[] } {
  if (c.LEDGER_TEST_SKIP_EVENT_IDS.length === 0) return { problems: [] };
  const problems = [
    ...(c.LEDGER_TEST_MODE ? [] : ['LEDGER_TEST_SKIP_EVENT_IDS leaves events out of anchoring: refused unless LEDGER_TEST_MODE=true (tests only)']),
    ...(c.FABRIC_NETWORK_FILE ? [] : ['LEDGER_TEST_SKIP_EVENT_IDS is refused outside a devnet (FABRIC_NETWORK_FILE unset)']),
  ];
  return problems.length > 0 ? { problems } : { faults: new AnchoringFaults(c.LEDGER_TEST_SKIP_EVENT_IDS, logger), problems };
}
