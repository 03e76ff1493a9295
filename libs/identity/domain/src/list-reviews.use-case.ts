// The open match reviews a data steward may decide: those of registrations their own
// organisation made (the registration, decrypted in memory, the candidate it may be,
// and the per-field evidence), oldest first. A candidate that is itself a provisional
// patient under review carries that review's id: it is decided first.
import type { MatchEvidence, RegistrationDetails } from '@carechain/contracts';
import type { IdentityState } from './identity-state';
import { requireAccess, type Caller } from './patient-access';

export interface ReviewView {
  readonly reviewId: string;
  readonly openedAt: string;
  readonly candidatePatientId: string;
  /** When the candidate is a provisional patient whose own review is open: that review. */
  readonly candidateReviewId?: string;
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
      .map((r) => {
        const candidateReviewId = this.state.openReviewOf(r.candidatePatientId)?.reviewId;
        return {
          reviewId: r.reviewId,
          openedAt: r.openedAt,
          candidatePatientId: r.candidatePatientId,
          ...(candidateReviewId !== undefined && { candidateReviewId }),
          registration: { organisation: r.custodian, ...this.state.open(r.provisionalPatientId, r) },
          evidence: r.evidence,
        };
      });
    return { reviews };
  }
}
