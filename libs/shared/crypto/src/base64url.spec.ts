import { randomBytes } from 'node:crypto';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { CryptoErrorCode } from './crypto.error';

describe('base64url', () => {
  it('encodes without padding and round-trips every length', () => {
    for (let length = 0; length < 40; length++) {
      const bytes = randomBytes(length);
      const text = encodeBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(decodeBase64Url(text, 'x')).toEqual(bytes);
    }
  });

  it('encodes a view of a larger buffer as just the view', () => {
    const whole = Buffer.from([1, 2, 3, 4, 5]);
    expect(encodeBase64Url(whole.subarray(1, 3))).toBe(Buffer.from([2, 3]).toString('base64url'));
  });

  it.each([
    ['padding', 'AAE='],
    ['standard base64 characters', 'ab+/'],
    ['whitespace', 'AA E'],
    ['an impossible length', 'AAAAA'],
    ['set padding bits (a second spelling of the same bytes)', 'AB'],
    ['a non-string', 42],
  ])('refuses %s', (_case, text) => {
    expect(() => decodeBase64Url(text, 'iv')).toThrow(expect.objectContaining({ code: CryptoErrorCode.BadInput }));
  });

  it('checks the decoded length when asked, naming the field and not the value', () => {
    const text = encodeBase64Url(Buffer.alloc(11, 7));
    expect(() => decodeBase64Url(text, 'iv', 12)).toThrow('bad_input: iv must be 12 bytes, got 11');
    expect(decodeBase64Url(encodeBase64Url(Buffer.alloc(12, 7)), 'iv', 12)).toHaveLength(12);
  });
});
