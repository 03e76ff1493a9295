// A payer's person decides a claim the rules pended, or re-adjudicates an appealed
// one. Approving authorises the codes the rules held for prior authorisation and
// runs the benefit plan again (amounts stay the plan's); denying puts the person's
// reason codes on every item.
import type { ReasonCode } from '@carechain/contracts';
import { ClaimAdjudicator, subjectOf } from './claim-adjudicator';
import { assertTransition, statusAfterAdjudication, type ClaimStatus } from './claim-status';
import { ClaimsKit, type ClaimsDeps } from './claims.deps';
import { unprocessable } from './claims.error';
import { assertInsurer, type Requester } from './requester';
import type { FhirClaimResponse } from '@carechain/records-fhir';

export type PersonDecision = { readonly decision: 'approve' } | { readonly decision: 'deny'; readonly reasons: readonly ReasonCode[] };

export interface AdjudicatedClaim {
  readonly claimId: string;
  readonly status: ClaimStatus;
  readonly response: FhirClaimResponse;
  readonly eventId: string;
}

export class AdjudicateClaimUseCase {
  private readonly kit: ClaimsKit;
  private readonly adjudicator: ClaimAdjudicator;

  constructor(deps: ClaimsDeps) {
    this.kit = new ClaimsKit(deps);
    this.adjudicator = new ClaimAdjudicator(this.kit);
  }

  async execute(claimId: string, body: PersonDecision, requester: Requester): Promise<AdjudicatedClaim> {
    return this.kit.exclusive(claimId, async () => {
      const { patientId, claim } = await this.kit.loadClaim(claimId);
      assertInsurer(requester, claim.submission);
      const reAdjudication = claim.status === 'appealed';
      const subject = await subjectOf(this.kit, patientId, claim);
      const decided =
        body.decision === 'deny'
          ? this.adjudicator.denial(subject, body.reasons)
          : await this.adjudicator.decide(
              subject,
              subject.parsed.items.map((i) => i.code.code),
            );
      if (decided.decision.outcome === 'pended')
        throw unprocessable(
          'decision',
          `no benefit plan ${subject.coverage.planId} of ${subject.coverage.payer} is loaded: load it, or deny with reason codes`,
        );
      const status = statusAfterAdjudication(decided.decision.outcome, reAdjudication);
      assertTransition(claimId, claim.status, status);
      const actor = { subject: requester.subject, organisation: requester.organisation };
      const event = await this.adjudicator.event(subject, decided, reAdjudication, { kind: 'person', actor }, actor);
      await this.kit.publish(patientId, claimId, [event], status);
      return { claimId, status, response: decided.response, eventId: event.id };
    });
  }
}
