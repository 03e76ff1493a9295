import { createHmac } from 'node:crypto';
import { blindIndex, commit } from './commitment';
import { CryptoErrorCode } from './crypto.error';

// RFC 4231 test case 6: a 131-byte key of 0xaa (commit and blindIndex accept keys ≥ 32 bytes).
const RFC_KEY = Buffer.alloc(131, 0xaa);
const RFC_DATA = 'Test Using Larger Than Block-Size Key - Hash Key First';
const RFC_MAC = '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54';

describe('commit', () => {
  const salt = Buffer.alloc(32, 7);

  it('is HMAC-SHA-256 in lowercase hex (RFC 4231 test case 6)', () => {
    expect(commit(RFC_KEY, RFC_DATA)).toBe(RFC_MAC);
  });

  it('commits to a string as to its UTF-8 bytes, and depends on the salt', () => {
    const patientId = '0f6a3c2e-1b4d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(commit(salt, patientId)).toBe(commit(salt, Buffer.from(patientId, 'utf8')));
    expect(commit(salt, patientId)).toMatch(/^[0-9a-f]{64}$/);
    expect(commit(Buffer.alloc(32, 8), patientId)).not.toBe(commit(salt, patientId));
    expect(commit(salt, 'Zoë')).toBe(createHmac('sha256', salt).update(Buffer.from('Zoë', 'utf8')).digest('hex'));
  });

  it('refuses a short salt, a zeroed (shredded) salt and a value that is neither string nor Buffer', () => {
    expect(() => commit(Buffer.alloc(31, 1), 'x')).toThrow(expect.objectContaining({ code: CryptoErrorCode.BadInput }));
    expect(() => commit(Buffer.alloc(32), 'x')).toThrow(expect.objectContaining({ code: CryptoErrorCode.KeyShredded }));
    expect(() => commit(salt, 42 as unknown as string)).toThrow(expect.objectContaining({ code: CryptoErrorCode.BadInput }));
  });
});

describe('blindIndex', () => {
  const key = Buffer.alloc(32, 9);

  it('is the same HMAC-SHA-256 in base64url (RFC 4231 test case 6)', () => {
    expect(blindIndex(RFC_KEY, RFC_DATA)).toBe(Buffer.from(RFC_MAC, 'hex').toString('base64url'));
  });

  it('gives equal tokens for equal values only, and nothing of the value', () => {
    const token = blindIndex(key, 'MLLR|1980');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(blindIndex(key, 'MLLR|1980')).toBe(token);
    expect(blindIndex(key, 'MLLR|1981')).not.toBe(token);
    expect(blindIndex(Buffer.alloc(32, 10), 'MLLR|1980')).not.toBe(token);
    expect(token).not.toContain('MLLR');
  });

  it('refuses a short or zeroed key and a non-string value', () => {
    expect(() => blindIndex(Buffer.alloc(16, 1), 'x')).toThrow(expect.objectContaining({ code: CryptoErrorCode.BadInput }));
    expect(() => blindIndex(Buffer.alloc(32), 'x')).toThrow(expect.objectContaining({ code: CryptoErrorCode.KeyShredded }));
    expect(() => blindIndex(key, Buffer.from('x') as unknown as string)).toThrow(expect.objectContaining({ code: CryptoErrorCode.BadInput }));
  });
});
