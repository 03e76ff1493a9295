import { createHmac } from 'node:crypto';
import { leafCommitment } from './leaf-commitment';
import { MerkleErrorCode } from './merkle.error';

describe('leafCommitment', () => {
  const salt = Buffer.alloc(32, 7);

  it('is HMAC-SHA-256 of the event bytes keyed with the salt (RFC 4231 test case 6)', () => {
    const key = Buffer.alloc(131, 0xaa);
    const data = Buffer.from('Test Using Larger Than Block-Size Key - Hash Key First', 'ascii');
    expect(leafCommitment(data, key).toString('hex')).toBe('60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54');
  });

  it('matches node:crypto for arbitrary input and depends on the salt', () => {
    const bytes = Buffer.from('{"id":"1"}');
    expect(leafCommitment(bytes, salt)).toEqual(createHmac('sha256', salt).update(bytes).digest());
    expect(leafCommitment(bytes, Buffer.alloc(32, 8))).not.toEqual(leafCommitment(bytes, salt));
    expect(leafCommitment(bytes, salt)).toHaveLength(32);
  });

  it('refuses a salt shorter than the hash size', () => {
    expect(() => leafCommitment(Buffer.from('x'), Buffer.alloc(31))).toThrow(MerkleErrorCode.InvalidSalt);
  });
});
