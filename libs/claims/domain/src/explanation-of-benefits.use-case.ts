// A patient's ExplanationOfBenefits: one per decided claim. Read by the patient,
// their custodian organisation (provider roles), the payer (for the claims sent to
// it) and auditors.
import type { FhirClaim, FhirClaimResponse, FhirExplanationOfBenefit } from '@carechain/records-fhir';
import { ClaimsKit, type ClaimsDeps } from './claims.deps';
import { forbidden } from './claims.error';
import { explanationOfBenefitOf, type PaymentDetails } from './explanation-of-benefit.builder';
import { isAuditor, patientOf, isPayer, isProvider, type Requester } from './requester';

export class ExplanationOfBenefitsUseCase {
  private readonly kit: ClaimsKit;

  constructor(deps: ClaimsDeps) {
    this.kit = new ClaimsKit(deps);
  }

  async execute(patientId: string, requester: Requester): Promise<FhirExplanationOfBenefit[]> {
    const patient = await this.kit.patient(patientId);
    const self = patientOf(requester) === patientId;
    // The custodian's providers and auditors see them all; a payer (or its auditors) those of claims sent to it.
    const custodian = (isProvider(requester) || isAuditor(requester)) && requester.organisation === patient.custodian;
    const payer = isPayer(requester) || isAuditor(requester);
    if (!self && !custodian && !payer)
      throw forbidden(`the explanations of benefit of patient ${patientId} are the patient's, their custodian's and their payers'`);
    const onlyInsurer = !self && !custodian ? requester.organisation : undefined;
    const claims = (await this.kit.store.claimsOfPatient(patientId)).filter(
      (c) => c.adjudication !== undefined && (onlyInsurer === undefined || c.submission.insurer === onlyInsurer),
    );
    return Promise.all(
      claims.map(async (c) => {
        const { claimId } = c.submission;
        const claim = await this.kit.vault.open<FhirClaim>(patientId, claimId, 'claim', c.submission.resource);
        const response = await this.kit.vault.open<FhirClaimResponse>(patientId, claimId, 'response', c.adjudication!.response);
        const payment = c.payment && (await this.kit.vault.open<PaymentDetails>(patientId, claimId, 'payment', c.payment.payment));
        return explanationOfBenefitOf(claimId, claim, response, payment);
      }),
    );
  }
}
