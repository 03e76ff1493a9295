// The ledger's verdict on a submitted claim, when claims waits for it
// (CLAIMS_AWAIT_CHAIN_VERDICT). The ClaimContract accepts a claim whose every item's
// documentation was anchored before it and which bills no service twice, across
// payers; accepted, the claim is verified (basis chain) and adjudicated by the
// payer's rules as usual; refused, it is denied with the X12 codes of the refusal.
// ChainVerdictsHandler, the consumer of the ledger's verdict events (ledger.claim.v1),
// calls this once per verdict; a redelivered verdict for a claim that has moved on
// changes nothing.
import { CLAIM_VERIFIED_V1, createEvent, type ReasonCode } from '@carechain/contracts';
import { ClaimAdjudicator, subjectOf } from './claim-adjudicator';
import { statusAfterAdjudication, type ClaimStatus } from './claim-status';
import { ClaimsKit, type ClaimsDeps } from './claims.deps';
import { CLAIMS_SOURCE } from './claims-topology';

/** The ClaimContract's refusal codes that a claim can meet at submission. */
export const CHAIN_REFUSALS = ['undocumented-service', 'duplicate-service'] as const;
export type ChainRefusal = (typeof CHAIN_REFUSALS)[number];

export type ChainVerdict =
  { readonly claimId: string; readonly accepted: true } | { readonly claimId: string; readonly accepted: false; readonly refusal: ChainRefusal };

const REFUSAL_REASONS: Readonly<Record<ChainRefusal, readonly ReasonCode[]>> = {
  'undocumented-service': [
    { system: 'carc', code: '16' },
    { system: 'rarc', code: 'M127' },
  ],
  'duplicate-service': [{ system: 'carc', code: '18' }],
};

export class ApplyChainVerdictUseCase {
  private readonly kit: ClaimsKit;
  private readonly adjudicator: ClaimAdjudicator;

  constructor(deps: ClaimsDeps) {
    this.kit = new ClaimsKit(deps);
    this.adjudicator = new ClaimAdjudicator(this.kit);
  }

  /** The claim's state after the verdict (unchanged when it had already left `submitted`). */
  async execute(verdict: ChainVerdict): Promise<ClaimStatus> {
    return this.kit.exclusive(verdict.claimId, async () => {
      const { patientId, claim } = await this.kit.loadClaim(verdict.claimId);
      if (claim.status !== 'submitted') return claim.status;
      const subject = await subjectOf(this.kit, patientId, claim);
      if (!verdict.accepted) {
        const event = await this.adjudicator.event(subject, this.adjudicator.denial(subject, REFUSAL_REASONS[verdict.refusal]), false, { kind: 'chain' });
        await this.kit.publish(patientId, verdict.claimId, [event], 'denied');
        return 'denied';
      }
      const decided = await this.adjudicator.decide(subject);
      const verified = createEvent({
        type: CLAIM_VERIFIED_V1,
        source: CLAIMS_SOURCE,
        subject: patientId,
        time: this.kit.now(),
        data: { claimId: verdict.claimId, patientId, basis: 'chain' },
      });
      const adjudicated = await this.adjudicator.event(subject, decided, false, { kind: 'engine' });
      const status = statusAfterAdjudication(decided.decision.outcome, false);
      await this.kit.publish(patientId, verdict.claimId, [verified, adjudicated], status);
      return status;
    });
  }
}
