import { randomBytes } from 'node:crypto';
import { CryptoError, CryptoErrorCode } from './crypto.error';
import { generateKeyringEntry, KEYRING_FORMAT, LOCAL_KEK_ID_PATTERN, newKekId, nextKekNumber, parseKeyring, serializeKeyring } from './keyring-format';

const KEY = randomBytes(32);
const ID = 'local:kek-1-0a1b2c3d';

function document(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: KEYRING_FORMAT,
    active: ID,
    keys: { [ID]: { key: KEY.toString('base64url'), createdAt: '2026-01-02T03:04:05.000Z' } },
    ...overrides,
  });
}

function parseError(text: string): CryptoError {
  try {
    parseKeyring(text, '/keys/dev.json');
  } catch (error) {
    if (error instanceof CryptoError) {
      return error;
    }
    throw error;
  }
  throw new Error('parsed');
}

describe('keyring format', () => {
  it('round-trips through serialize and parse', () => {
    const entry = generateKeyringEntry(new Date('2026-05-06T07:08:09.000Z'));
    const second = newKekId(2);
    const text = serializeKeyring({
      active: second,
      keys: new Map([
        [ID, { key: KEY, createdAt: '2026-01-02T03:04:05.000Z' }],
        [second, entry],
      ]),
    });
    const parsed = parseKeyring(text, 'x');
    expect(parsed.active).toBe(second);
    expect([...parsed.keys.keys()]).toEqual([ID, second]);
    expect(parsed.keys.get(ID)?.key).toEqual(KEY);
    expect(parsed.keys.get(second)).toEqual({ key: entry.key, createdAt: '2026-05-06T07:08:09.000Z' });
    expect(JSON.parse(text)).toMatchObject({ format: 'carechain-keyring/1', active: second });
  });

  it('mints ids local:kek-<n>-<8 hex>, numbered after the highest local one', () => {
    expect(newKekId(7)).toMatch(/^local:kek-7-[0-9a-f]{8}$/);
    expect(newKekId(1)).not.toBe(newKekId(1));
    expect(newKekId(12)).toMatch(LOCAL_KEK_ID_PATTERN);
    expect(nextKekNumber([])).toBe(1);
    expect(nextKekNumber(['local:kek-1-aaaaaaaa', 'local:kek-10-bbbbbbbb', 'local:kek-3-cccccccc', 'arn:aws:kms:eu-west-1:1:key/x'])).toBe(11);
  });

  it.each<[string, string, string]>([
    ['not JSON', '{"format": "carechain-keyring/1", "keys": {"k": "hunter2', 'not valid JSON'],
    ['another format', document({ format: 'carechain-keyring/2' }), 'not a carechain-keyring/1 file'],
    ['no keys', document({ keys: {} }), 'at least one KEK'],
    ['an active KEK it does not hold', document({ active: 'local:kek-2-00000000' }), '"active" must name one of its KEKs'],
    [
      'a KEK id outside the alphabet',
      document({ keys: { 'bad id': { key: KEY.toString('base64url'), createdAt: '2026-01-01T00:00:00Z' } } }),
      'not a valid kekId',
    ],
    ['a short key', document({ keys: { [ID]: { key: KEY.subarray(0, 16).toString('base64url'), createdAt: '2026-01-01T00:00:00Z' } } }), '32 bytes'],
    ['a padded key', document({ keys: { [ID]: { key: KEY.toString('base64'), createdAt: '2026-01-01T00:00:00Z' } } }), '32 bytes'],
    ['a zero key', document({ keys: { [ID]: { key: Buffer.alloc(32).toString('base64url'), createdAt: '2026-01-01T00:00:00Z' } } }), 'all zeros'],
    ['no createdAt', document({ keys: { [ID]: { key: KEY.toString('base64url') } } }), 'createdAt'],
  ])('refuses %s as BadKeyring', (_case, text, why) => {
    const error = parseError(text);
    expect(error.code).toBe(CryptoErrorCode.BadKeyring);
    expect(error.message).toContain('/keys/dev.json');
    expect(error.message).toContain(why);
  });

  it('never quotes the file in its errors', () => {
    const key = KEY.toString('base64url');
    const broken = `{"format":"carechain-keyring/1","keys":{"${ID}":{"key":"${key}" "createdAt":1}}}`;
    expect(() => JSON.parse(broken)).toThrow(); // the premise: this really is broken JSON
    expect(parseError(broken).message).not.toContain(key.slice(0, 8));
    expect(parseError(document({ active: key })).message).not.toContain(key.slice(0, 8));
  });
});
