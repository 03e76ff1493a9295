// The patient's ExplanationOfBenefit: the claim as billed, the payer's adjudication
// per item, and the payment once made.
import type { FhirClaim, FhirClaimResponse, FhirExplanationOfBenefit } from '@carechain/records-fhir';

export interface PaymentDetails {
  readonly amount: number;
  readonly currency: string;
  readonly date: string;
  readonly remittanceReference: string;
}

export function explanationOfBenefitOf(
  claimId: string,
  claim: FhirClaim,
  response: FhirClaimResponse,
  payment: PaymentDetails | undefined,
): FhirExplanationOfBenefit {
  const adjudicationOf = new Map((response.item ?? []).map((i) => [i.itemSequence, i.adjudication]));
  return {
    resourceType: 'ExplanationOfBenefit',
    id: claimId,
    status: 'active',
    type: claim.type,
    use: claim.use,
    patient: claim.patient,
    created: response.created,
    insurer: response.insurer,
    provider: claim.provider,
    claim: { reference: `Claim/${claimId}` },
    claimResponse: { reference: `ClaimResponse/${claimId}` },
    outcome: response.outcome,
    ...(response.disposition !== undefined && { disposition: response.disposition }),
    insurance: claim.insurance.map((i) => ({ focal: i.focal, coverage: i.coverage })),
    item: (claim.item ?? []).map((item) => ({
      sequence: item.sequence,
      productOrService: item.productOrService,
      ...(item.servicedDate !== undefined && { servicedDate: item.servicedDate }),
      ...(item.servicedPeriod !== undefined && { servicedPeriod: item.servicedPeriod }),
      ...(item.quantity !== undefined && { quantity: item.quantity }),
      ...(item.unitPrice !== undefined && { unitPrice: item.unitPrice }),
      ...(item.net !== undefined && { net: item.net }),
      ...(adjudicationOf.has(item.sequence) && { adjudication: adjudicationOf.get(item.sequence) }),
    })),
    ...(response.total !== undefined && { total: response.total }),
    ...(payment && {
      payment: {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/ex-paymenttype', code: 'complete' }] },
        date: payment.date,
        amount: { value: payment.amount / 100, currency: payment.currency },
        identifier: { value: payment.remittanceReference },
      },
    }),
  } as FhirExplanationOfBenefit;
}
