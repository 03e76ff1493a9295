// Turns a verified claims set into a Principal. Signature, iss, aud, exp and nbf
// are jose's job; this checks the claims carechain itself relies on.
import type { JWTPayload } from 'jose';
import { AuthError, AuthErrorCode } from './auth.error';
import { isOrganisationId } from './organisation-id';
import type { Principal } from './principal';
import { isRole, type Role } from './roles';

// The subject becomes the `actor` of every event the caller causes, and an envelope's
// actor is at most 128 characters: a subject that could not be recorded is refused at
// the door (401), not half-way through a request (e.g. after a read, when its access
// event cannot be published). Ample for UUIDs, emails and issuers' opaque ids.
const MAX_SUBJECT_LENGTH = 128;

export function principalFromClaims(payload: JWTPayload): Principal {
  const { sub, org, jti } = payload;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > MAX_SUBJECT_LENGTH) throw invalid();
  if (!isOrganisationId(org)) throw invalid();
  const roles = knownRoles(payload.roles);
  const purposes = roles.includes('service') ? servicePurposes(payload['purposes']) : [];
  const patient = boundPatient(payload['patient'], roles);
  return Object.freeze({
    subject: sub,
    roles,
    organisation: org,
    ...(purposes.length > 0 && { purposes }),
    ...(patient !== undefined && { patient }),
    ...(typeof jti === 'string' && jti.length > 0 && { tokenId: jti }),
  });
}

/** Unknown roles are ignored (issuers serve other systems too); none known is invalid. */
function knownRoles(claim: unknown): readonly Role[] {
  if (!Array.isArray(claim) || !claim.every((r) => typeof r === 'string')) throw invalid();
  const roles = [...new Set(claim.filter(isRole))];
  if (roles.length === 0) throw invalid();
  return Object.freeze(roles);
}

// HL7 PurposeOfUse codes carechain decides on (as in @carechain/contracts' vocabulary;
// this lib stays free of it because tools import its roles file directly).
const PURPOSE_CODE = /^[A-Z]{4,8}$/;

/** The purposes a deployment granted a service identity; absent is none, anything malformed is invalid. */
function servicePurposes(claim: unknown): readonly string[] {
  if (claim === undefined) return [];
  if (!Array.isArray(claim) || claim.length > 16 || !claim.every((p) => typeof p === 'string' && PURPOSE_CODE.test(p))) throw invalid();
  return Object.freeze([...new Set(claim as string[])]);
}

// A patient id as every service keys it (a UUID).
const PATIENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one patient a service identity acts for (its `patient` claim), e.g. audit assembling
 * that patient's export on their request. Only a token whose one role is `service` may be
 * bound: a person's token bound to a patient would be a second kind of patient token.
 */
function boundPatient(claim: unknown, roles: readonly Role[]): string | undefined {
  if (claim === undefined) return undefined;
  if (typeof claim !== 'string' || !PATIENT_ID.test(claim) || roles.length !== 1 || roles[0] !== 'service') throw invalid();
  return claim;
}

function invalid(): AuthError {
  return new AuthError(AuthErrorCode.InvalidClaims);
}
