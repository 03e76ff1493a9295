import { ROOT_CONTEXT } from '@opentelemetry/api';
import { createEvent, GRANT_EXPIRED_V1, GRANT_GRANTED_V1, GRANT_REVOKED_V1, Topics, validateEvent, type GrantGrantedV1 } from '@carechain/contracts';
import { ConsentState, type RejectedEvent } from './consent-state';
import { CLINIC, CUSTODIAN, erasePatient, OTHER_PATIENT, PATIENT, registerPatient, replicate } from './testing/consent.fixture';

const GRANT = '3e0f6071-4c5d-4e8f-9091-a2b3c4d5e6f7';

function granted(overrides: Partial<GrantGrantedV1> = {}) {
  return createEvent({
    type: GRANT_GRANTED_V1,
    source: '/carechain/consent',
    subject: PATIENT,
    time: new Date('2026-03-01T09:00:00.000Z'),
    data: {
      grantId: GRANT,
      patientId: PATIENT,
      grantee: { organisation: CLINIC },
      categories: ['conditions'],
      purposes: ['TREAT'],
      validFrom: '2026-03-01T09:00:00.000Z',
      validUntil: '2026-04-01T00:00:00Z',
      grantedBy: { kind: 'patient', subject: PATIENT, signed: false },
      ...overrides,
    },
  });
}

const revoked = (at = '2026-03-02T00:00:00.000Z') =>
  createEvent({
    type: GRANT_REVOKED_V1,
    source: '/carechain/consent',
    subject: PATIENT,
    data: { grantId: GRANT, patientId: PATIENT, revokedAt: at, revokedBy: { kind: 'patient', subject: PATIENT, signed: false } },
  });

const expired = () =>
  createEvent({
    type: GRANT_EXPIRED_V1,
    source: '/carechain/consent',
    subject: PATIENT,
    data: { grantId: GRANT, patientId: PATIENT, expiredAt: '2026-04-01T00:00:00Z' },
  });

describe('ConsentState', () => {
  it('holds the patients of identity.patient.v1 and the grants of consent.grant.v1', () => {
    const state = new ConsentState();
    registerPatient(state);
    replicate(state, Topics.consentGrant, granted());
    expect(state.patient(PATIENT)).toMatchObject({ patientId: PATIENT, custodian: CUSTODIAN, erased: false });
    expect(state.grant(GRANT)).toMatchObject({ grantId: GRANT, status: 'active', grantedAt: '2026-03-01T09:00:00.000Z', grantee: { organisation: CLINIC } });
    expect(state.grants(PATIENT)).toHaveLength(1);
  });

  it('applies a replayed grant, revocation or expiry once', () => {
    const state = new ConsentState();
    const grant = granted();
    state.applyEvent(validateEvent(grant));
    replicate(state, Topics.consentGrant, grant);
    expect(state.grants(PATIENT)).toHaveLength(1);
    replicate(state, Topics.consentGrant, revoked());
    replicate(state, Topics.consentGrant, revoked('2026-03-05T00:00:00.000Z'));
    replicate(state, Topics.consentGrant, expired());
    expect(state.grant(GRANT)).toMatchObject({ status: 'revoked', revokedAt: '2026-03-02T00:00:00.000Z' });
    expect(state.grant(GRANT)?.expiredAt).toBeUndefined();
  });

  it('ends a grant by expiry, and then finds it no longer due', () => {
    const state = new ConsentState();
    replicate(state, Topics.consentGrant, granted());
    expect(state.dueForExpiry(new Date('2026-04-01T00:00:00Z')).map((g) => g.grantId)).toEqual([GRANT]);
    replicate(state, Topics.consentGrant, expired());
    expect(state.grant(GRANT)?.status).toBe('expired');
    expect(state.dueForExpiry(new Date('2026-05-01T00:00:00Z'))).toEqual([]);
  });

  it('forgets the grants of an erased patient and of the patients erased with them', () => {
    const state = new ConsentState();
    registerPatient(state);
    registerPatient(state, OTHER_PATIENT);
    replicate(state, Topics.consentGrant, granted());
    replicate(state, Topics.consentGrant, granted({ grantId: '4f1a7182-5d6e-4f90-a1b2-b3c4d5e6f708', patientId: OTHER_PATIENT }));
    erasePatient(state, PATIENT, [OTHER_PATIENT]);
    expect(state.grants(PATIENT)).toEqual([]);
    expect(state.grants(OTHER_PATIENT)).toEqual([]);
    expect(state.patient(PATIENT)?.erased).toBe(true);
    expect(state.dueForExpiry(new Date('2027-01-01T00:00:00Z'))).toEqual([]);
  });

  it('drops grants of an erased patient that are replayed after the erasure (the topics are not ordered)', () => {
    const state = new ConsentState();
    erasePatient(state);
    replicate(state, Topics.consentGrant, granted());
    replicate(state, Topics.consentGrant, revoked());
    expect(state.grants(PATIENT)).toEqual([]);
    expect(state.grant(GRANT)).toBeUndefined();
  });

  it('skips and reports an event the GrantBook refuses, and goes on with the next', () => {
    const state = new ConsentState();
    const rejected: RejectedEvent[] = [];
    state.onRejected((r) => rejected.push(r));
    // Valid by the contract, refused by the book: an empty validity window.
    const bad = granted({ validUntil: '2026-03-01T09:00:00.000Z' });
    replicate(state, Topics.consentGrant, bad);
    expect(rejected).toEqual([{ eventId: bad.id, type: GRANT_GRANTED_V1, error: expect.stringContaining('INVALID_GRANT') }]);
    replicate(state, Topics.consentGrant, granted());
    expect(state.grant(GRANT)?.status).toBe('active');
  });

  it('ignores tombstones and events of other kinds', () => {
    const state = new ConsentState();
    registerPatient(state);
    expect(() =>
      state.apply({ topic: Topics.identityPatient, partition: 0, offset: '9', key: PATIENT, event: null, traceContext: ROOT_CONTEXT }),
    ).not.toThrow();
    expect(state.grants(PATIENT)).toEqual([]);
  });
});
