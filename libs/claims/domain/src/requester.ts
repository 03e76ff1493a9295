// Who calls a claims use case, and what each party may do. The roles say who takes
// part; the claim's organisations and patient say which claims.
import type { StoredSubmission } from './stored-claim';
import { forbidden } from './claims.error';

export interface Requester {
  readonly subject: string;
  readonly organisation: string;
  readonly roles: readonly string[];
  /** A service identity bound to one patient (its token's `patient` claim): reads that patient's claims on their request. */
  readonly patient?: string;
}

/** Those who submit, cancel and appeal for a provider organisation. */
export const PROVIDER_ROLES = ['clinician', 'practitioner', 'registrar'] as const;
export const PAYER_ROLE = 'payer';
export const PATIENT_ROLE = 'patient';
export const AUDITOR_ROLE = 'auditor';

export const isProvider = (r: Requester) => PROVIDER_ROLES.some((role) => r.roles.includes(role));
export const isPayer = (r: Requester) => r.roles.includes(PAYER_ROLE);
export const SERVICE_ROLE = 'service';
/** The patient the requester speaks for: their own token, or a service identity bound to them (whose routes are reads). */
export const patientOf = (r: Requester): string | undefined =>
  r.roles.includes(PATIENT_ROLE) ? r.subject : r.roles.includes(SERVICE_ROLE) ? r.patient : undefined;
export const isPatient = (r: Requester) => patientOf(r) !== undefined;
export const isAuditor = (r: Requester) => r.roles.includes(AUDITOR_ROLE);

/**
 * The submitting provider organisation, the claim's insurer, the patient, and the
 * auditors of the provider or the insurer (oversight of their own organisation's
 * processing, never of everyone's) see a claim.
 */
export function maySee(r: Requester, claim: StoredSubmission): boolean {
  return (
    (isAuditor(r) && (r.organisation === claim.provider || r.organisation === claim.insurer)) ||
    (isPayer(r) && r.organisation === claim.insurer) ||
    (isProvider(r) && r.organisation === claim.provider) ||
    patientOf(r) === claim.patientId
  );
}

/** Before anything is looked up: a caller in none of the parties' roles (an unbound service) reads no claim, known or not. */
export function assertReadsClaims(r: Requester): void {
  if (!(isProvider(r) || isPayer(r) || isPatient(r) || isAuditor(r))) throw forbidden('no role that reads claims');
}

export function assertMaySee(r: Requester, claim: StoredSubmission): void {
  if (!maySee(r, claim)) throw forbidden(`claim ${claim.claimId} is not visible to ${r.organisation}`);
}

/** Only the claim's insurer decides and pays it. */
export function assertInsurer(r: Requester, claim: StoredSubmission): void {
  if (!(isPayer(r) && r.organisation === claim.insurer)) throw forbidden(`only the insurer of claim ${claim.claimId} may decide or pay it`);
}

/** Only the submitting provider organisation cancels its claim. */
export function assertProvider(r: Requester, claim: StoredSubmission): void {
  if (!(isProvider(r) && r.organisation === claim.provider)) throw forbidden(`only the provider that submitted claim ${claim.claimId} may do this`);
}
