import { ConsentError, ConsentErrorCode } from './consent.error';
import { ListConsentsUseCase } from './list-consents.use-case';
import { RevokeConsentUseCase } from './revoke-consent.use-case';
import { CLINIC, CUSTODIAN, erasePatient, HOUR, OTHER_PATIENT, PATIENT, patientCaller, staffOf, STRANGER, T0, grantingWorld } from './testing/consent.fixture';

const at = (ms: number) => new Date(T0.getTime() + ms).toISOString();
const IDS = [
  'd2a30a1b-e6f7-4289-ba4b-4c5d6e7f8091',
  'e3b41b2c-f708-439a-8b5c-5d6e7f8091a2',
  'f4c52c3d-0819-44ab-9c6d-6e7f8091a2b3',
  '05d63d4e-192a-45bc-ad7e-7f8091a2b3c4',
];

async function setup() {
  const { state, publisher, clock, grant } = grantingWorld(IDS);
  await grant();
  await grant({ validUntil: at(HOUR) });
  await grant({ validFrom: at(10 * HOUR) });
  await grant({ grantee: { organisation: CLINIC, practitioner: 'dr-who' } });
  await new RevokeConsentUseCase(state, publisher, clock.now).execute(IDS[3], {}, patientCaller());
  clock.advance(2 * HOUR);
  return { state, list: new ListConsentsUseCase(state, clock.now) };
}

describe('ListConsentsUseCase', () => {
  it('lists every grant with its status as of now', async () => {
    const { list } = await setup();
    const { patientId, consents } = list.execute(PATIENT, patientCaller());
    expect(patientId).toBe(PATIENT);
    expect(consents.map((c) => [c.grantId, c.status])).toEqual([
      [IDS[0], 'active'],
      [IDS[1], 'expired'],
      [IDS[2], 'scheduled'],
      [IDS[3], 'revoked'],
    ]);
    expect(consents[3]).toEqual({
      grantId: IDS[3],
      grantee: { organisation: CLINIC, practitioner: 'dr-who' },
      categories: ['conditions'],
      purposes: ['TREAT'],
      validFrom: T0.toISOString(),
      grantedBy: { kind: 'patient', subject: PATIENT, signed: false },
      grantedAt: T0.toISOString(),
      status: 'revoked',
      revokedAt: T0.toISOString(),
    });
  });

  it('shows them to the patient, the custodian’s staff and the custodian’s oversight roles only', async () => {
    const { list } = await setup();
    expect(list.execute(PATIENT, staffOf(CUSTODIAN, 'clinician')).consents).toHaveLength(4);
    expect(list.execute(PATIENT, staffOf(CUSTODIAN, 'auditor')).consents).toHaveLength(4);
    expect(list.execute(PATIENT, staffOf(CUSTODIAN, 'privacy-officer')).consents).toHaveLength(4);
    const otherOversight = [staffOf(STRANGER, 'auditor'), staffOf(STRANGER, 'privacy-officer'), staffOf(STRANGER, 'admin')];
    for (const caller of [...otherOversight, staffOf(CLINIC, 'clinician'), staffOf(CUSTODIAN, 'payer'), patientCaller(OTHER_PATIENT)]) {
      expect(codeOf(() => list.execute(PATIENT, caller))).toBe(ConsentErrorCode.Forbidden);
    }
  });

  it('answers not found for an unknown patient and gone for an erased one', async () => {
    const { state, list } = await setup();
    expect(codeOf(() => list.execute(OTHER_PATIENT, staffOf(STRANGER, 'auditor')))).toBe(ConsentErrorCode.PatientNotFound);
    erasePatient(state);
    expect(codeOf(() => list.execute(PATIENT, patientCaller()))).toBe(ConsentErrorCode.PatientErased);
  });
});

function codeOf(work: () => unknown): ConsentErrorCode | undefined {
  try {
    work();
  } catch (err) {
    if (err instanceof ConsentError) return err.code;
    throw err;
  }
  return undefined;
}
