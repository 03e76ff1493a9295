// Binds ledger-writer's work to its topics: the patient keys (salts for commitments),
// the anchoring of every domain event (batched by size and time where the data is:
// the consumer's fetch settings; committed after the receipts are out) and the
// consent registry on the chain. The anchoring keeps its consumer's guarantees as
// they were: the transport runs the same KafkaEventConsumer with the same settings.
// Its topics and batch settings are configuration, so the class is made once the
// configuration is read (decorators take their arguments when the class is defined).
import { Controller, Inject, type OnApplicationShutdown, type OnModuleInit, type Type } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { ConsumerGroups, Topics } from '@carechain/contracts';
import { Readiness } from '@carechain/http';
import { AnchoringHandler, ConsentRegistrationHandler } from '@carechain/ledger-anchoring';
import type { RecordBatch, ReplicatedRecord } from '@carechain/messaging';
import { PatientKeyTable } from '@carechain/patient-keys';
import { processor, replica, type ProcessorConsumerOptions } from '@carechain/runtime';

/** The Fabric connections the handlers submit through, closed at shutdown. */
export const LEDGER_CONNECTIONS = Symbol('carechain.ledger-writer.connections');
export type LedgerConnections = readonly { close(): void | Promise<void> }[];

export interface AnchoringSettings {
  readonly topics: readonly string[];
  readonly consumer: ProcessorConsumerOptions;
}

export function ledgerWriterEvents(settings: AnchoringSettings): Type<unknown> {
  @Controller()
  class LedgerWriterEvents implements OnModuleInit, OnApplicationShutdown {
    constructor(
      private readonly keys: PatientKeyTable,
      private readonly anchoring: AnchoringHandler,
      private readonly consents: ConsentRegistrationHandler,
      @Inject(LEDGER_CONNECTIONS) private readonly ledgers: LedgerConnections,
      private readonly readiness: Readiness,
    ) {}

    onModuleInit(): void {
      this.readiness.register({ name: 'fabric', check: () => this.anchoring.isLedgerReachable() });
    }

    /** After the transport stopped the consumers (Nest closes them first): nothing submits any more. */
    async onApplicationShutdown(): Promise<void> {
      await Promise.allSettled(this.ledgers.map((l) => l.close()));
    }

    @EventPattern([Topics.identityKeys], replica('carechain.ledger-writer.keys'))
    patientKeys(record: ReplicatedRecord): Promise<void> {
      return this.keys.apply(record);
    }

    @EventPattern([...settings.topics], processor('anchoring', ConsumerGroups.ledgerWriter, settings.consumer))
    anchor(batch: RecordBatch): Promise<void> {
      return this.anchoring.handle(batch);
    }

    @EventPattern([Topics.consentGrant], processor('consent-registry', ConsumerGroups.ledgerWriterConsent))
    registerConsent(batch: RecordBatch): Promise<void> {
      return this.consents.handle(batch);
    }
  }
  return LedgerWriterEvents;
}
