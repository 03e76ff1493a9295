// Submitting a Claim (provider roles, for their own organisation). The Claim is
// validated as FHIR R4 and for what claims needs (patient, focal coverage of that
// patient, per item a code, a day, a price and the documenting record), sealed, and
// published as ClaimSubmitted — a disclosure to the payer for payment (HPAYMT).
// Unless the ledger's verdict is awaited, the claim is then verified here and
// adjudicated by the payer's benefit plan in the same send: a clean claim is
// decided when the answer comes back.
import { CLAIM_COMMITTED_V1, CLAIM_SUBMITTED_V1, CLAIM_VERIFIED_V1, createEvent, type CloudEvent } from '@carechain/contracts';
import { validateFinancialResource, type FhirClaim, type FhirClaimResponse } from '@carechain/records-fhir';
import { ClaimAdjudicator, type Subject } from './claim-adjudicator';
import { claimCommitted } from './claim-commitments';
import { parseClaim } from './claim-facts';
import { statusAfterAdjudication, type ClaimStatus } from './claim-status';
import { ClaimsKit, type ClaimsDeps } from './claims.deps';
import { ClaimsError, ClaimsErrorCode, forbidden, unprocessable } from './claims.error';
import { CLAIMS_SOURCE } from './claims-topology';
import { isProvider, type Requester } from './requester';

export interface SubmittedClaim {
  readonly claimId: string;
  readonly patientId: string;
  readonly status: ClaimStatus;
  /** The adjudication, unless the claim waits for the ledger's verdict. */
  readonly response?: FhirClaimResponse;
  readonly eventIds: readonly string[];
}

export class SubmitClaimUseCase {
  private readonly kit: ClaimsKit;
  private readonly adjudicator: ClaimAdjudicator;

  constructor(deps: ClaimsDeps) {
    this.kit = new ClaimsKit(deps);
    this.adjudicator = new ClaimAdjudicator(this.kit);
  }

  async execute(body: unknown, requester: Requester): Promise<SubmittedClaim> {
    const valid = validateFinancialResource(body, 'Claim');
    if (!valid.ok)
      throw new ClaimsError(ClaimsErrorCode.InvalidResource, `not a valid FHIR R4 Claim (${valid.issues.length} issues)`, { issues: valid.issues });
    const parsed = parseClaim(valid.resource);
    if (!isProvider(requester) || requester.organisation !== parsed.provider)
      throw forbidden('a claim is submitted by a provider role of the organisation it names as provider');
    const { patientId, coverageId } = parsed;
    await this.kit.patient(patientId);
    const coverage = await this.kit.store.coverage(patientId, coverageId);
    if (coverage === undefined) {
      const owner = await this.kit.store.patientOfCoverage(coverageId);
      if (owner !== undefined) throw unprocessable('Claim.insurance.coverage', `coverage ${coverageId} is not the patient's`);
      throw new ClaimsError(ClaimsErrorCode.CoverageNotFound, `no coverage ${coverageId}`);
    }
    if (parsed.insurer !== undefined && parsed.insurer !== coverage.payer)
      throw unprocessable('Claim.insurer', `the insurer must be the coverage's payer, ${coverage.payer}`);
    const claimId = this.kit.newId();
    const now = this.kit.now();
    const fhir: FhirClaim = { ...valid.resource, id: claimId, meta: { ...valid.resource.meta, versionId: '1', lastUpdated: now.toISOString() } };
    const actor = { subject: requester.subject, organisation: requester.organisation };
    const event = <T extends string>(type: T, data: object): CloudEvent =>
      createEvent({ type, source: CLAIMS_SOURCE, subject: patientId, actor: actor.subject, actororg: actor.organisation, time: now, data });
    const submitted = event(CLAIM_SUBMITTED_V1, {
      claimId,
      patientId,
      provider: parsed.provider,
      insurer: coverage.payer,
      coverageId,
      use: parsed.use,
      submittedBy: actor,
      purpose: 'HPAYMT',
      documentingRecordIds: [...new Set(parsed.items.flatMap((i) => (i.recordId === undefined ? [] : [i.recordId])))],
      resource: await this.kit.vault.seal(patientId, claimId, 'claim', fhir),
    });
    if (this.kit.settings.awaitChainVerdict) {
      // The chain's share, in the same send: the providers' ledger-writer submits it to the ClaimContract.
      const { salt } = await this.kit.vault.key(patientId);
      const chainData = await claimCommitted({ claimId, patientId, insurer: coverage.payer, submittedAt: now, parsed, fhir, salt }, this.kit.deps.documents);
      const committed = event(CLAIM_COMMITTED_V1, chainData);
      await this.kit.publish(patientId, claimId, [submitted, committed], 'submitted');
      return { claimId, patientId, status: 'submitted', eventIds: [submitted.id, committed.id] };
    }
    const subject: Subject = { claimId, patientId, fhir, parsed, insurer: coverage.payer, coverage, submittedOn: now.toISOString().slice(0, 10) };
    const decided = await this.adjudicator.decide(subject);
    const verified = event(CLAIM_VERIFIED_V1, { claimId, patientId, basis: 'local' });
    const adjudicated = await this.adjudicator.event(subject, decided, false, { kind: 'engine' });
    const status = statusAfterAdjudication(decided.decision.outcome, false);
    await this.kit.publish(patientId, claimId, [submitted, verified, adjudicated], status);
    return { claimId, patientId, status, response: decided.response, eventIds: [submitted.id, verified.id, adjudicated.id] };
  }
}
