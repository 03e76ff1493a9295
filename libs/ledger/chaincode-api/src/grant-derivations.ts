// How a client derives what RegisterGrant, RevokeGrant, ExpireGrant, GetGrant and
// WasGrantValidAt take, from the consent service's grant and the patient's salt. The
// one implementation of the derivations specified in chaincode/README.md ("What the
// chain stores"): every value includes the grant id, so no two grants of a patient
// share one, and none equals an id that travels on Kafka. HMAC from node:crypto,
// not @carechain/crypto's commit(), so this lib stays loadable by the chaincode as it is.
import { createHmac } from 'node:crypto';
import type { GrantRegistration } from './grant-record';

/** A commitment salt is at least 32 bytes: shorter keys make a guessable HMAC. */
const MIN_SALT_BYTES = 32;

/** What a grant commits to, as the consent service states it. */
export interface GrantTerms {
  readonly grantId: string;
  readonly patientId: string;
  readonly granteeOrganisation: string;
  readonly granteePractitioner?: string;
  readonly categories: readonly string[];
  readonly purposes: readonly string[];
  readonly validFrom: string;
  readonly validUntil?: string;
}

function derive(salt: Uint8Array, message: string): string {
  if (salt.length < MIN_SALT_BYTES) throw new RangeError(`a commitment salt has at least ${MIN_SALT_BYTES} bytes`);
  return createHmac('sha256', salt).update(message, 'utf8').digest('hex');
}

/** What the scope commitment covers, in a fixed order, so a holder of the salt can recompute it. */
export function grantScopeBytes(t: Pick<GrantTerms, 'categories' | 'purposes' | 'granteePractitioner'>): string {
  return JSON.stringify({ categories: [...t.categories].sort(), purposes: [...t.purposes].sort(), practitioner: t.granteePractitioner ?? null });
}

/** The grant's world-state key: what WasGrantValidAt and GetGrant are asked with. */
export function grantKeyOf(salt: Uint8Array, grantId: string): string {
  return derive(salt, `grant:${grantId}`);
}

export function grantPatientCommitment(salt: Uint8Array, grantId: string, patientId: string): string {
  return derive(salt, `grant-patient:${grantId}:${patientId}`);
}

export function grantGranteeCommitment(salt: Uint8Array, grantId: string, organisation: string): string {
  return derive(salt, `grant-grantee:${grantId}:${organisation}`);
}

export function grantScopeCommitment(salt: Uint8Array, t: Pick<GrantTerms, 'grantId' | 'categories' | 'purposes' | 'granteePractitioner'>): string {
  return derive(salt, `grant-scope:${t.grantId}:${grantScopeBytes(t)}`);
}

/** Ties a chain transaction to the Kafka event it came from, for a holder of the salt only. */
export function grantEventCommitment(salt: Uint8Array, grantId: string, eventId: string): string {
  return derive(salt, `grant-event:${grantId}:${eventId}`);
}

/** RegisterGrant's arguments for a grant, under the salt current when it is registered. */
export function grantRegistrationOf(salt: Uint8Array, t: GrantTerms, eventId: string): GrantRegistration {
  return {
    grantKey: grantKeyOf(salt, t.grantId),
    patientCommitment: grantPatientCommitment(salt, t.grantId, t.patientId),
    scopeCommitment: grantScopeCommitment(salt, t),
    granteeCommitment: grantGranteeCommitment(salt, t.grantId, t.granteeOrganisation),
    validFrom: new Date(t.validFrom).toISOString(),
    validUntil: t.validUntil === undefined ? null : new Date(t.validUntil).toISOString(),
    eventCommitment: grantEventCommitment(salt, t.grantId, eventId),
  };
}
