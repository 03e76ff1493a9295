import { randomUUID } from 'node:crypto';
import {
  createEvent,
  GRANT_EXPIRED_V1,
  GRANT_GRANTED_V1,
  GRANT_REVOKED_V1,
  PATIENT_ERASED_V1,
  validateEvent,
  type AnyEvent,
  type CloudEvent,
} from '@carechain/contracts';
import { GrantReplica, type RejectedGrantEvent } from './grant.replica';

const patientId = randomUUID();
const actor = { kind: 'patient' as const, subject: patientId, signed: true };

function event(type: string, data: unknown, subject = patientId): AnyEvent {
  return validateEvent(createEvent({ type, source: '/spec', subject, data, time: new Date('2026-02-01T09:00:00Z') }) as CloudEvent);
}

const granted = (grantId: string, organisation = 'clinic-b', forPatient = patientId) =>
  event(
    GRANT_GRANTED_V1,
    {
      grantId,
      patientId: forPatient,
      grantee: { organisation },
      categories: ['conditions'],
      purposes: ['TREAT'],
      validFrom: '2026-01-01T00:00:00Z',
      validUntil: '2027-01-01T00:00:00Z',
      grantedBy: actor,
    },
    forPatient,
  );

describe('GrantReplica', () => {
  const apply = (replica: GrantReplica, e: AnyEvent) => replica.apply({ event: e });

  it('holds a granted grant as consent recorded it, active from the event on', () => {
    const replica = new GrantReplica();
    const grantId = randomUUID();
    apply(replica, granted(grantId));
    expect(replica.forPatient(patientId)).toEqual([
      expect.objectContaining({
        grantId,
        patientId,
        grantee: { organisation: 'clinic-b' },
        categories: ['conditions'],
        purposes: ['TREAT'],
        validUntil: '2027-01-01T00:00:00Z',
        grantedAt: '2026-02-01T09:00:00.000Z',
        status: 'active',
        grantedBy: actor,
      }),
    ]);
  });

  it('ends grants on revocation and expiry, even when the ending arrives first', () => {
    const replica = new GrantReplica();
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
    const replica = new GrantReplica();
    apply(replica, granted(randomUUID()));
    const erasure = event(PATIENT_ERASED_V1, { patientId, reason: 'data-subject-request', caseReference: 'DSR-1', alsoErased: [] });
    apply(replica, erasure);
    expect(replica.forPatient(patientId)).toEqual([]);
    apply(replica, granted(randomUUID()));
    expect(replica.forPatient(patientId)).toEqual([]);
  });

  it('keeps no entry for a revoked or expired grant of an erased patient, whatever order the replay brings them in', () => {
    const replica = new GrantReplica();
    const [revoked, expired] = [randomUUID(), randomUUID()];
    apply(replica, event(PATIENT_ERASED_V1, { patientId, reason: 'data-subject-request', caseReference: 'DSR-2', alsoErased: [] }));
    apply(replica, event(GRANT_REVOKED_V1, { grantId: revoked, patientId, revokedAt: '2026-02-02T00:00:00Z', revokedBy: actor }));
    apply(replica, event(GRANT_EXPIRED_V1, { grantId: expired, patientId, expiredAt: '2026-02-03T00:00:00Z' }));
    apply(replica, granted(revoked));
    apply(replica, granted(expired));
    // Nothing held, not even the early endings a live patient's out-of-order grants wait on.
    expect(replica.book.size).toBe(0);
    expect(replica.grant(revoked)).toBeUndefined();
    apply(replica, event(PATIENT_ERASED_V1, { patientId: randomUUID(), reason: 'data-subject-request', caseReference: 'DSR-3', alsoErased: [] }));
    const other = randomUUID();
    apply(replica, event(GRANT_REVOKED_V1, { grantId: other, patientId: randomUUID(), revokedAt: '2026-02-02T00:00:00Z', revokedBy: actor }));
    apply(replica, granted(other, 'clinic-b', randomUUID()));
    expect(replica.grant(other)?.status).toBe('revoked');
  });

  it('reports a grant the book refuses and goes on, rather than stopping every read', () => {
    const refused: RejectedGrantEvent[] = [];
    const replica = new GrantReplica();
    replica.onRejected((r) => refused.push(r));
    const grantId = randomUUID();
    apply(replica, granted(grantId, 'clinic-b'));
    const conflicting = granted(grantId, 'payer-c');
    apply(replica, conflicting);
    expect(refused.map((r) => [r.eventId, r.type])).toEqual([[conflicting.id, GRANT_GRANTED_V1]]);
    expect(refused[0].error).toContain('already held with other terms');
    expect(replica.forPatient(patientId).map((g) => g.grantee.organisation)).toEqual(['clinic-b']);
    apply(replica, granted(randomUUID(), 'payer-c'));
    expect(replica.forPatient(patientId)).toHaveLength(2);
  });

  it('ignores tombstones and unrelated events', () => {
    const replica = new GrantReplica();
    replica.apply({ event: null });
    expect(replica.book.size).toBe(0);
  });
});
