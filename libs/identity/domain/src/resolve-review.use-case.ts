// A person decides a match review. link: the parked registration is re-sealed under
// the candidate's key and joins that patient; the provisional patient's keys are
// shredded (nothing else was ever sealed under them). separate: the provisional
// patient becomes a patient in its own right, with the keys it already has.
// A review's candidate may itself be a provisional patient (a registration that
// matched one whose review was open): linking to it waits for that review; once
// linked, the candidate is the patient it joined, once separated, itself.
import { createEvent, PATIENT_LINKED_V1, PATIENT_REGISTERED_V2, REVIEW_RESOLVED_V1, Topics, type AnyEvent } from '@carechain/contracts';
import { sealJson } from '@carechain/crypto';
import type { EventPublisher } from '@carechain/messaging';
import type { PatientKeyTable } from '@carechain/patient-keys';
import { detailsContext, type IdentityState } from './identity-state';
import { IdentityError, IdentityErrorCode } from './identity.error';
import { IDENTITY_SOURCE, type PatientKeyIssuer } from './patient-key.issuer';
import { actorOf, requireAccess, type Caller } from './patient-access';

export class ResolveReviewUseCase {
  constructor(
    private readonly state: IdentityState,
    private readonly keys: PatientKeyTable,
    private readonly issuer: PatientKeyIssuer,
    private readonly publisher: EventPublisher,
  ) {}

  async execute(reviewId: string, outcome: 'link' | 'separate', caller: Caller): Promise<{ patientId: string }> {
    const review = this.state.review(reviewId);
    if (!review) throw new IdentityError(IdentityErrorCode.ReviewNotFound, `no match review ${reviewId}`);
    // The registration under review is the registering organisation's: its staff decide.
    requireAccess(
      'identity.review.resolve',
      caller,
      caller.organisation === review.custodian && !caller.roles.includes('patient') ? 'custodian' : 'other',
      'only staff of the organisation whose registration is under review may resolve it',
    );
    const actor = actorOf(caller);
    if (review.status !== 'open') throw new IdentityError(IdentityErrorCode.ReviewClosed, `match review ${reviewId} was already resolved (${review.status})`);
    const details = this.state.open(review.provisionalPatientId, review);
    if (!details) throw new IdentityError(IdentityErrorCode.KeysUnavailable, 'the registration under review can no longer be decrypted');
    const common = { source: IDENTITY_SOURCE, actor: actor.subject, actororg: actor.organisation };
    let patientId: string;
    if (outcome === 'link') {
      const blocking = this.state.openReviewOf(review.candidatePatientId);
      if (blocking)
        throw new IdentityError(
          IdentityErrorCode.CandidateUnderReview,
          `the candidate is a provisional patient whose own match review ${blocking.reviewId} is open: resolve it first`,
        );
      const target = this.state.resolve(this.state.clusterOf(review.candidatePatientId));
      if (!target) throw new IdentityError(IdentityErrorCode.PatientNotFound, 'the candidate patient no longer exists (erased?): separate instead');
      patientId = target.patientId;
      const key = this.keys.require(patientId);
      await this.emit(
        createEvent({
          ...common,
          type: PATIENT_LINKED_V1,
          subject: patientId,
          data: {
            patientId,
            registrationId: review.registrationId,
            organisation: review.custodian,
            details: sealJson(key, details, detailsContext(patientId, review.registrationId)),
            match: { method: 'review' as const, reviewId, evidence: review.evidence },
          },
        }),
        patientId,
      );
    } else {
      patientId = review.provisionalPatientId;
      await this.emit(
        createEvent({
          ...common,
          type: PATIENT_REGISTERED_V2,
          subject: patientId,
          data: {
            patientId,
            custodian: review.custodian,
            registrationId: review.registrationId,
            details: review.details,
            match: { decision: 'separated' as const, reviewId },
          },
        }),
        patientId,
      );
    }
    await this.emit(
      createEvent({
        ...common,
        type: REVIEW_RESOLVED_V1,
        subject: review.provisionalPatientId,
        data: {
          reviewId,
          provisionalPatientId: review.provisionalPatientId,
          candidatePatientId: review.candidatePatientId,
          outcome: outcome === 'link' ? ('linked' as const) : ('separated' as const),
        },
      }),
      review.provisionalPatientId,
    );
    if (outcome === 'link') await this.issuer.shred(review.provisionalPatientId);
    return { patientId };
  }

  private async emit(event: AnyEvent, key: string): Promise<void> {
    await this.publisher.publish(Topics.identityPatient, event, { key });
    this.state.applyEvent(event);
  }
}
