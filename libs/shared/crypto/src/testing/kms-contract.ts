// The behaviour every KeyManagementService adapter owes its callers, as one Jest suite.
// An adapter's spec calls describeKmsContract with a factory; a cloud adapter runs it
// in its integration spec against a real (test) key. README.md explains each rule.
import { randomBytes } from 'node:crypto';
import { type WrappedSecret, wrappedSecretSchema } from '@carechain/contracts';
import { CryptoError, CryptoErrorCode } from '../crypto.error';
import type { EncryptionContext } from '../encryption-context';
import { KEK_ID_PATTERN, type KeyManagementService } from '../kms.port';

export interface KmsContractSubject {
  readonly kms: KeyManagementService;
  /**
   * Makes a new KEK active (a new key version, or the next configured key). Rotation
   * is part of the contract: wraps made before it must stay unwrappable.
   */
  readonly rotate: () => Promise<unknown>;
  /** A well-formed kekId this KMS never issued; by default the active one with a suffix. */
  readonly unknownKekId?: string;
  /** Releases what the factory set up (temp dirs, clients). */
  readonly dispose?: () => Promise<void>;
}

const CONTEXT: EncryptionContext = { patientId: '5b0c9f1e-8d4a-4f7e-9c1a-2e3d4f5a6b7c', use: 'data-key', version: '1' };

