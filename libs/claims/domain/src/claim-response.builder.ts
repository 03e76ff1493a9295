// The FHIR ClaimResponse of a decision: per item the adjudication amounts (FHIR's
// adjudication categories), each reason as an X12 coding, and the totals; the plan
// version in a process note. Amounts leave minor units here.
import type { ReasonCode } from '@carechain/contracts';
import type { AdjudicationDecision, ItemAdjudication } from '@carechain/claims-adjudication';
import type { FhirClaim, FhirClaimResponse } from '@carechain/records-fhir';

const ADJUDICATION = 'http://terminology.hl7.org/CodeSystem/adjudication';
/** FHIR's adjudication categories have no coinsurance, nor a bare "reason" entry. */
export const CARECHAIN_ADJUDICATION = 'https://carechain.dev/fhir/CodeSystem/adjudication';
export const REASON_SYSTEMS: Readonly<Record<ReasonCode['system'], string>> = {
  carc: 'https://x12.org/codes/claim-adjustment-reason-codes',
  rarc: 'https://x12.org/codes/remittance-advice-remark-codes',
};

const COST_SHARING: Readonly<Record<string, 'deductible' | 'copay' | 'coinsurance'>> = { '1': 'deductible', '3': 'copay', '2': 'coinsurance' };

export const money = (cents: number, currency: string) => ({ value: cents / 100, currency });
const category = (system: string, code: string) => ({ coding: [{ system, code }] });
const reasonOf = (r: ReasonCode) => ({ coding: [{ system: REASON_SYSTEMS[r.system], code: r.code }] });

function itemAdjudication(item: ItemAdjudication, currency: string) {
  const amounts = [
    { category: category(ADJUDICATION, 'submitted'), amount: money(item.submitted, currency) },
    { category: category(ADJUDICATION, 'eligible'), amount: money(item.eligible, currency) },
  ];
  const shares = (['deductible', 'copay', 'coinsurance'] as const).map((share) => {
    const reason = item.reasons.find((r) => r.system === 'carc' && COST_SHARING[r.code] === share);
    return {
      category: category(share === 'coinsurance' ? CARECHAIN_ADJUDICATION : ADJUDICATION, share),
      ...(reason && { reason: reasonOf(reason) }),
      amount: money(item[share], currency),
    };
  });
  const others = item.reasons
    .filter((r) => !(r.system === 'carc' && COST_SHARING[r.code] !== undefined))
    .map((r) => ({ category: category(CARECHAIN_ADJUDICATION, 'reason'), reason: reasonOf(r) }));
  return [...amounts, ...shares, { category: category(ADJUDICATION, 'benefit'), amount: money(item.benefit, currency) }, ...others];
}

export function claimResponseOf(claimId: string, claim: FhirClaim, decision: AdjudicationDecision, insurer: string, created: Date): FhirClaimResponse {
  const { currency, totals } = decision;
  return {
    resourceType: 'ClaimResponse',
    id: claimId,
    status: 'active',
    type: claim.type,
    use: claim.use,
    patient: claim.patient,
    created: created.toISOString(),
    insurer: { reference: `Organization/${insurer}` },
    requestor: claim.provider,
    request: { reference: `Claim/${claimId}` },
    outcome: decision.outcome === 'pended' ? 'queued' : decision.outcome === 'partially-approved' ? 'partial' : 'complete',
    disposition: decision.outcome,
    item: decision.items.map((item) => ({ itemSequence: item.sequence, adjudication: itemAdjudication(item, currency) })),
    total: [
      { category: category(ADJUDICATION, 'submitted'), amount: money(totals.submitted, currency) },
      { category: category(ADJUDICATION, 'eligible'), amount: money(totals.eligible, currency) },
      { category: category(ADJUDICATION, 'benefit'), amount: money(totals.benefit, currency) },
    ],
    processNote: [
      {
        number: 1,
        type: 'display',
        text:
          decision.plan.version > 0
            ? `benefit plan ${decision.plan.planId} version ${decision.plan.version}`
            : `no benefit plan ${decision.plan.planId} is loaded: decided by a person`,
      },
    ],
  } as FhirClaimResponse;
}

/** Minor units per item the response gives in one adjudication category (e.g. what went to the deductible). */
export function amountIn(response: FhirClaimResponse, code: string): number {
  return (response.item ?? []).reduce(
    (sum, item) =>
      sum + item.adjudication.filter((a) => a.category.coding?.some((c) => c.code === code)).reduce((s, a) => s + Math.round((a.amount?.value ?? 0) * 100), 0),
    0,
  );
}

/** The benefit total of a response, in minor units. */
export function benefitOf(response: FhirClaimResponse): number {
  const total = response.total?.find((t) => t.category.coding?.some((c) => c.system === ADJUDICATION && c.code === 'benefit'));
  return Math.round((total?.amount.value ?? 0) * 100);
}
