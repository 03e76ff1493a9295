// Whether a grant reaches a request: who (organisation, and practitioner when the grant
// names one), why (purpose) and what (categories), then whether it is in force.
import type { AccessRequest, Requester } from './access-request';
import type { Grant } from './grant';
import { type CompiledGrant, compileGrant } from './compiled-grant';
import { compileRequest } from './compiled-request';
import { DenyReason } from './deny-reason';
import { validityMiss } from './grant-validity';

export type ScopeMiss = DenyReason.NoGrant | DenyReason.PractitionerMismatch | DenyReason.PurposeNotGranted;

/**
 * Why the grant does not reach this requester for this purpose, or undefined when it
 * does. A grant of another patient (one `isThePatient` does not recognise) is treated
 * like one to another organisation, so a caller handing over the wrong patient's
 * grants cannot open access.
 */
export function scopeMiss(
  grant: Grant,
  compiled: CompiledGrant,
  isThePatient: (patientId: string) => boolean,
  requester: Requester,
  purposeMask: number,
): ScopeMiss | undefined {
  if (!isThePatient(grant.patientId) || grant.grantee.organisation !== requester.organisation) return DenyReason.NoGrant;
  const practitioner = grant.grantee.practitioner;
  if (practitioner !== undefined && practitioner !== requester.subject) return DenyReason.PractitionerMismatch;
  if ((compiled.purposeMask & purposeMask) === 0) return DenyReason.PurposeNotGranted;
  return undefined;
}

/**
 * True when this grant alone permits the whole request: same patient, the requester's
 * organisation (and practitioner, if the grant names one), the purpose, every requested
 * category, and in force at request.at (see isGrantValidAt). Throws
 * ConsentDecisionError on a malformed request or grant.
 */
export function grantCovers(grant: Grant, request: AccessRequest): boolean {
  const req = compileRequest(request);
  const compiled = compileGrant(grant);
  return (
    scopeMiss(grant, compiled, (id) => id === request.patientId, request.requester, req.purposeMask) === undefined &&
    (compiled.categoryMask & req.categoryMask) === req.categoryMask &&
    validityMiss(grant, compiled, req.atMs) === undefined
  );
}
