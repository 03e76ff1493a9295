import { MerkleErrorCode } from './merkle.error';
import { StaticSaltProvider } from './static-salt.provider';

describe('StaticSaltProvider', () => {
  const key = Buffer.alloc(32, 1);

  it('gives every subject, and none, the one key and its version', async () => {
    const provider = new StaticSaltProvider(key, 'svc-2025-01');
    for (const subject of ['pat_1', 'pat_2', undefined]) {
      await expect(provider.saltFor(subject)).resolves.toEqual({ salt: key, keyVersion: 'svc-2025-01' });
    }
  });

  it('keeps its own copy of the key, and hands out copies', async () => {
    const input = Buffer.from(key);
    const provider = new StaticSaltProvider(input, 'v1');
    input.fill(0);
    (await provider.saltFor('pat_1')).salt.fill(9);
    expect((await provider.saltFor('pat_1')).salt).toEqual(key);
  });

  it('refuses a short key and a free-text version', () => {
    expect(() => new StaticSaltProvider(Buffer.alloc(16), 'v1')).toThrow(MerkleErrorCode.InvalidSalt);
    expect(() => new StaticSaltProvider(key, 'patient Jane Doe')).toThrow(MerkleErrorCode.InvalidSalt);
    expect(() => new StaticSaltProvider(key, '')).toThrow(MerkleErrorCode.InvalidSalt);
  });
});
