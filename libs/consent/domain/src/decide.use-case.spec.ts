import { BREAK_GLASS_INVOKED_V1, Topics } from '@carechain/contracts';
import { DenyReason } from '@carechain/consent-decision';
import type { Caller } from './consent-caller';
import { decideSchema, type DecideCommand } from './decide.command';
import { DecideUseCase } from './decide.use-case';
import { grantConsentSchema } from './grant-consent.command';
import { GrantConsentUseCase } from './grant-consent.use-case';
import {
  CLINIC,
  CUSTODIAN,
  erasePatient,
  mergePatient,
  OTHER_PATIENT,
  PATIENT,
  patientCaller,
  registerPatient,
  staffOf,
  STRANGER,
  T0,
  grantingWorld,
} from './testing/consent.fixture';

const GRANT_ID = 'b081e8f9-c4d5-4067-9829-2a3b4c5d6e7f';
const DECISION_ID = 'c192f90a-d5e6-4178-a93a-3b4c5d6e7f80';
const clinician = (organisation: string): Caller => staffOf(organisation, 'clinician', 'dr-who');

async function setup() {
  const { state, publisher, clock, grant } = grantingWorld([GRANT_ID]);
  await grant({ categories: ['conditions', 'medications'] });
  publisher.published.length = 0;
  return { state, publisher, useCase: new DecideUseCase(state, publisher, clock.now, () => DECISION_ID) };
}

const command = (overrides: Partial<DecideCommand> = {}): DecideCommand =>
  decideSchema.parse({ patientId: PATIENT, categories: ['conditions'], purpose: 'TREAT', ...overrides });

