import { commit } from './commitment';
import { CryptoErrorCode } from './crypto.error';
import { PatientKeyRing } from './patient-key-ring';
import { generatePatientKeyVersion } from './patient-keys';
import { sealJson } from './payload-cipher';
import { codeOf } from './testing/crypto-error-code';

const ALICE = 'a11ce000-0000-4000-8000-000000000001';
const BOB = 'b0b00000-0000-4000-8000-000000000002';

const isZero = (buffer: Buffer) => buffer.length === 32 && buffer.every((byte) => byte === 0);

describe('PatientKeyRing', () => {
  let ring: PatientKeyRing;

  beforeEach(() => {
    ring = new PatientKeyRing();
  });

  it('answers nothing for a patient it has not met, and says so when required', () => {
    expect(ring.size).toBe(0);
    expect(ring.current(ALICE)).toBeUndefined();
    expect(ring.version(ALICE, 1)).toBeUndefined();
    expect(ring.isShredded(ALICE)).toBe(false);
    expect(codeOf(() => ring.require(ALICE))).toBe(CryptoErrorCode.KeyNotLoaded);
  });

  it('serves the highest version as current, any loaded version by number', () => {
    const [v1, v2, v3] = [1, 2, 3].map((v) => generatePatientKeyVersion(v));
    ring.put(ALICE, [v3, v1, v2]);
    expect(ring.size).toBe(1);
    expect(ring.current(ALICE)).toBe(v3);
    expect(ring.version(ALICE, 1)).toBe(v1);
    expect(ring.require(ALICE)).toBe(v3);
    expect(ring.require(ALICE, 2)).toBe(v2);
    expect(ring.version(ALICE, 4)).toBeUndefined();
    expect(codeOf(() => ring.require(ALICE, 4))).toBe(CryptoErrorCode.UnknownKeyVersion);
  });

  it('replaces on put, zeroing the Buffers it no longer holds and keeping those passed again', () => {
    const old1 = generatePatientKeyVersion(1);
    const kept2 = generatePatientKeyVersion(2);
    ring.put(ALICE, [old1, kept2]);
    const fresh1 = generatePatientKeyVersion(1);
    const v3 = generatePatientKeyVersion(3);
    ring.put(ALICE, [fresh1, kept2, v3]);
    expect(isZero(old1.dataKey) && isZero(old1.salt)).toBe(true);
    expect(isZero(kept2.dataKey) || isZero(kept2.salt)).toBe(false);
    expect(ring.version(ALICE, 1)).toBe(fresh1);
    expect(ring.current(ALICE)).toBe(v3);
    expect(ring.size).toBe(1);
  });

  it.each<[string, () => unknown[]]>([
    ['no versions', () => []],
    ['a version twice', () => [generatePatientKeyVersion(1), generatePatientKeyVersion(1)]],
    ['a version 0', () => [{ ...generatePatientKeyVersion(1), version: 0 }]],
    ['a short data key', () => [{ ...generatePatientKeyVersion(1), dataKey: Buffer.alloc(16, 1) }]],
  ])('refuses %s', (_case, versions) => {
    expect(codeOf(() => ring.put(ALICE, versions() as never))).toBe(CryptoErrorCode.BadInput);
    expect(ring.size).toBe(0);
  });

  describe('after shred', () => {
    it('answers nothing, and its old Buffers are zeroed', () => {
      const v1 = generatePatientKeyVersion(1);
      const v2 = generatePatientKeyVersion(2);
      const bobs = generatePatientKeyVersion(1);
      ring.put(ALICE, [v1, v2]);
      ring.put(BOB, [bobs]);
      const held = ring.require(ALICE);

      ring.shred(ALICE);

      expect(ring.current(ALICE)).toBeUndefined();
      expect(ring.version(ALICE, 1)).toBeUndefined();
      expect(ring.version(ALICE, 2)).toBeUndefined();
      expect(ring.isShredded(ALICE)).toBe(true);
      expect(ring.size).toBe(1);
      for (const buffer of [v1.dataKey, v1.salt, v2.dataKey, v2.salt, held.dataKey]) {
        expect(isZero(buffer)).toBe(true);
      }
      expect(ring.current(BOB)).toBe(bobs);
      expect(isZero(bobs.dataKey)).toBe(false);
    });

    it('refuses to serve or reload the patient', () => {
      ring.put(ALICE, [generatePatientKeyVersion(1)]);
      ring.shred(ALICE);
      expect(codeOf(() => ring.require(ALICE))).toBe(CryptoErrorCode.KeyShredded);
      expect(codeOf(() => ring.require(ALICE, 1))).toBe(CryptoErrorCode.KeyShredded);
      expect(codeOf(() => ring.put(ALICE, [generatePatientKeyVersion(1)]))).toBe(CryptoErrorCode.KeyShredded);
      expect(ring.current(ALICE)).toBeUndefined();
    });

    it('leaves a key fetched before the shred unusable for sealing and commitments', () => {
      ring.put(ALICE, [generatePatientKeyVersion(1)]);
      const held = ring.require(ALICE);
      ring.shred(ALICE);
      expect(codeOf(() => sealJson(held, { note: 'x' }, { patientId: ALICE }))).toBe(CryptoErrorCode.KeyShredded);
      expect(codeOf(() => commit(held.salt, ALICE))).toBe(CryptoErrorCode.KeyShredded);
    });

    it('also covers an erasure that arrives before the keys', () => {
      ring.shred(BOB);
      expect(ring.isShredded(BOB)).toBe(true);
      expect(codeOf(() => ring.put(BOB, [generatePatientKeyVersion(1)]))).toBe(CryptoErrorCode.KeyShredded);
    });
  });
});
