// Publishes GrantExpired for every active grant whose validUntil has passed. Decisions
// already deny such grants by time; the event tells everyone else (audit, the ledger,
// other services' books) that the grant is over.
//
// Run periodically by each instance. Two instances may both publish the expiry of one
// grant: harmless, since the payload is the same (expiredAt is the grant's validUntil,
// not the moment it was noticed) and every GrantBook applies the first ending only.
// One instance publishes each expiry once: it applies the events to its own state as
// soon as Kafka acknowledged them, and overlapping runs are skipped. A failed publish
// leaves the grants active, to be found again on the next run.
import { createEvent, GRANT_EXPIRED_V1, Topics, type CloudEvent } from '@carechain/contracts';
import type { EventPublisher } from '@carechain/messaging';
import { CONSENT_SOURCE } from './consent-source';
import type { ConsentState } from './consent-state';

// Bounds one run's publish after a long outage; the rest follow on the next runs.
export const MAX_EXPIRIES_PER_RUN = 500;

export class ExpireDueGrantsUseCase {
  private running = false;

  constructor(
    private readonly state: ConsentState,
    private readonly publisher: EventPublisher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Returns how many expiries were published (0 when another run is still in progress). */
  async execute(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const due = this.state.dueForExpiry(this.now()).slice(0, MAX_EXPIRIES_PER_RUN);
      if (due.length === 0) return 0;
      const events = due.map((grant) =>
        createEvent({
          type: GRANT_EXPIRED_V1,
          source: CONSENT_SOURCE,
          subject: grant.patientId,
          // A grant is only due when it has a validUntil.
          data: { grantId: grant.grantId, patientId: grant.patientId, expiredAt: grant.validUntil! },
        }),
      );
      await this.publisher.publishAll(Topics.consentGrant, events, patientKey);
      for (const event of events) this.state.applyEvent(event);
      return events.length;
    } finally {
      this.running = false;
    }
  }
}

function patientKey(event: CloudEvent): string {
  // Every event built above has the patient id as its subject.
  return event.subject!;
}
