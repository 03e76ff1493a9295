import { GRANT_REVOKED_V1, revokeSigningPayload, Topics, type GrantRevokedV1 } from '@carechain/contracts';
import { ConsentErrorCode } from './consent.error';
import { DecideUseCase } from './decide.use-case';
import { RevokeConsentUseCase } from './revoke-consent.use-case';
import { CLINIC, CUSTODIAN, HOUR, PATIENT, patientCaller, refusal, registerSigningKey, staffOf, STRANGER, T0, grantingWorld } from './testing/consent.fixture';

const GRANT_ID = '6b3c93a4-7f80-4b12-83d4-d5e6f708192a';

async function setup(validUntil?: string) {
  const { state, publisher, clock, grant } = grantingWorld([GRANT_ID]);
  await grant(validUntil ? { validUntil } : {});
  publisher.published.length = 0;
  return { state, publisher, clock, revoke: new RevokeConsentUseCase(state, publisher, clock.now), decide: new DecideUseCase(state, publisher, clock.now) };
}

describe('RevokeConsentUseCase', () => {
  it('revokes for the patient: the event is published, and the next decision denies', async () => {
    const { state, publisher, clock, revoke, decide } = await setup();
    clock.advance(HOUR);
    const result = await revoke.execute(GRANT_ID, {}, patientCaller());
    const revokedAt = new Date(T0.getTime() + HOUR).toISOString();
    expect(result).toEqual({ grantId: GRANT_ID, eventId: publisher.published[0].event.id, revokedAt });
    expect(publisher.published[0]).toMatchObject({
      topic: Topics.consentGrant,
      key: PATIENT,
      event: { type: GRANT_REVOKED_V1, subject: PATIENT, actor: PATIENT },
    });
    expect(publisher.published[0].event.data).toEqual({
      grantId: GRANT_ID,
      patientId: PATIENT,
      revokedAt,
      revokedBy: { kind: 'patient', subject: PATIENT, signed: false },
    });
    expect(state.grant(GRANT_ID)?.status).toBe('revoked');
    expect(await decide.execute({ patientId: PATIENT, categories: ['conditions'], purpose: 'TREAT' }, staffOf(CLINIC, 'clinician'))).toMatchObject({
      decision: 'deny',
      reason: 'grant-revoked',
    });
  });

  it('lets staff of the custodian revoke, and nobody else (the grantee included)', async () => {
    const { publisher, revoke } = await setup();
    expect(await refusal(revoke.execute(GRANT_ID, {}, staffOf(CLINIC, 'clinician')))).toBe(ConsentErrorCode.Forbidden);
    expect(await refusal(revoke.execute(GRANT_ID, {}, staffOf(STRANGER, 'admin')))).toBe(ConsentErrorCode.Forbidden);
    expect(await refusal(revoke.execute(GRANT_ID, {}, staffOf(CUSTODIAN, 'auditor')))).toBe(ConsentErrorCode.Forbidden);
    expect(publisher.published).toEqual([]);
    await revoke.execute(GRANT_ID, {}, staffOf(CUSTODIAN, 'admin', 'adm-1'));
    expect((publisher.published[0].event.data as GrantRevokedV1).revokedBy).toEqual({
      kind: 'custodian',
      subject: 'adm-1',
      organisation: CUSTODIAN,
      signed: false,
    });
  });

  it('refuses to revoke an unknown grant, or one already revoked or past its validUntil', async () => {
    const { revoke } = await setup();
    expect(await refusal(revoke.execute('7c4da4b5-8091-4c23-94e5-e6f708192a3b', {}, patientCaller()))).toBe(ConsentErrorCode.GrantNotFound);
    await revoke.execute(GRANT_ID, {}, patientCaller());
    expect(await refusal(revoke.execute(GRANT_ID, {}, patientCaller()))).toBe(ConsentErrorCode.GrantEnded);

    const bounded = await setup(new Date(T0.getTime() + HOUR).toISOString());
    bounded.clock.advance(HOUR);
    // No expiry event yet: over by time all the same.
    expect(bounded.state.grant(GRANT_ID)?.status).toBe('active');
    expect(await refusal(bounded.revoke.execute(GRANT_ID, {}, patientCaller()))).toBe(ConsentErrorCode.GrantEnded);
  });

  it('refuses a second revocation while the first is being published', async () => {
    const { publisher, revoke } = await setup();
    let open!: () => void;
    publisher.gate = new Promise((resolve) => (open = resolve));
    const first = revoke.execute(GRANT_ID, {}, patientCaller());
    expect(await refusal(revoke.execute(GRANT_ID, {}, staffOf(CUSTODIAN)))).toBe(ConsentErrorCode.RevocationPending);
    open();
    await first;
    expect(publisher.ofType(GRANT_REVOKED_V1)).toHaveLength(1);
  });

  it('allows a retry when publishing failed', async () => {
    const { state, publisher, revoke } = await setup();
    publisher.failure = new Error('broker down');
    await expect(revoke.execute(GRANT_ID, {}, patientCaller())).rejects.toThrow('broker down');
    expect(state.grant(GRANT_ID)?.status).toBe('active');
    publisher.failure = undefined;
    await revoke.execute(GRANT_ID, {}, patientCaller());
    expect(state.grant(GRANT_ID)?.status).toBe('revoked');
  });

  it('verifies a patient-signed revocation, and refuses one signed for another grant', async () => {
    const { state, publisher, revoke } = await setup();
    const key = registerSigningKey(state);
    const forOther = key.sign(revokeSigningPayload({ patientId: PATIENT, grantId: '7c4da4b5-8091-4c23-94e5-e6f708192a3b' }));
    expect(await refusal(revoke.execute(GRANT_ID, { signature: forOther }, patientCaller()))).toBe(ConsentErrorCode.SignatureInvalid);
    expect(publisher.published).toEqual([]);
    const signature = key.sign(revokeSigningPayload({ patientId: PATIENT, grantId: GRANT_ID }));
    await revoke.execute(GRANT_ID, { signature }, patientCaller());
    expect(publisher.published[0].event.data).toMatchObject({ revokedBy: { kind: 'patient', signed: true }, signature });
  });
});
