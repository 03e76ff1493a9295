import { assertHash, fromHex, hashFromHex, toHex } from './hash-encoding';
import { MerkleError, MerkleErrorCode } from './merkle.error';

describe('hash encoding', () => {
  const digest = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

  it('round-trips hashes through lowercase hex', () => {
    expect(toHex(hashFromHex(digest.toUpperCase()))).toBe(digest);
    expect(toHex(new Uint8Array([0, 255]).subarray(1))).toBe('ff');
  });

  it.each(['abc', 'zz', '0x00', ' 00'])('refuses %p as hex instead of truncating it', (hex) => {
    expect(() => fromHex(hex)).toThrow(MerkleErrorCode.InvalidHex);
  });

  it('refuses hashes that are not 32 bytes, naming what was wrong', () => {
    expect(() => hashFromHex(digest.slice(2), 'merkleRoot')).toThrow('INVALID_HASH_SIZE: merkleRoot must be 32 bytes, got 31');
    expect(() => assertHash(Buffer.alloc(33))).toThrow(MerkleError);
    expect(() => assertHash(Buffer.alloc(32))).not.toThrow();
  });
});
