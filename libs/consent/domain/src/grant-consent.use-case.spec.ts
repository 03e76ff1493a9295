import { GRANT_GRANTED_V1, grantSigningPayload, Topics, type GrantGrantedV1 } from '@carechain/contracts';
import { ConsentState } from './consent-state';
import { ConsentErrorCode } from './consent.error';
import { DecideUseCase } from './decide.use-case';
import { grantConsentSchema, type GrantConsentCommand } from './grant-consent.command';
import { GrantConsentUseCase } from './grant-consent.use-case';
import {
  CLINIC,
  Clock,
  CUSTODIAN,
  erasePatient,
  FakePublisher,
  HOUR,
  OTHER_PATIENT,
  PATIENT,
  patientCaller,
  refusal,
  registerPatient,
  registerSigningKey,
  staffOf,
  STRANGER,
  T0,
} from './testing/consent.fixture';

const GRANT_ID = '5a2b8293-6e7f-4a01-b2c3-c4d5e6f70819';

function setup() {
  const state = new ConsentState();
  registerPatient(state);
  const publisher = new FakePublisher();
  const clock = new Clock();
  const useCase = new GrantConsentUseCase(state, publisher, clock.now, () => GRANT_ID);
  return { state, publisher, clock, useCase };
}

const command = (overrides: Partial<GrantConsentCommand> = {}): GrantConsentCommand =>
  grantConsentSchema.parse({
    patientId: PATIENT,
    grantee: { organisation: CLINIC },
    categories: ['conditions', 'medications'],
    purposes: ['TREAT'],
    ...overrides,
  });

