import { randomUUID } from 'node:crypto';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { createEvent, GRANT_EXPIRED_V1, GRANT_GRANTED_V1, GRANT_REVOKED_V1, PATIENT_ERASED_V1, Topics, validateEvent, type AnyEvent, type CloudEvent } from '@carechain/contracts';
import { ConsentDecisionErrorCode, type ConsentDecisionError } from '@carechain/consent-decision';
import { GrantsReplica } from './grants.replica';

const patientId = randomUUID();
const actor = { kind: 'patient' as const, subject: patientId, signed: true };

function event(type: string, data: unknown, subject = patientId): AnyEvent {
  return validateEvent(createEvent({ type, source: '/spec', subject, data, time: new Date('2026-02-01T09:00:00Z') }) as CloudEvent);
}

const granted = (grantId: string, organisation = 'clinic-b', forPatient = patientId) =>
  event(GRANT_GRANTED_V1, { grantId, patientId: forPatient, grantee: { organisation }, categories: ['conditions'], purposes: ['TREAT'], validFrom: '2026-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z', grantedBy: actor }, forPatient);

describe('GrantsReplica', () => {
  const apply = (replica: GrantsReplica, e: AnyEvent) => replica.apply({ topic: Topics.consentGrant, partition: 0, offset: '0', key: patientId, event: e, traceContext: ROOT_CONTEXT });

  it('holds a granted grant as consent recorded it, active from the event on', () => {
    const replica = new GrantsReplica();
    const grantId = randomUUID();
    apply(replica, granted(grantId));
    expect(replica.forPatient(patientId)).toEqual([
      expect.objectContaining({ grantId, patientId, grantee: { organisation: 'clinic-b' }, categories: ['conditions'], purposes: ['TREAT'], validUntil: '2027-01-01T00:00:00Z', grantedAt: '2026-02-01T09:00:00.000Z', status: 'active', grantedBy: actor }),
    ]);
  });

  it('ends grants on revocation and expiry, even when the ending arrives first', () => {
    const replica = new GrantsReplica();
    const [a, b] = [randomUUID(), randomUUID()];
    apply(replica, event(GRANT_REVOKED_V1, { grantId: a, patientId, revokedAt: '2026-02-02T00:00:00Z', revokedBy: actor }));
    apply(replica, granted(a));
    apply(replica, granted(b));
    apply(replica, event(GRANT_EXPIRED_V1, { grantId: b, patientId, expiredAt: '2026-02-03T00:00:00Z' }));
    expect(replica.forPatient(patientId).map((g) => [g.grantId, g.status])).toEqual([
      [a, 'revoked'],
      [b, 'expired'],
    ]);
  });

  it("forgets an erased patient's grants, and keeps them out when a replay brings them after the erasure", () => {
    const replica = new GrantsReplica();
    apply(replica, granted(randomUUID()));
    const erasure = event(PATIENT_ERASED_V1, { patientId, reason: 'data-subject-request', caseReference: 'DSR-1', alsoErased: [] });
    replica.apply({ topic: Topics.identityPatient, partition: 0, offset: '0', key: patientId, event: erasure, traceContext: ROOT_CONTEXT });
    expect(replica.forPatient(patientId)).toEqual([]);
    apply(replica, granted(randomUUID()));
    expect(replica.forPatient(patientId)).toEqual([]);
  });

  it('reports a grant the book refuses and goes on, rather than stopping every read', () => {
    const refused: [string, ConsentDecisionError][] = [];
    const replica = new GrantsReplica((id, err) => refused.push([id, err]));
    const grantId = randomUUID();
    apply(replica, granted(grantId, 'clinic-b'));
    const conflicting = granted(grantId, 'payer-c');
    apply(replica, conflicting);
    expect(refused.map(([id, err]) => [id, err.code])).toEqual([[conflicting.id, ConsentDecisionErrorCode.GrantConflict]]);
    expect(replica.forPatient(patientId).map((g) => g.grantee.organisation)).toEqual(['clinic-b']);
    apply(replica, granted(randomUUID(), 'payer-c'));
    expect(replica.forPatient(patientId)).toHaveLength(2);
  });

  it('ignores tombstones and unrelated events', () => {
    const replica = new GrantsReplica();
    replica.apply({ topic: Topics.identityKeys, partition: 0, offset: '0', key: patientId, event: null, traceContext: ROOT_CONTEXT });
    expect(replica.book.size).toBe(0);
  });
});
