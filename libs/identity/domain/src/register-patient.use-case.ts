// Registers a person: the master patient index decides whether they are already
// known. link → PatientLinked on the existing patient (same id back); review →
// a match review with the registration parked under a provisional patient; new →
// keys for a new patient, then PatientRegistered. A provisional patient is in the
// index while its review is open: a registration whose best match is one (at link or
// review level) opens a review against that provisional patient, since it is no
// patient yet to link to (the reviews are then resolved in order: see
// ResolveReviewUseCase). Work on one person is serialised
// by their blocking keys so two concurrent registrations cannot miss each other.
// Every answer waits for Kafka's acknowledgement (acks=all).
import { counter, METRICS } from '@carechain/telemetry';
import { randomUUID } from 'node:crypto';
import {
  createEvent,
  PATIENT_LINKED_V1,
  PATIENT_REGISTERED_V2,
  REVIEW_OPENED_V1,
  Topics,
  type AnyEvent,
  type MatchEvidence,
  type RegistrationDetails,
} from '@carechain/contracts';
import { sealJson } from '@carechain/crypto';
import { blockingKeys, normalise, type MatchScore, type MatchThresholds } from '@carechain/identity-mpi';
import type { EventPublisher } from '@carechain/messaging';
import type { PatientKeyTable } from '@carechain/patient-keys';
import type { RegisterPatientCommand } from './register-patient.command';
import { detailsContext, patientOfIndexId, type IdentityState } from './identity-state';
import { IDENTITY_SOURCE, type PatientKeyIssuer } from './patient-key.issuer';
import { KeyedMutex } from '@carechain/concurrency';

export interface Actor {
  readonly subject: string;
  readonly organisation: string;
}

export type RegistrationOutcome =
  | { readonly outcome: 'registered'; readonly patientId: string; readonly eventId: string }
  | { readonly outcome: 'linked'; readonly patientId: string; readonly eventId: string }
  | { readonly outcome: 'pending-review'; readonly reviewId: string; readonly eventId: string };

export function evidenceOf(score: MatchScore): MatchEvidence {
  return { score: score.total, fields: score.fields.map((f) => ({ field: f.field, level: f.level, weight: f.weight })), modelVersion: score.modelVersion };
}

const registrations = counter(METRICS.mpiRegistrations);

export class RegisterPatientUseCase {
  private readonly mutex = new KeyedMutex();

  constructor(
    private readonly state: IdentityState,
    private readonly keys: PatientKeyTable,
    private readonly issuer: PatientKeyIssuer,
    private readonly publisher: EventPublisher,
    private readonly thresholds?: MatchThresholds,
    private readonly newId: () => string = randomUUID,
  ) {}

  async execute(command: RegisterPatientCommand, actor: Actor): Promise<RegistrationOutcome> {
    const outcome = await this.register(command, actor);
    registrations.add(1, { 'carechain.mpi.outcome': outcome.outcome });
    return outcome;
  }

  private async register(command: RegisterPatientCommand, actor: Actor): Promise<RegistrationOutcome> {
    const details: RegistrationDetails = { demographics: command.demographics, identifiers: command.identifiers };
    const person = normalise(details.demographics, details.identifiers);
    return this.mutex.run(blockingKeys(person), async () => {
      const match = this.state.index.match(person, this.thresholds);
      const registrationId = this.newId();
      const bestPatient = match.best ? patientOfIndexId(match.best.id) : undefined;
      const candidate = bestPatient === undefined ? undefined : this.state.resolve(bestPatient);
      const pending = bestPatient === undefined || candidate ? undefined : this.state.openReviewOf(bestPatient);
      if (match.decision === 'link' && candidate) {
        const key = this.keys.require(candidate.patientId);
        const event = createEvent({
          type: PATIENT_LINKED_V1,
          source: IDENTITY_SOURCE,
          subject: candidate.patientId,
          actor: actor.subject,
          actororg: actor.organisation,
          data: {
            patientId: candidate.patientId,
            registrationId,
            organisation: actor.organisation,
            details: sealJson(key, details, detailsContext(candidate.patientId, registrationId)),
            match: { method: 'automatic' as const, evidence: evidenceOf(match.best!.score) },
          },
        });
        await this.publishAndApply(event, candidate.patientId);
        return { outcome: 'linked', patientId: candidate.patientId, eventId: event.id };
      }
      const patientId = this.newId();
      const key = await this.issuer.issue(patientId, actor);
      const sealed = sealJson(key, details, detailsContext(patientId, registrationId));
      const candidatePatientId = candidate?.patientId ?? pending?.provisionalPatientId;
      if (match.decision !== 'new' && candidatePatientId !== undefined) {
        const reviewId = this.newId();
        const event = createEvent({
          type: REVIEW_OPENED_V1,
          source: IDENTITY_SOURCE,
          subject: patientId,
          actor: actor.subject,
          actororg: actor.organisation,
          data: {
            reviewId,
            provisionalPatientId: patientId,
            candidatePatientId,
            registrationId,
            custodian: actor.organisation,
            details: sealed,
            evidence: evidenceOf(match.best!.score),
          },
        });
        await this.publishAndApply(event, patientId);
        return { outcome: 'pending-review', reviewId, eventId: event.id };
      }
      const event = createEvent({
        type: PATIENT_REGISTERED_V2,
        source: IDENTITY_SOURCE,
        subject: patientId,
        actor: actor.subject,
        actororg: actor.organisation,
        data: { patientId, custodian: actor.organisation, registrationId, details: sealed, match: { decision: 'new' as const } },
      });
      await this.publishAndApply(event, patientId);
      return { outcome: 'registered', patientId, eventId: event.id };
    });
  }

  private async publishAndApply(event: AnyEvent, key: string): Promise<void> {
    await this.publisher.publish(Topics.identityPatient, event, { key });
    this.state.applyEvent(event);
  }
}
