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
import { AnchoringHandler, ClaimTransitionsHandler, ConsentRegistrationHandler, type AnchoringFaults } from '@carechain/ledger-anchoring';
import type { RecordBatch, ReplicatedRecord } from '@carechain/messaging';
import { PatientKeyTable } from '@carechain/patient-keys';
import { processor, replica, type ProcessorConsumerOptions } from '@carechain/runtime';

/** The Fabric connections the handlers submit through, closed at shutdown. */
export const LEDGER_CONNECTIONS = Symbol('carechain.ledger-writer.connections');
export type LedgerConnections = readonly { close(): void | Promise<void> }[];

export interface AnchoringSettings {
  readonly topics: readonly string[];
  readonly consumer: ProcessorConsumerOptions;
  /** Tests only: events left out of anchoring (AnchoringFaults). */
  readonly faults?: AnchoringFaults;
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
      await closeAll(this.ledgers);
    }

    @EventPattern([Topics.identityKeys], replica('carechain.ledger-writer.keys'))
    patientKeys(record: ReplicatedRecord): Promise<void> {
      return this.keys.apply(record);
    }

    @EventPattern([...settings.topics], processor('anchoring', ConsumerGroups.ledgerWriter, settings.consumer))
    anchor(batch: RecordBatch): Promise<void> {
      return this.anchoring.handle(settings.faults ? settings.faults.apply(batch) : batch);
    }

    @EventPattern([Topics.consentGrant], processor('consent-registry', ConsumerGroups.ledgerWriterConsent))
    registerConsent(batch: RecordBatch): Promise<void> {
      return this.consents.handle(batch);
    }
  }
  return LedgerWriterEvents;
}

async function closeAll(ledgers: LedgerConnections): Promise<void> {
  await Promise.allSettled(ledgers.map((l) => l.close()));
}

export interface ClaimTransitionSettings {
  /** One group per organisation: each instance submits the transitions its organisation made. */
  readonly groupId: string;
  readonly consumer: ProcessorConsumerOptions;
}

/**
 * Every organisation's instance: the claim transitions its organisation made, batched
 * into ClaimContract transactions, with the verdicts published on ledger.claim.v1.
 * The payers' instance runs only this (and closes its connection itself).
 */
export function claimTransitionEvents(settings: ClaimTransitionSettings): Type<unknown> {
  @Controller()
  class ClaimTransitionEvents implements OnApplicationShutdown {
    constructor(
      private readonly transitions: ClaimTransitionsHandler,
      @Inject(LEDGER_CONNECTIONS) private readonly ledgers: LedgerConnections,
    ) {}

    async onApplicationShutdown(): Promise<void> {
      await closeAll(this.ledgers);
    }

    @EventPattern([Topics.claimsClaim], processor('claim-transitions', settings.groupId, settings.consumer))
    submitTransitions(batch: RecordBatch): Promise<void> {
      return this.transitions.handle(batch);
    }
  }
  return ClaimTransitionEvents;
}