describe('GrantConsentUseCase', () => {
  it('records the patient’s own grant on consent.grant.v1, keyed and subjected by the patient id', async () => {
    const { publisher, useCase } = setup();
    const result = await useCase.execute(command({ validUntil: '2026-06-01T00:00:00Z' }), patientCaller());
    expect(result.grantId).toBe(GRANT_ID);
    expect(publisher.published).toHaveLength(1);
    const [{ topic, key, event }] = publisher.published;
    expect({ topic, key }).toEqual({ topic: Topics.consentGrant, key: PATIENT });
    expect(event).toMatchObject({
      id: result.eventId,
      type: GRANT_GRANTED_V1,
      subject: PATIENT,
      actor: PATIENT,
      actororg: 'patient-portal',
      time: T0.toISOString(),
    });
    expect(event.data).toEqual({
      grantId: GRANT_ID,
      patientId: PATIENT,
      grantee: { organisation: CLINIC },
      categories: ['conditions', 'medications'],
      purposes: ['TREAT'],
      validFrom: T0.toISOString(),
      validUntil: '2026-06-01T00:00:00Z',
      grantedBy: { kind: 'patient', subject: PATIENT, signed: false },
    });
  });

  it('applies the grant locally at once, so the next decision permits', async () => {
    const { state, publisher, clock, useCase } = setup();
    await useCase.execute(command(), patientCaller());
    expect(state.grant(GRANT_ID)).toMatchObject({ status: 'active', grantedAt: T0.toISOString() });
    const decide = new DecideUseCase(state, publisher, clock.now);
    expect(await decide.execute({ patientId: PATIENT, categories: ['conditions'], purpose: 'TREAT' }, staffOf(CLINIC, 'clinician'))).toMatchObject({
      decision: 'permit',
      basis: 'grant',
      grantId: GRANT_ID,
    });
  });

  it('lets staff of the custodian record a consent, as the custodian or for a delegate', async () => {
    const { publisher, useCase } = setup();
    await useCase.execute(command(), staffOf(CUSTODIAN, 'registrar', 'reg-1'));
    await useCase.execute(command({ grantedBy: { kind: 'delegate', subject: 'guardian-42' } }), staffOf(CUSTODIAN, 'clinician', 'dr-2'));
    const [custodian, delegate] = publisher.ofType(GRANT_GRANTED_V1).map((e) => e.data as GrantGrantedV1);
    expect(custodian.grantedBy).toEqual({ kind: 'custodian', subject: 'reg-1', organisation: CUSTODIAN, signed: false });
    expect(delegate.grantedBy).toEqual({ kind: 'delegate', subject: 'guardian-42', organisation: CUSTODIAN, signed: false });
    expect(publisher.published[1].event).toMatchObject({ actor: 'dr-2', actororg: CUSTODIAN });
  });

  it('refuses staff of another organisation, another patient and staff roles that do not record consent', async () => {
    const { publisher, useCase } = setup();
    expect(await refusal(useCase.execute(command(), staffOf(STRANGER)))).toBe(ConsentErrorCode.Forbidden);
    expect(await refusal(useCase.execute(command(), staffOf(CLINIC, 'clinician')))).toBe(ConsentErrorCode.Forbidden);
    expect(await refusal(useCase.execute(command(), patientCaller(OTHER_PATIENT)))).toBe(ConsentErrorCode.Forbidden);
    expect(await refusal(useCase.execute(command(), staffOf(CUSTODIAN, 'payer')))).toBe(ConsentErrorCode.Forbidden);
    expect(publisher.published).toEqual([]);
  });

  it('answers not found for an unknown patient and gone for an erased one', async () => {
    const { state, useCase } = setup();
    expect(await refusal(useCase.execute(command({ patientId: OTHER_PATIENT }), patientCaller(OTHER_PATIENT)))).toBe(ConsentErrorCode.PatientNotFound);
    erasePatient(state);
    expect(await refusal(useCase.execute(command(), patientCaller()))).toBe(ConsentErrorCode.PatientErased);
  });

  it('refuses an empty or already past validity window, and grantedBy from the patient', async () => {
    const { publisher, useCase } = setup();
    const at = (ms: number) => new Date(T0.getTime() + ms).toISOString();
    expect(await refusal(useCase.execute(command({ validFrom: at(HOUR), validUntil: at(HOUR) }), patientCaller()))).toBe(ConsentErrorCode.InvalidRequest);
    expect(await refusal(useCase.execute(command({ validFrom: at(-2 * HOUR), validUntil: at(-HOUR) }), patientCaller()))).toBe(ConsentErrorCode.InvalidRequest);
    expect(await refusal(useCase.execute(command({ grantedBy: { kind: 'delegate', subject: 'x' } }), patientCaller()))).toBe(ConsentErrorCode.InvalidRequest);
    expect(publisher.published).toEqual([]);
  });

  it('records a grant signed with the patient’s registered key as signed, signature included', async () => {
    const { state, publisher, useCase } = setup();
    const key = registerSigningKey(state);
    const terms = {
      patientId: PATIENT,
      grantee: { organisation: CLINIC, practitioner: 'dr-who' },
      categories: ['medications', 'allergies'] as const,
      purposes: ['TREAT'] as const,
      validFrom: '2026-03-01T00:00:00Z',
      validUntil: '2026-09-01T00:00:00Z',
    };
    const signature = key.sign(grantSigningPayload({ ...terms, categories: [...terms.categories], purposes: [...terms.purposes] }));
    // Staff may relay a consent the patient signed in their app.
    await useCase.execute(command({ ...terms, categories: [...terms.categories], purposes: [...terms.purposes], signature }), staffOf(CUSTODIAN));
    const data = publisher.ofType(GRANT_GRANTED_V1)[0].data as GrantGrantedV1;
    expect(data.grantedBy).toEqual({ kind: 'custodian', subject: 'staff-7', organisation: CUSTODIAN, signed: true });
    expect(data.signature).toEqual(signature);
    expect(state.grant(GRANT_ID)?.grantedBy.signed).toBe(true);
  });

  it('refuses a signature over other terms, by another key or unknown key, and an unsigned default validFrom', async () => {
    const { state, publisher, useCase } = setup();
    const key = registerSigningKey(state);
    const stranger = registerSigningKey(new ConsentState());
    const terms = {
      patientId: PATIENT,
      grantee: { organisation: CLINIC },
      categories: ['conditions' as const],
      purposes: ['TREAT' as const],
      validFrom: '2026-03-01T00:00:00Z',
    };
    const signed = key.sign(grantSigningPayload(terms));
    expect(await refusal(useCase.execute(command({ ...terms, categories: ['conditions', 'billing'], signature: signed }), patientCaller()))).toBe(
      ConsentErrorCode.SignatureInvalid,
    );
    expect(
      await refusal(useCase.execute(command({ ...terms, signature: { ...stranger.sign(grantSigningPayload(terms)), keyId: key.keyId } }), patientCaller())),
    ).toBe(ConsentErrorCode.SignatureInvalid);
    expect(await refusal(useCase.execute(command({ ...terms, signature: stranger.sign(grantSigningPayload(terms)) }), patientCaller()))).toBe(
      ConsentErrorCode.SigningKeyUnknown,
    );
    const { validFrom: _omitted, ...withoutValidFrom } = terms;
    expect(await refusal(useCase.execute(command({ ...withoutValidFrom, signature: signed }), patientCaller()))).toBe(ConsentErrorCode.InvalidRequest);
    expect(publisher.published).toEqual([]);
    expect(state.grants(PATIENT)).toEqual([]);
    // The genuine one goes through.
    await useCase.execute(command({ ...terms, signature: signed }), patientCaller());
    expect(publisher.published).toHaveLength(1);
  });

  it('keeps the grant out of the local state when Kafka does not acknowledge it', async () => {
    const { state, publisher, useCase } = setup();
    publisher.failure = new Error('broker down');
    await expect(useCase.execute(command(), patientCaller())).rejects.toThrow('broker down');
    expect(state.grants(PATIENT)).toEqual([]);
  });

  it('refuses a subject too long to record', async () => {
    const { useCase } = setup();
    expect(await refusal(useCase.execute(command(), { ...staffOf(CUSTODIAN), subject: 's'.repeat(129) }))).toBe(ConsentErrorCode.InvalidRequest);
  });
});

describe('grantConsentSchema', () => {
  const base = { patientId: PATIENT, grantee: { organisation: CLINIC }, categories: ['conditions'], purposes: ['TREAT'] };

  it('accepts the documented body and refuses unknown fields, at any depth', () => {
    expect(grantConsentSchema.safeParse(base).success).toBe(true);
    expect(grantConsentSchema.safeParse({ ...base, extra: 1 }).success).toBe(false);
    expect(grantConsentSchema.safeParse({ ...base, grantee: { organisation: CLINIC, team: 'x' } }).success).toBe(false);
    expect(grantConsentSchema.safeParse({ ...base, grantedBy: { kind: 'patient', subject: 'x' } }).success).toBe(false);
  });

  it('takes UTC instants as the events carry them, to at most nanoseconds', () => {
    expect(grantConsentSchema.safeParse({ ...base, validFrom: '2026-03-01T00:00:00.123456789Z' }).success).toBe(true);
    expect(grantConsentSchema.safeParse({ ...base, validFrom: '2026-03-01T00:00:00.1234567891Z' }).success).toBe(false);
    expect(grantConsentSchema.safeParse({ ...base, validFrom: '2026-03-01T00:00:00+01:00' }).success).toBe(false);
    expect(grantConsentSchema.safeParse({ ...base, validUntil: '2026-03-01' }).success).toBe(false);
  });
});
