// The records of the anchored topics, for the completeness monitor: a replica (a group
// of its own, from the start of each partition, every partition in this instance), so
// the monitor sees the log as it is, not as ledger-writer's consumer group saw it.
// Malformed records are skipped, as ledger-writer dead-letters rather than anchors them.
// The patients' keys too (identity.keys.v1), for the salts sampled events' leaves are
// recomputed under. Topics are configuration: the class is made once the configuration is read.
import { Controller, type Type } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { Topics } from '@carechain/contracts';
import type { ReplicatedRecord } from '@carechain/messaging';
import { PatientKeyTable } from '@carechain/patient-keys';
import { replica } from '@carechain/runtime';
import { LedgerMonitorRunner } from './ledger-monitor.runner';

export function ledgerMonitorEvents(topics: readonly string[]): Type<unknown> {
  @Controller()
  class LedgerMonitorEvents {
    constructor(
      private readonly runner: LedgerMonitorRunner,
      private readonly keys: PatientKeyTable,
    ) {}

    @EventPattern([Topics.identityKeys], replica('carechain.audit.monitor.keys'))
    patientKeys(record: ReplicatedRecord): Promise<void> {
      return this.keys.apply(record);
    }

    @EventPattern([...topics], replica('carechain.audit.monitor'))
    record(record: ReplicatedRecord): void {
      if (record.event) this.runner.monitor.record(record.topic, record.partition, record.offset, record.event);
    }
  }
  return LedgerMonitorEvents;
}
