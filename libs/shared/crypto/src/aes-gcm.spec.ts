import { createDecipheriv, randomBytes } from 'node:crypto';
import { gcmOpen, gcmSeal } from './aes-gcm';
import { CryptoErrorCode } from './crypto.error';

describe('AES-256-GCM', () => {
  const key = randomBytes(32);
  const aad = Buffer.from('context');
  const plaintext = Buffer.from('a short clinical note');

  it('seals to a 12-byte IV, a same-length ciphertext and a 16-byte tag that plain node:crypto opens', () => {
    const box = gcmSeal(key, plaintext, aad, 'k');
    expect(box.iv).toHaveLength(12);
    expect(box.tag).toHaveLength(16);
    expect(box.ct).toHaveLength(plaintext.length);
    const decipher = createDecipheriv('aes-256-gcm', key, box.iv).setAAD(aad).setAuthTag(box.tag);
    expect(Buffer.concat([decipher.update(box.ct), decipher.final()])).toEqual(plaintext);
    expect(gcmOpen(key, box, aad, 'k')).toEqual(plaintext);
  });

  it('refuses another key, another AAD, and a truncated tag', () => {
    const box = gcmSeal(key, plaintext, aad, 'k');
    const fails = (code: CryptoErrorCode) => expect.objectContaining({ code });
    expect(() => gcmOpen(randomBytes(32), box, aad, 'k')).toThrow(fails(CryptoErrorCode.AuthenticationFailed));
    expect(() => gcmOpen(key, box, Buffer.from('contexu'), 'k')).toThrow(fails(CryptoErrorCode.AuthenticationFailed));
    expect(() => gcmOpen(key, { ...box, tag: box.tag.subarray(0, 12) }, aad, 'k')).toThrow(fails(CryptoErrorCode.BadInput));
  });

  it('refuses keys of the wrong size and keys of zeros', () => {
    expect(() => gcmSeal(randomBytes(16), plaintext, aad, 'k')).toThrow(expect.objectContaining({ code: CryptoErrorCode.BadInput }));
    expect(() => gcmSeal(Buffer.alloc(32), plaintext, aad, 'k')).toThrow(expect.objectContaining({ code: CryptoErrorCode.KeyShredded }));
  });
});