export function describeKmsContract(name: string, makeKms: () => Promise<KmsContractSubject>): void {
  describe(`KeyManagementService contract: ${name}`, () => {
    let subject: KmsContractSubject;
    let kms: KeyManagementService;
    let secret: Buffer;
    let wrapped: WrappedSecret;

    beforeEach(async () => {
      subject = await makeKms();
      kms = subject.kms;
      secret = randomBytes(32);
      wrapped = await kms.wrap(secret, CONTEXT);
    });

    afterEach(async () => {
      await subject.dispose?.();
    });

    it('names its provider and an active KEK in the contract alphabet', () => {
      expect(kms.provider).toMatch(/^[a-z0-9-]{1,64}$/);
      expect(kms.activeKekId()).toMatch(KEK_ID_PATTERN);
    });

    it('wraps into a WrappedSecret the contract schema accepts, under the active KEK', () => {
      expect(wrappedSecretSchema.parse(wrapped)).toEqual(wrapped);
      expect(wrapped.kekId).toBe(kms.activeKekId());
      expect(wrapped.ct).not.toBe(secret.toString('base64url'));
    });

    it('unwraps to the same bytes, in a Buffer the caller owns', async () => {
      const first = await kms.unwrap(wrapped, CONTEXT);
      expect(first).toEqual(secret);
      first.fill(0);
      expect(await kms.unwrap(wrapped, CONTEXT)).toEqual(secret);
    });

    it('never wraps the same secret to the same IV or ciphertext twice', async () => {
      const again = await kms.wrap(secret, CONTEXT);
      expect(again.iv).not.toBe(wrapped.iv);
      expect(again.ct).not.toBe(wrapped.ct);
    });

    it('ignores the order of the context entries', async () => {
      const reordered = { version: CONTEXT['version'], use: CONTEXT['use'], patientId: CONTEXT['patientId'] };
      expect(await kms.unwrap(wrapped, reordered)).toEqual(secret);
    });

    it.each<[string, EncryptionContext]>([
      ['another patient', { ...CONTEXT, patientId: 'c1d2e3f4-0000-4000-8000-000000000000' }],
      ['another use', { ...CONTEXT, use: 'commitment-salt' }],
      ['another version', { ...CONTEXT, version: '2' }],
      ['an extra entry', { ...CONTEXT, tenant: 'x' }],
      ['a missing entry', { patientId: CONTEXT['patientId'], use: CONTEXT['use'] }],
      ['a renamed entry', { patientID: CONTEXT['patientId'], use: CONTEXT['use'], version: CONTEXT['version'] }],
    ])('refuses to unwrap under %s', async (_case, context) => {
      await expectCryptoError(kms.unwrap(wrapped, context), CryptoErrorCode.AuthenticationFailed);
    });

    it.each(['iv', 'ct', 'tag'] as const)('refuses a wrapped secret with any bit of %s flipped', async (field) => {
      const bytes = Buffer.from(wrapped[field], 'base64url');
      for (let i = 0; i < bytes.length; i++) {
        const tampered = Buffer.from(bytes);
        tampered[i] ^= 1 << (i % 8);
        await expectCryptoError(kms.unwrap({ ...wrapped, [field]: tampered.toString('base64url') }, CONTEXT), CryptoErrorCode.AuthenticationFailed);
      }
    });

    it.each<[string, (w: WrappedSecret) => unknown]>([
      ['another alg', (w) => ({ ...w, alg: 'A128GCM' })],
      ['a short IV', (w) => ({ ...w, iv: w.iv.slice(0, 12) })],
      ['a truncated tag', (w) => ({ ...w, tag: w.tag.slice(0, 16) })],
      ['a longer ct', (w) => ({ ...w, ct: `${w.ct}AAAA` })],
      ['padding in ct', (w) => ({ ...w, ct: `${w.ct}=` })],
      ['a kekId outside the alphabet', (w) => ({ ...w, kekId: 'kek with spaces' })],
    ])('refuses a malformed wrapped secret (%s) as BadInput', async (_case, mangle) => {
      await expectCryptoError(kms.unwrap(mangle(wrapped) as WrappedSecret, CONTEXT), CryptoErrorCode.BadInput);
    });

    it('refuses a kekId it never issued', async () => {
      const kekId = subject.unknownKekId ?? `${kms.activeKekId()}-unknown`;
      await expectCryptoError(kms.unwrap({ ...wrapped, kekId }, CONTEXT), CryptoErrorCode.UnknownKek);
    });

    it.each<[string, () => Promise<unknown>]>([
      ['a 16-byte secret', () => kms.wrap(randomBytes(16), CONTEXT)],
      ['a 33-byte secret', () => kms.wrap(randomBytes(33), CONTEXT)],
      ['an empty context', () => kms.wrap(secret, {})],
      ['a non-string context value', () => kms.wrap(secret, { version: 1 } as unknown as EncryptionContext)],
    ])('refuses to wrap %s', async (_case, call) => {
      await expectCryptoError(call(), CryptoErrorCode.BadInput);
    });

    it('keeps wraps from before a rotation readable, and wraps new ones under the new KEK', async () => {
      const before = kms.activeKekId();
      await subject.rotate();
      const after = kms.activeKekId();
      expect(after).not.toBe(before);
      expect(await kms.unwrap(wrapped, CONTEXT)).toEqual(secret);
      const rewrapped = await kms.wrap(secret, CONTEXT);
      expect(rewrapped.kekId).toBe(after);
      expect(await kms.unwrap(rewrapped, CONTEXT)).toEqual(secret);
      // A wrap relabelled with the other KEK's id is not a wrap under that KEK.
      await expectCryptoError(kms.unwrap({ ...wrapped, kekId: after }, CONTEXT), CryptoErrorCode.AuthenticationFailed);
    });

    it('never puts the secret into an error message', async () => {
      const spellings = [secret.toString('hex'), secret.toString('base64url'), secret.toString('base64')];
      const errors = await Promise.all([
        kms.unwrap(wrapped, { ...CONTEXT, version: '9' }).catch((e: unknown) => e),
        kms.unwrap({ ...wrapped, tag: wrapped.iv }, CONTEXT).catch((e: unknown) => e),
        kms.wrap(Buffer.concat([secret, Buffer.of(1)]), CONTEXT).catch((e: unknown) => e),
      ]);
      for (const error of errors) {
        expect(error).toBeInstanceOf(CryptoError);
        const text = `${String(error)} ${JSON.stringify(error)}`;
        spellings.forEach((spelling) => expect(text).not.toContain(spelling));
      }
    });
  });
}

async function expectCryptoError(promise: Promise<unknown>, code: CryptoErrorCode): Promise<void> {
  const outcome = await promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(CryptoError);
  expect((outcome as CryptoError).code).toBe(code);
}
