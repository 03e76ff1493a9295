import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keysIssuedV1Schema, type WrappedSecret, wrappedPatientKeyVersionSchema } from '@carechain/contracts';
import { CryptoErrorCode } from './crypto.error';
import type { EncryptionContext } from './encryption-context';
import type { KeyManagementService } from './kms.port';
import { LocalKeyringKms } from './local-keyring.kms';
import { generatePatientKeyVersion, patientSecretContext, unwrapPatientKeyVersion, wrapPatientKeyVersion } from './patient-keys';

const PATIENT = '0f6a3c2e-1b4d-4e5f-8a9b-0c1d2e3f4a5b';
const OTHER_PATIENT = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

describe('patient key versions', () => {
  let dir: string;
  let kms: LocalKeyringKms;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'carechain-patient-keys-'));
    kms = await LocalKeyringKms.open(join(dir, 'keyring.json'), { createIfMissing: true });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('generates two distinct random 32-byte secrets stamped with the version and time', () => {
    const key = generatePatientKeyVersion(3, new Date('2026-02-03T04:05:06.000Z'));
    expect(key.version).toBe(3);
    expect(key.createdAt).toBe('2026-02-03T04:05:06.000Z');
    expect(key.dataKey).toHaveLength(32);
    expect(key.salt).toHaveLength(32);
    expect(key.dataKey).not.toEqual(key.salt);
    expect(generatePatientKeyVersion(3).dataKey).not.toEqual(key.dataKey);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses version %p', (version) => {
    expect(() => generatePatientKeyVersion(version)).toThrow(expect.objectContaining({ code: CryptoErrorCode.BadInput }));
  });

  it('wraps into what the keys-issued contract accepts, and unwraps to the same secrets', async () => {
    const v1 = generatePatientKeyVersion(1);
    const v2 = generatePatientKeyVersion(2);
    const wrapped = await Promise.all([wrapPatientKeyVersion(kms, PATIENT, v1), wrapPatientKeyVersion(kms, PATIENT, v2)]);
    expect(wrappedPatientKeyVersionSchema.parse(wrapped[0])).toEqual(wrapped[0]);
    expect(keysIssuedV1Schema.parse({ patientId: PATIENT, versions: wrapped })).toEqual({ patientId: PATIENT, versions: wrapped });
    expect(wrapped[0]).toMatchObject({ version: 1, createdAt: v1.createdAt });
    expect(wrapped[0].dataKey.kekId).toBe(kms.activeKekId());
    expect(await unwrapPatientKeyVersion(kms, PATIENT, wrapped[1])).toEqual(v2);
  });

  it('binds patient, use and version into each wrap', () => {
    expect(patientSecretContext(PATIENT, 'commitment-salt', 4)).toEqual({ patientId: PATIENT, use: 'commitment-salt', version: '4' });
  });

  describe('refuses what was tampered with on the topic', () => {
    let wrapped: Awaited<ReturnType<typeof wrapPatientKeyVersion>>;

    beforeAll(async () => {
      wrapped = await wrapPatientKeyVersion(kms, PATIENT, generatePatientKeyVersion(1));
    });

    it.each<[string, () => Promise<unknown>]>([
      ["another patient's keys message", () => unwrapPatientKeyVersion(kms, OTHER_PATIENT, wrapped)],
      ['data key and salt swapped', () => unwrapPatientKeyVersion(kms, PATIENT, { ...wrapped, dataKey: wrapped.salt, salt: wrapped.dataKey })],
      ['a relabelled version', () => unwrapPatientKeyVersion(kms, PATIENT, { ...wrapped, version: 2 })],
    ])('%s', async (_case, attempt) => {
      await expect(attempt()).rejects.toMatchObject({ code: CryptoErrorCode.AuthenticationFailed });
    });
  });

  it('zeroes the half it did unwrap when the other half fails', async () => {
    const wrapped = await wrapPatientKeyVersion(kms, PATIENT, generatePatientKeyVersion(1));
    const handedOut: Buffer[] = [];
    const spying: KeyManagementService = {
      provider: 'spy',
      activeKekId: () => kms.activeKekId(),
      wrap: (secret, context) => kms.wrap(secret, context),
      unwrap: async (value: WrappedSecret, context: EncryptionContext) => {
        const secret = await kms.unwrap(value, context);
        handedOut.push(secret);
        return secret;
      },
    };
    const broken = { ...wrapped, salt: { ...wrapped.salt, tag: wrapped.dataKey.tag } };
    await expect(unwrapPatientKeyVersion(spying, PATIENT, broken)).rejects.toMatchObject({ code: CryptoErrorCode.AuthenticationFailed });
    expect(handedOut).toHaveLength(1);
    expect(handedOut[0].equals(Buffer.alloc(32))).toBe(true);
  });

  it('refuses an empty patient id', async () => {
    await expect(wrapPatientKeyVersion(kms, '', generatePatientKeyVersion(1))).rejects.toMatchObject({ code: CryptoErrorCode.BadInput });
  });
});
