// Reading claims: one by id, or a search. Only the submitting provider
// organisation, the insurer, the patient and auditors see a claim; a search is
// narrowed to what the caller may see (a payer's to claims sent to it, a provider's
// to its own, a patient's to their own). The Claim carries its lifecycle state as
// an extension, and its ClaimResponse once decided.
import type { FhirClaim, FhirClaimResponse } from '@carechain/records-fhir';
import type { ClaimStatus } from './claim-status';
import { ClaimsKit, type ClaimsDeps } from './claims.deps';
import { forbidden } from './claims.error';
import { assertMaySee, assertReadsClaims, isAuditor, patientOf, isPayer, isProvider, maySee, type Requester } from './requester';
import type { StoredClaim } from './stored-claim';

export const CLAIM_STATE_EXTENSION = 'https://carechain.dev/fhir/StructureDefinition/claim-state';

export interface ClaimView {
  readonly claim: FhirClaim;
  readonly status: ClaimStatus;
  readonly response?: FhirClaimResponse;
}

export interface ClaimSearch {
  readonly patient?: string;
  readonly status?: ClaimStatus;
  readonly provider?: string;
  readonly insurer?: string;
  readonly count: number;
  readonly offset: number;
}

export interface ClaimPage {
  readonly total: number;
  readonly claims: readonly ClaimView[];
}

export class ReadClaimsUseCase {
  private readonly kit: ClaimsKit;

  constructor(deps: ClaimsDeps) {
    this.kit = new ClaimsKit(deps);
  }

  async read(claimId: string, requester: Requester): Promise<ClaimView> {
    assertReadsClaims(requester);
    const { patientId, claim } = await this.kit.loadClaim(claimId);
    assertMaySee(requester, claim.submission);
    return this.view(patientId, claim);
  }

  async search(query: ClaimSearch, requester: Requester): Promise<ClaimPage> {
    const narrowed = narrow(query, requester);
    const candidates = await this.candidates(narrowed);
    const matching = candidates.filter(
      (c) =>
        maySee(requester, c.submission) &&
        (narrowed.status === undefined || c.status === narrowed.status) &&
        (narrowed.provider === undefined || c.submission.provider === narrowed.provider) &&
        (narrowed.insurer === undefined || c.submission.insurer === narrowed.insurer),
    );
    const page = matching.slice(query.offset, query.offset + query.count);
    return { total: matching.length, claims: await Promise.all(page.map((c) => this.view(c.submission.patientId, c))) };
  }

  private async candidates(query: ClaimSearch): Promise<StoredClaim[]> {
    if (query.patient !== undefined) return this.kit.store.claimsOfPatient(query.patient);
    const [role, organisation] = query.insurer !== undefined ? (['insurer', query.insurer] as const) : (['provider', query.provider!] as const);
    const ids = await this.kit.store.claimIdsOf(role, organisation);
    const found = await Promise.all(
      ids.map(async (id) => {
        const patientId = await this.kit.store.patientOfClaim(id);
        return patientId === undefined || this.kit.deps.patients.get(patientId)?.erased ? undefined : this.kit.store.claim(patientId, id);
      }),
    );
    return found.filter((c): c is StoredClaim => c !== undefined);
  }

  private async view(patientId: string, claim: StoredClaim): Promise<ClaimView> {
    const { claimId } = claim.submission;
    const fhir = await this.kit.vault.open<FhirClaim>(patientId, claimId, 'claim', claim.submission.resource);
    const stated: FhirClaim = { ...fhir, extension: [...(fhir.extension ?? []), { url: CLAIM_STATE_EXTENSION, valueCode: claim.status }] };
    const response = claim.adjudication && (await this.kit.vault.open<FhirClaimResponse>(patientId, claimId, 'response', claim.adjudication.response));
    return { claim: stated, status: claim.status, ...(response && { response }) };
  }
}

/** The search as the caller may make it: a party's own claims only; an auditor its own organisation's, as provider or insurer. */
function narrow(query: ClaimSearch, r: Requester): ClaimSearch {
  if (isAuditor(r)) {
    if (query.provider !== r.organisation && query.insurer !== r.organisation)
      throw forbidden('an auditor searches the claims its own organisation submitted or received: name it as provider or insurer');
    return query;
  }
  if (isPayer(r)) {
    if (query.insurer !== undefined && query.insurer !== r.organisation) throw forbidden('a payer searches the claims sent to it');
    return { ...query, insurer: r.organisation };
  }
  if (isProvider(r)) {
    if (query.provider !== undefined && query.provider !== r.organisation) throw forbidden('a provider searches its own claims');
    return { ...query, provider: r.organisation };
  }
  const own = patientOf(r);
  if (own !== undefined) {
    if (query.patient !== undefined && query.patient !== own) throw forbidden('a patient searches their own claims');
    return { ...query, patient: own };
  }
  throw forbidden('no role that reads claims');
}
