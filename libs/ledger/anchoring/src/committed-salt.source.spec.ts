import { StaticSaltProvider } from '@carechain/ledger-merkle';
import { VerificationFailure } from '@carechain/ledger-verify';
import { CommittedSaltSource } from './committed-salt.source';
import { patientSaltVersion } from './patient-salt.provider';

const PATIENT = '0b0c3f5e-2b1a-4c8e-9d3f-5a6b7c8d9e0f';
const ERASED = '1b0c3f5e-2b1a-4c8e-9d3f-5a6b7c8d9e0f';
const serviceKey = Buffer.alloc(32, 7);
const saltV1 = Buffer.alloc(32, 1);
const saltV2 = Buffer.alloc(32, 2);

const keys = {
  version: (id: string, v: number) =>
    id === PATIENT && (v === 1 || v === 2) ? { version: v, salt: v === 1 ? saltV1 : saltV2, dataKey: Buffer.alloc(32), createdAt: '' } : undefined,
  isShredded: (id: string) => id === ERASED,
};
const source = new CommittedSaltSource(keys, new StaticSaltProvider(serviceKey, 'service-v1'));

describe('CommittedSaltSource', () => {
  it('gives the patient salt of the version the receipt names, not the current one', async () => {
    expect(await source.saltOf(PATIENT, patientSaltVersion(1))).toEqual(saltV1);
    expect(await source.saltOf(PATIENT, patientSaltVersion(2))).toEqual(saltV2);
  });

  it('gives the service key for its own version only', async () => {
    expect(await source.saltOf(undefined, 'service-v1')).toEqual(serviceKey);
    expect(await source.saltOf(PATIENT, 'service-v1')).toEqual(serviceKey);
    expect(await source.saltOf(undefined, 'service-v0')).toMatchObject({ unavailable: VerificationFailure.SaltUnavailable });
  });

  it('says an erased patient’s salt is shredded, and an unknown version is unavailable', async () => {
    expect(await source.saltOf(ERASED, patientSaltVersion(1))).toMatchObject({ unavailable: VerificationFailure.SaltShredded });
    expect(await source.saltOf(PATIENT, patientSaltVersion(3))).toMatchObject({ unavailable: VerificationFailure.SaltUnavailable });
    expect(await source.saltOf(undefined, patientSaltVersion(1))).toMatchObject({ unavailable: VerificationFailure.SaltUnavailable });
  });
});
