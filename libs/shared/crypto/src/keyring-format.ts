// The development keyring file, format carechain-keyring/1:
//   { "format": "carechain-keyring/1", "active": "<kekId>",
//     "keys": { "<kekId>": { "key": "<32 bytes base64url>", "createdAt": "<ISO 8601>" } } }
// Parsing is strict and its errors never quote the file: it is full of keys.
import { randomBytes } from 'node:crypto';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { CryptoError, CryptoErrorCode } from './crypto.error';
import { isZeroed, KEY_BYTES } from './key-material';
import { KEK_ID_PATTERN } from './kms.port';

export const KEYRING_FORMAT = 'carechain-keyring/1';

/** local:kek-<n>-<8 hex>: n orders rotations; the random suffix keeps two machines' kek-1 apart. */
export const LOCAL_KEK_ID_PATTERN = /^local:kek-([1-9][0-9]{0,8})-[0-9a-f]{8}$/;

export interface KeyringEntry {
  readonly key: Buffer;
  readonly createdAt: string;
}

export interface Keyring {
  readonly active: string;
  readonly keys: ReadonlyMap<string, KeyringEntry>;
}

export function newKekId(n: number): string {
  return `local:kek-${n}-${randomBytes(4).toString('hex')}`;
}

/** One more than the highest local KEK number (ids in other formats do not count). */
export function nextKekNumber(ids: Iterable<string>): number {
  let highest = 0;
  for (const id of ids) {
    const match = LOCAL_KEK_ID_PATTERN.exec(id);
    if (match) {
      highest = Math.max(highest, Number(match[1]));
    }
  }
  return highest + 1;
}

export function generateKeyringEntry(now: Date): KeyringEntry {
  return { key: randomBytes(KEY_BYTES), createdAt: now.toISOString() };
}

export function serializeKeyring(keyring: Keyring): string {
  const keys: Record<string, { key: string; createdAt: string }> = {};
  for (const [id, entry] of keyring.keys) {
    keys[id] = { key: encodeBase64Url(entry.key), createdAt: entry.createdAt };
  }
  return `${JSON.stringify({ format: KEYRING_FORMAT, active: keyring.active, keys }, null, 2)}\n`;
}

export function parseKeyring(text: string, source: string): Keyring {
  const bad = (why: string) => new CryptoError(CryptoErrorCode.BadKeyring, `${source}: ${why}`);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text around the error, i.e. key material.
    throw bad('not valid JSON');
  }
  if (!isRecord(document) || document['format'] !== KEYRING_FORMAT) {
    throw bad(`not a ${KEYRING_FORMAT} file`);
  }
  const rawKeys = document['keys'];
  if (!isRecord(rawKeys) || Object.keys(rawKeys).length === 0) {
    throw bad('"keys" must be an object with at least one KEK');
  }
  const keys = new Map<string, KeyringEntry>();
  for (const [id, rawEntry] of Object.entries(rawKeys)) {
    if (!KEK_ID_PATTERN.test(id)) {
      throw bad('a KEK id is not a valid kekId');
    }
    keys.set(id, parseEntry(id, rawEntry, bad));
  }
  const active = document['active'];
  if (typeof active !== 'string' || !keys.has(active)) {
    throw bad('"active" must name one of its KEKs');
  }
  return { active, keys };
}

function parseEntry(id: string, raw: unknown, bad: (why: string) => CryptoError): KeyringEntry {
  if (!isRecord(raw)) {
    throw bad(`KEK ${id} must be an object`);
  }
  const createdAt = raw['createdAt'];
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) {
    throw bad(`KEK ${id} needs an ISO 8601 createdAt`);
  }
  let key: Buffer;
  try {
    key = decodeBase64Url(raw['key'], 'key', KEY_BYTES);
  } catch {
    throw bad(`KEK ${id} must be ${KEY_BYTES} bytes of base64url`);
  }
  if (isZeroed(key)) {
    throw bad(`KEK ${id} is all zeros`);
  }
  return { key, createdAt };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
