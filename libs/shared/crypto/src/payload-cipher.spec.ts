import { randomBytes } from 'node:crypto';
import { type SealedPayload, sealedPayloadSchema } from '@carechain/contracts';
import { CryptoErrorCode } from './crypto.error';
import { generatePatientKeyVersion, type PatientKeyVersion } from './patient-keys';
import { MAX_SEALED_BYTES, openBytes, openJson, sealBytes, sealJson } from './payload-cipher';
import { codeOf } from './testing/crypto-error-code';

const AAD = { patientId: '0f6a3c2e-1b4d-4e5f-8a9b-0c1d2e3f4a5b', recordId: 'r-1', field: 'resource' };
const RESOURCE = { resourceType: 'Observation', status: 'final', code: { text: 'Blutzucker — nüchtern' }, valueQuantity: { value: 5.4, unit: 'mmol/L' } };

describe('sealing payloads', () => {
  let key: PatientKeyVersion;

  beforeEach(() => {
    key = generatePatientKeyVersion(2);
  });

  it('seals JSON into a SealedPayload the contract accepts, and opens it again', () => {
    const sealed = sealJson(key, RESOURCE, AAD);
    expect(sealedPayloadSchema.parse(sealed)).toEqual(sealed);
    expect(sealed.keyVersion).toBe(2);
    expect(sealed.alg).toBe('A256GCM');
    expect(Buffer.from(sealed.ct, 'base64url').toString('latin1')).not.toContain('Observation');
    expect(openJson<typeof RESOURCE>(key, sealed, AAD)).toEqual(RESOURCE);
  });

  it.each<[string, unknown]>([
    ['a string', 'text'],
    ['a number', 42.5],
    ['null', null],
    ['an array', [1, 'two', { three: 3 }]],
  ])('round-trips %s', (_case, value) => {
    expect(openJson(key, sealJson(key, value, AAD), AAD)).toEqual(value);
  });

  it('never repeats an IV across 10,000 seals', () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      ivs.add(sealJson(key, i, AAD).iv);
    }
    expect(ivs.size).toBe(10_000);
  });

  it('fails when any single byte of IV, ciphertext or tag changes', () => {
    const sealed = sealJson(key, RESOURCE, AAD);
    for (const field of ['iv', 'ct', 'tag'] as const) {
      const bytes = Buffer.from(sealed[field], 'base64url');
      for (let i = 0; i < bytes.length; i++) {
        const tampered = Buffer.from(bytes);
        tampered[i] ^= 0x80 >> (i % 8);
        expect(codeOf(() => openJson(key, { ...sealed, [field]: tampered.toString('base64url') }, AAD))).toBe(CryptoErrorCode.AuthenticationFailed);
      }
    }
  });

  it('fails when any character of the encoded fields changes, canonical spelling or not', () => {
    const sealed = sealJson(key, RESOURCE, AAD);
    for (const field of ['iv', 'ct', 'tag'] as const) {
      const text = sealed[field];
      for (let i = 0; i < text.length; i++) {
        const swapped = `${text.slice(0, i)}${text[i] === 'A' ? 'B' : 'A'}${text.slice(i + 1)}`;
        expect([CryptoErrorCode.AuthenticationFailed, CryptoErrorCode.BadInput]).toContain(codeOf(() => openJson(key, { ...sealed, [field]: swapped }, AAD)));
      }
    }
  });

  it('opens only under the same context, in any order', () => {
    const sealed = sealJson(key, RESOURCE, AAD);
    expect(openJson(key, sealed, { field: 'resource', recordId: 'r-1', patientId: AAD.patientId })).toEqual(RESOURCE);
    expect(codeOf(() => openJson(key, sealed, { ...AAD, recordId: 'r-2' }))).toBe(CryptoErrorCode.AuthenticationFailed);
    expect(codeOf(() => openJson(key, sealed, { patientId: AAD.patientId, recordId: 'r-1' }))).toBe(CryptoErrorCode.AuthenticationFailed);
    expect(codeOf(() => sealJson(key, RESOURCE, {}))).toBe(CryptoErrorCode.BadInput);
  });

  it('refuses another key version, and binds the version it names', () => {
    const sealed = sealJson(key, RESOURCE, AAD);
    expect(codeOf(() => openJson(generatePatientKeyVersion(3), sealed, AAD))).toBe(CryptoErrorCode.KeyVersionMismatch);
    expect(codeOf(() => openJson(generatePatientKeyVersion(2), sealed, AAD))).toBe(CryptoErrorCode.AuthenticationFailed);
    // Same key bytes under another version label: the header is authenticated too.
    const relabelled = { ...key, version: 5 };
    expect(codeOf(() => openJson(relabelled, { ...sealed, keyVersion: 5 }, AAD))).toBe(CryptoErrorCode.AuthenticationFailed);
  });

  it.each<[string, (s: SealedPayload) => unknown]>([
    ['another alg', (s) => ({ ...s, alg: 'A128GCM' })],
    ['keyVersion 0', (s) => ({ ...s, keyVersion: 0 })],
    ['a string keyVersion', (s) => ({ ...s, keyVersion: '2' })],
    ['an empty ct', (s) => ({ ...s, ct: '' })],
    ['a padded tag', (s) => ({ ...s, tag: `${s.tag}==` })],
    ['null', () => null],
  ])('refuses a malformed payload (%s) as BadInput', (_case, mangle) => {
    const sealed = sealJson(key, RESOURCE, AAD);
    expect(codeOf(() => openJson(key, mangle(sealed) as SealedPayload, AAD))).toBe(CryptoErrorCode.BadInput);
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['a function', () => 1],
    ['a BigInt', 10n],
    [
      'a cycle',
      (() => {
        const cyclic: Record<string, unknown> = {};
        cyclic['self'] = cyclic;
        return cyclic;
      })(),
    ],
  ])('refuses to seal %s', (_case, value) => {
    expect(codeOf(() => sealJson(key, value, AAD))).toBe(CryptoErrorCode.BadInput);
  });

  it('seals raw bytes up to the size the contract allows', () => {
    const bytes = randomBytes(1000);
    expect(openBytes(key, sealBytes(key, bytes, AAD), AAD)).toEqual(bytes);
    const largest = sealBytes(key, Buffer.alloc(MAX_SEALED_BYTES, 1), AAD);
    expect(sealedPayloadSchema.safeParse(largest).success).toBe(true);
    expect(codeOf(() => sealBytes(key, Buffer.alloc(MAX_SEALED_BYTES + 1, 1), AAD))).toBe(CryptoErrorCode.BadInput);
    expect(codeOf(() => sealBytes(key, Buffer.alloc(0), AAD))).toBe(CryptoErrorCode.BadInput);
  });

  it('reports an authentic payload that is not JSON without quoting it', () => {
    const sealed = sealBytes(key, Buffer.from('not json: diagnosis E11.9'), AAD);
    let message = '';
    expect(
      codeOf(() => {
        try {
          openJson(key, sealed, AAD);
        } catch (error) {
          message = String(error);
          throw error;
        }
      }),
    ).toBe(CryptoErrorCode.BadInput);
    expect(message).not.toContain('E11.9');
  });

  it('refuses a shredded (zeroed) key for sealing and opening', () => {
    const sealed = sealJson(key, RESOURCE, AAD);
    key.dataKey.fill(0);
    expect(codeOf(() => sealJson(key, RESOURCE, AAD))).toBe(CryptoErrorCode.KeyShredded);
    expect(codeOf(() => openJson(key, sealed, AAD))).toBe(CryptoErrorCode.KeyShredded);
  });
});
