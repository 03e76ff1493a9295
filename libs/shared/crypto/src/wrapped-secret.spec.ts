import { randomBytes } from 'node:crypto';
import { wrappedSecretSchema } from '@carechain/contracts';
import { CryptoErrorCode } from './crypto.error';
import { fromWrappedSecret, toWrappedSecret } from './wrapped-secret';

describe('WrappedSecret conversion', () => {
  const box = { iv: randomBytes(12), ct: randomBytes(32), tag: randomBytes(16) };

  it('encodes GCM fields into a schema-valid WrappedSecret and back', () => {
    const kekId = 'projects/p/locations/europe-west3/keyRings/carechain/cryptoKeys/kek/cryptoKeyVersions/3';
    const wrapped = toWrappedSecret(kekId, box);
    expect(wrappedSecretSchema.parse(wrapped)).toEqual(wrapped);
    expect(fromWrappedSecret(wrapped)).toEqual(box);
  });

  it('accepts the kekIds of the cloud KMSs and refuses others', () => {
    for (const kekId of [
      'arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      'https://carechain.managedhsm.azure.net/keys/kek/0123abcd',
    ]) {
      expect(toWrappedSecret(kekId, box).kekId).toBe(kekId);
    }
    expect(() => toWrappedSecret('kek id', box)).toThrow(expect.objectContaining({ code: CryptoErrorCode.BadInput }));
    expect(() => toWrappedSecret('k'.repeat(257), box)).toThrow(expect.objectContaining({ code: CryptoErrorCode.BadInput }));
  });
});
