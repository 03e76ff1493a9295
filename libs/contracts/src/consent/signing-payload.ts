// What a patient signs. Defined here, next to the events, so a patient's app can
// build the same bytes: a fixed prefix naming the action, then JSON with a fixed key
// order and sorted arrays — no canonicalisation library needed on either side.
import type { Grantee } from './grant-events.v1';
import type { DataCategory, PurposeOfUse } from './vocabulary';

export interface GrantSigningInput {
  readonly patientId: string;
  readonly grantee: Grantee;
  readonly categories: readonly DataCategory[];
  readonly purposes: readonly PurposeOfUse[];
  /** ISO 8601 instant with an offset; the grant is valid from this instant on (inclusive). */
  readonly validFrom: string;
  /** ISO 8601 instant; valid strictly before it. Absent: valid until revoked. */
  readonly validUntil?: string;
}

export function grantSigningPayload(g: GrantSigningInput): Buffer {
  const body = {
    patientId: g.patientId,
    grantee: { organisation: g.grantee.organisation, practitioner: g.grantee.practitioner ?? null },
    categories: [...g.categories].sort(),
    purposes: [...g.purposes].sort(),
    validFrom: g.validFrom,
    validUntil: g.validUntil ?? null,
  };
  return Buffer.from(`carechain-consent-grant/1\n${JSON.stringify(body)}`, 'utf8');
}

export function revokeSigningPayload(r: { readonly patientId: string; readonly grantId: string }): Buffer {
  return Buffer.from(`carechain-consent-revoke/1\n${JSON.stringify({ patientId: r.patientId, grantId: r.grantId })}`, 'utf8');
}