describe('DecideUseCase', () => {
  it('permits the grantee on its grant', async () => {
    const { publisher, useCase } = await setup();
    expect(await useCase.execute(command({ categories: ['medications', 'conditions'] }), clinician(CLINIC))).toEqual({
      decision: 'permit',
      basis: 'grant',
      grantId: GRANT_ID,
      grantIds: [GRANT_ID],
      permitted: ['medications', 'conditions'],
      denied: [],
      breakGlass: false,
      decisionId: DECISION_ID,
    });
    expect(publisher.published).toEqual([]);
  });

  it('permits the custodian for treatment without a grant', async () => {
    const { useCase } = await setup();
    expect(await useCase.execute(command({ categories: ['billing'] }), clinician(CUSTODIAN))).toMatchObject({
      decision: 'permit',
      basis: 'custodian',
      grantIds: [],
    });
  });

  it('denies with the reason and what is still permitted', async () => {
    const { useCase } = await setup();
    expect(await useCase.execute(command(), clinician(STRANGER))).toEqual({
      decision: 'deny',
      grantIds: [],
      permitted: [],
      denied: ['conditions'],
      reason: DenyReason.NoGrant,
      message: 'The patient has granted the requesting organisation no access.',
      breakGlass: false,
      decisionId: DECISION_ID,
    });
    expect(await useCase.execute(command({ categories: ['conditions', 'billing'] }), clinician(CLINIC))).toMatchObject({
      decision: 'deny',
      reason: DenyReason.CategoryNotGranted,
      permitted: ['conditions'],
      denied: ['billing'],
      grantIds: [GRANT_ID],
    });
    expect(await useCase.execute(command({ purpose: 'ETREAT' }), clinician(CLINIC))).toMatchObject({ decision: 'deny', reason: DenyReason.PurposeNotGranted });
    expect(await useCase.execute(command({ purpose: 'HRESCH' }), clinician(CLINIC))).toMatchObject({ decision: 'deny', reason: DenyReason.PurposeNotForRole });
  });

  it('denies for an unknown or erased patient', async () => {
    const { state, useCase } = await setup();
    expect(await useCase.execute(command({ patientId: OTHER_PATIENT }), clinician(CLINIC))).toMatchObject({
      decision: 'deny',
      reason: DenyReason.PatientUnknown,
    });
    erasePatient(state);
    expect(await useCase.execute(command(), clinician(CUSTODIAN))).toMatchObject({ decision: 'deny', reason: DenyReason.PatientErased });
  });

  it('publishes BreakGlassInvoked before answering a break-glass permit', async () => {
    const { publisher, useCase } = await setup();
    let open!: () => void;
    publisher.gate = new Promise((resolve) => (open = resolve));
    const pending = useCase.execute(
      command({ categories: ['allergies', 'allergies'], purpose: 'ETREAT', breakGlassReason: '  unconscious on arrival, no consent on file  ' }),
      clinician(STRANGER),
    );
    expect(pending).toBeInstanceOf(Promise);
    let answered = false;
    void pending.then(() => (answered = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    open();
    expect(await pending).toEqual({
      decision: 'permit',
      basis: 'break-glass',
      grantIds: [],
      permitted: ['allergies'],
      denied: [],
      breakGlass: true,
      decisionId: DECISION_ID,
    });
    expect(publisher.published).toHaveLength(1);
    const [{ topic, key, event }] = publisher.published;
    expect({ topic, key }).toEqual({ topic: Topics.consentGrant, key: PATIENT });
    expect(event).toMatchObject({ type: BREAK_GLASS_INVOKED_V1, subject: PATIENT, actor: 'dr-who', actororg: STRANGER, time: T0.toISOString() });
    expect(event.data).toEqual({
      decisionId: DECISION_ID,
      patientId: PATIENT,
      requester: { subject: 'dr-who', organisation: STRANGER },
      categories: ['allergies'],
      purpose: 'ETREAT',
      reason: 'unconscious on arrival, no consent on file',
    });
  });

  it('does not break the glass when a grant or the custodian already permits', async () => {
    const { publisher, useCase } = await setup();
    expect(await useCase.execute(command({ breakGlassReason: 'patient in cardiac arrest' }), clinician(CLINIC))).toMatchObject({
      basis: 'grant',
      breakGlass: false,
    });
    expect(publisher.published).toEqual([]);
  });

  it('refuses break-glass to other roles, short reasons and non-treatment purposes, publishing nothing', async () => {
    const { publisher, useCase } = await setup();
    const refused = { decision: 'deny', reason: DenyReason.BreakGlassNotAllowed, breakGlass: false };
    expect(await useCase.execute(command({ breakGlassReason: 'emergency' }), clinician(STRANGER))).toMatchObject(refused);
    expect(await useCase.execute(command({ breakGlassReason: 'patient in cardiac arrest' }), staffOf(STRANGER, 'practitioner'))).toMatchObject(refused);
    // A payer may not assert treatment at all, and a clinician not payment: refused before the glass.
    const wrongPurpose = { decision: 'deny', reason: DenyReason.PurposeNotForRole, breakGlass: false };
    expect(await useCase.execute(command({ breakGlassReason: 'patient in cardiac arrest' }), staffOf(STRANGER, 'payer'))).toMatchObject(wrongPurpose);
    expect(await useCase.execute(command({ purpose: 'HPAYMT', breakGlassReason: 'patient in cardiac arrest' }), clinician(STRANGER))).toMatchObject(
      wrongPurpose,
    );
    expect(publisher.published).toEqual([]);
  });

  it('does not answer a break-glass permit that could not be recorded', async () => {
    const { publisher, useCase } = await setup();
    publisher.failure = new Error('broker down');
    await expect(useCase.execute(command({ breakGlassReason: 'patient in cardiac arrest' }), clinician(STRANGER))).rejects.toThrow('broker down');
  });

  it('caps the break-glass reason at what the event can hold', () => {
    expect(decideSchema.safeParse({ patientId: PATIENT, categories: ['conditions'], purpose: 'TREAT', breakGlassReason: 'x'.repeat(501) }).success).toBe(false);
    expect(decideSchema.safeParse({ patientId: PATIENT, categories: [], purpose: 'TREAT' }).success).toBe(false);
    expect(decideSchema.safeParse({ patientId: PATIENT, categories: ['conditions'], purpose: 'TREAT', at: 'now' }).success).toBe(false);
  });

  it('decides a merged patient as the survivor (its custodian, its grants), and refuses new grants on the merged id', async () => {
    const { state, publisher, useCase } = await setup();
    registerPatient(state, OTHER_PATIENT, 'hospital-z');
    mergePatient(state, PATIENT, OTHER_PATIENT);
    expect(await useCase.execute(command({ patientId: OTHER_PATIENT }), clinician(CLINIC))).toMatchObject({
      decision: 'permit',
      basis: 'grant',
      grantId: GRANT_ID,
    });
    expect(await useCase.execute(command({ patientId: OTHER_PATIENT }), clinician(CUSTODIAN))).toMatchObject({ decision: 'permit', basis: 'custodian' });
    expect(await useCase.execute(command({ patientId: OTHER_PATIENT }), clinician('hospital-z'))).toMatchObject({ decision: 'deny' });
    const grant = new GrantConsentUseCase(
      state,
      publisher,
      () => T0,
      () => GRANT_ID,
    );
    await expect(
      grant.execute(
        grantConsentSchema.parse({ patientId: OTHER_PATIENT, grantee: { organisation: CLINIC }, categories: ['conditions'], purposes: ['TREAT'] }),
        staffOf('hospital-z', 'registrar', 'clerk'),
      ),
    ).rejects.toMatchObject({ code: 'patient-merged' });
  });

  it('counts the grants a merged patient gave before the merge, the same person, for the survivor', async () => {
    const { state, publisher, useCase } = await setup();
    registerPatient(state, OTHER_PATIENT, 'hospital-z');
    await new GrantConsentUseCase(
      state,
      publisher,
      () => T0,
      () => 'a1b2c3d4-0000-4000-8000-000000000001',
    ).execute(
      grantConsentSchema.parse({ patientId: OTHER_PATIENT, grantee: { organisation: STRANGER }, categories: ['conditions'], purposes: ['TREAT'] }),
      patientCaller(OTHER_PATIENT),
    );
    expect(await useCase.execute(command(), clinician(STRANGER))).toMatchObject({ decision: 'deny' });
    mergePatient(state, PATIENT, OTHER_PATIENT);
    expect(await useCase.execute(command(), clinician(STRANGER))).toMatchObject({
      decision: 'permit',
      basis: 'grant',
      grantId: 'a1b2c3d4-0000-4000-8000-000000000001',
    });
    // The merged patient's own token reads as the survivor.
    expect(await useCase.execute(command({ purpose: 'PATRQT' }), patientCaller(OTHER_PATIENT))).toMatchObject({ decision: 'permit', basis: 'patient' });
  });
});
