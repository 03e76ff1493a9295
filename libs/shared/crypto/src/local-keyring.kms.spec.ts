import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CryptoError, CryptoErrorCode } from './crypto.error';
import { LocalKeyringKms } from './local-keyring.kms';
import { describeKmsContract } from './testing/kms-contract';

const CONTEXT = { patientId: 'p-1', use: 'data-key', version: '1' };

describeKmsContract('LocalKeyringKms', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'carechain-kms-contract-'));
  const kms = await LocalKeyringKms.open(join(dir, 'keyring.json'), { createIfMissing: true });
  return { kms, rotate: () => kms.rotate(), dispose: () => rm(dir, { recursive: true, force: true }) };
});

describe('LocalKeyringKms and its file', () => {
  let dir: string;
  let path: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'carechain-keyring-'));
    path = join(dir, 'nested', 'deeper', 'keyring.json');
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function openError(options: Parameters<typeof LocalKeyringKms.open>[1]): Promise<CryptoError> {
    const error: unknown = await LocalKeyringKms.open(path, options).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CryptoError);
    return error as CryptoError;
  }

  it('creates the file 0600, its directories 0700 and a first KEK local:kek-1-<hex>', async () => {
    const kms = await LocalKeyringKms.open(path, { createIfMissing: true, now: () => new Date('2026-03-04T05:06:07.000Z') });
    expect(kms.provider).toBe('local-keyring');
    expect(kms.activeKekId()).toMatch(/^local:kek-1-[0-9a-f]{8}$/);
    expect(kms.insecurePermissions).toBe(false);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'nested', 'deeper'))).mode & 0o777).toBe(0o700);
    const file = JSON.parse(await readFile(path, 'utf8'));
    expect(file).toEqual({
      format: 'carechain-keyring/1',
      active: kms.activeKekId(),
      keys: { [kms.activeKekId()]: { key: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), createdAt: '2026-03-04T05:06:07.000Z' } },
    });
  });

  it('reopens the same KEKs: what one instance wraps another unwraps', async () => {
    const first = await LocalKeyringKms.open(path, { createIfMissing: true });
    const secret = randomBytes(32);
    const wrapped = await first.wrap(secret, CONTEXT);
    const second = await LocalKeyringKms.open(path, { createIfMissing: false });
    expect(second.activeKekId()).toBe(first.activeKekId());
    expect(await second.unwrap(wrapped, CONTEXT)).toEqual(secret);
  });

  it('refuses a missing file unless asked to create it', async () => {
    const error = await openError({ createIfMissing: false });
    expect(error.code).toBe(CryptoErrorCode.BadKeyring);
    expect(error.message).toContain('createIfMissing');
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a file group or others can read, unless told to open it anyway and report it', async () => {
    await LocalKeyringKms.open(path, { createIfMissing: true });
    await chmod(path, 0o644);
    const error = await openError({ createIfMissing: false });
    expect(error.code).toBe(CryptoErrorCode.InsecureKeyring);
    expect(error.message).toContain('0644');
    const opened = await LocalKeyringKms.open(path, { createIfMissing: false, allowInsecurePermissions: true });
    expect(opened.insecurePermissions).toBe(true);
  });

  it('accepts group read (a Secret mounted through fsGroup) only when allowed, and never group write or others', async () => {
    await LocalKeyringKms.open(path, { createIfMissing: true });
    await chmod(path, 0o440);
    expect((await openError({ createIfMissing: false })).code).toBe(CryptoErrorCode.InsecureKeyring);
    const opened = await LocalKeyringKms.open(path, { createIfMissing: false, allowGroupRead: true });
    expect(opened.insecurePermissions).toBe(false);
    for (const mode of [0o460, 0o404, 0o640 | 0o020]) {
      await chmod(path, mode);
      expect({ mode, code: (await openError({ createIfMissing: false, allowGroupRead: true })).code }).toEqual({ mode, code: CryptoErrorCode.InsecureKeyring });
    }
  });

  it('refuses a corrupt file and a directory as BadKeyring, without quoting the file', async () => {
    await mkdir(join(dir, 'nested', 'deeper'), { recursive: true });
    await writeFile(path, '{"format":"carechain-keyring/1","keys":{"local:kek-1-00000000":{"key":"SECRETSECRET', { mode: 0o600 });
    const corrupt = await openError({ createIfMissing: true });
    expect(corrupt.code).toBe(CryptoErrorCode.BadKeyring);
    expect(corrupt.message).not.toContain('SECRET');
    await rm(path);
    await mkdir(path, { mode: 0o700 });
    expect((await openError({ createIfMissing: true })).code).toBe(CryptoErrorCode.BadKeyring);
  });

  it('rotates to a new active KEK, keeps the old ones, and writes it through atomically', async () => {
    const kms = await LocalKeyringKms.open(path, { createIfMissing: true });
    const first = kms.activeKekId();
    const second = await kms.rotate();
    expect(second).toMatch(/^local:kek-2-[0-9a-f]{8}$/);
    expect(kms.activeKekId()).toBe(second);
    expect(kms.kekIds()).toEqual([first, second]);
    const reopened = await LocalKeyringKms.open(path, { createIfMissing: false });
    expect(reopened.activeKekId()).toBe(second);
    expect(reopened.kekIds()).toEqual([first, second]);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, 'nested', 'deeper'))).toEqual(['keyring.json']);
  });

  it('serialises concurrent rotations within one instance', async () => {
    const kms = await LocalKeyringKms.open(path, { createIfMissing: true });
    const ids = await Promise.all([kms.rotate(), kms.rotate(), kms.rotate()]);
    expect(ids.map((id) => id.split('-')[1])).toEqual(['2', '3', '4']);
    expect((await LocalKeyringKms.open(path, { createIfMissing: false })).kekIds()).toHaveLength(4);
  });

  it('lets two instances racing to create the file agree on one first KEK', async () => {
    const [a, b] = await Promise.all([LocalKeyringKms.open(path, { createIfMissing: true }), LocalKeyringKms.open(path, { createIfMissing: true })]);
    expect(a.activeKekId()).toBe(b.activeKekId());
    expect(await readdir(join(dir, 'nested', 'deeper'))).toEqual(['keyring.json']);
  });

  it("picks up another instance's rotation when it meets the new kekId, and keeps it on its own next rotation", async () => {
    const identity = await LocalKeyringKms.open(path, { createIfMissing: true });
    const records = await LocalKeyringKms.open(path, { createIfMissing: false });
    const rotated = await identity.rotate();
    const secret = randomBytes(32);
    const wrapped = await identity.wrap(secret, CONTEXT);
    expect(wrapped.kekId).toBe(rotated);
    expect(await records.unwrap(wrapped, CONTEXT)).toEqual(secret);
    expect(records.activeKekId()).toBe(rotated);
    const third = await records.rotate();
    expect(third).toMatch(/^local:kek-3-/);
    expect((await LocalKeyringKms.open(path, { createIfMissing: false })).kekIds()).toEqual([...identity.kekIds(), third]);
  });

  it('reports a kekId that is not in the file even after re-reading it as UnknownKek', async () => {
    const kms = await LocalKeyringKms.open(path, { createIfMissing: true });
    const wrapped = await kms.wrap(randomBytes(32), CONTEXT);
    await expect(kms.unwrap({ ...wrapped, kekId: 'local:kek-7-00000000' }, CONTEXT)).rejects.toMatchObject({ code: CryptoErrorCode.UnknownKek });
  });

  it('refuses to wrap a zeroed (shredded) secret', async () => {
    const kms = await LocalKeyringKms.open(path, { createIfMissing: true });
    await expect(kms.wrap(Buffer.alloc(32), CONTEXT)).rejects.toMatchObject({ code: CryptoErrorCode.KeyShredded });
  });
});
