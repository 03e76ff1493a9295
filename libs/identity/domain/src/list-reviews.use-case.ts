// The open match reviews a data steward may decide: those of registrations their own
// organisation made (the registration, decrypted in memory, the candidate it may be,
// and the per-field evidence), oldest first.
import type { MatchEvidence, RegistrationDetails } from '@carechain/contracts';
import type { IdentityState } from './identity-state';
import { requireAccess, type Caller } from './patient-access';

export interface ReviewView {
  readonly reviewId: string;
  readonly openedAt: string;
  readonly candidatePatientId: string;
  readonly registration: { readonly organisation: string } & Partial<RegistrationDetails>;
  readonly evidence: MatchEvidence;
}

export class ListReviewsUseCase {
  constructor(private readonly state: IdentityState) {}

  execute(caller: Caller): { reviews: ReviewView[] } {
    requireAccess('identity.review.list', caller, 'other', 'only data stewards and administrators list match reviews');
    const reviews = this.state
      .openReviews()
      .filter((r) => r.custodian === caller.organisation)
      .map((r) => ({
        reviewId: r.reviewId,
        openedAt: r.openedAt,
        candidatePatientId: r.candidatePatientId,
        registration: { organisation: r.custodian, ...this.state.open(r.provisionalPatientId, r) },
        evidence: r.evidence,
      }));
    return { reviews };
  }
}
