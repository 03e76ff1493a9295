// The GrantBook's value for a granted event. Derived from the event alone (grantedAt
// is the event's time), so the write-through copy applied after publishing and the
// one the replica replays later have the same terms, and the second changes nothing.
import type { CloudEvent, GRANT_GRANTED_V1, GrantGrantedV1 } from '@carechain/contracts';
import type { Grant } from './grant';

export type GrantGrantedEvent = CloudEvent<typeof GRANT_GRANTED_V1, GrantGrantedV1>;

export function grantOfEvent(event: GrantGrantedEvent): Grant {
  const d = event.data;
  return {
    grantId: d.grantId,
    patientId: d.patientId,
    grantee:
      d.grantee.practitioner === undefined
        ? { organisation: d.grantee.organisation }
        : { organisation: d.grantee.organisation, practitioner: d.grantee.practitioner },
    categories: d.categories,
    purposes: d.purposes,
    validFrom: d.validFrom,
    ...(d.validUntil !== undefined && { validUntil: d.validUntil }),
    grantedBy: { kind: d.grantedBy.kind, subject: d.grantedBy.subject, signed: d.grantedBy.signed },
    grantedAt: event.time,
    status: 'active',
  };
}
