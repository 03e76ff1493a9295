// What ledger-writer puts on the chain for a grant, derived per grant under the
// patient's commitment salt so that no two of a patient's grants share a value and no
// value equals an id that travels on Kafka. The derivations are specified in
// chaincode/README.md ("What the chain stores"); this is their one implementation.
import type { GrantGrantedV1 } from '@carechain/contracts';
import { commit } from '@carechain/crypto';
import type { GrantRegistration } from '@carechain/ledger-chaincode-api';

/** What the scope commitment covers, in a fixed order, so a holder of the salt can recompute it. */
export function grantScopeBytes(g: Pick<GrantGrantedV1, 'categories' | 'purposes' | 'grantee'>): string {
  return JSON.stringify({ categories: [...g.categories].sort(), purposes: [...g.purposes].sort(), practitioner: g.grantee.practitioner ?? null });
}

/** The grant's world-state key: what WasGrantValidAt and GetGrant are asked with. */
export function grantKeyOf(salt: Buffer, grantId: string): string {
  return commit(salt, `grant:${grantId}`);
}

/** Ties a chain transaction to the Kafka event it came from, for a holder of the salt only. */
export function grantEventCommitment(salt: Buffer, grantId: string, eventId: string): string {
  return commit(salt, `grant-event:${grantId}:${eventId}`);
}

/** RegisterGrant's arguments for a granted event, under the salt current when it is registered. */
export function grantRegistrationOf(salt: Buffer, g: GrantGrantedV1, eventId: string): GrantRegistration {
  return {
    grantKey: grantKeyOf(salt, g.grantId),
    patientCommitment: commit(salt, `grant-patient:${g.grantId}:${g.patientId}`),
    scopeCommitment: commit(salt, `grant-scope:${g.grantId}:${grantScopeBytes(g)}`),
    granteeCommitment: commit(salt, `grant-grantee:${g.grantId}:${g.grantee.organisation}`),
    validFrom: new Date(g.validFrom).toISOString(),
    validUntil: g.validUntil === undefined ? null : new Date(g.validUntil).toISOString(),
    eventCommitment: grantEventCommitment(salt, g.grantId, eventId),
  };
}
