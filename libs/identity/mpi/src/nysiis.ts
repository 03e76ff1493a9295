// NYSIIS (New York State Identification and Intelligence System, Taft 1970): a
// phonetic code built for surnames in criminal-justice records, measured there as
// more selective than Soundex at equal recall. Written from the published rules,
// with the usual modern reading (as in Apache Commons Codec, non-strict mode):
// transcoded letters are written back into the name, so later rules see them.
//
// Keys are unbounded here; callers that want the original 6-character key pass
// maxLength (blocking does: typos late in long names then do not change the key).

const VOWELS = new Set(['A', 'E', 'I', 'O', 'U']);
const isVowel = (c: string | undefined): boolean => c !== undefined && VOWELS.has(c);

const FIRST_LETTERS: ReadonlyArray<readonly [string, string]> = [
  ['MAC', 'MCC'],
  ['KN', 'NN'],
  ['K', 'C'],
  ['PH', 'FF'],
  ['PF', 'FF'],
  ['SCH', 'SSS'],
];
const LAST_LETTERS: ReadonlyArray<readonly [string, string]> = [
  ['EE', 'Y'],
  ['IE', 'Y'],
  ['DT', 'D'],
  ['RT', 'D'],
  ['RD', 'D'],
  ['NT', 'D'],
  ['ND', 'D'],
];

/** The NYSIIS key of `name` (letters other than A–Z are ignored); "" when no letter is left. */
export function nysiis(name: string, maxLength = Number.POSITIVE_INFINITY): string {
  let s = name.toUpperCase().replace(/[^A-Z]/g, '');
  if (s === '') {
    return '';
  }
  const first = FIRST_LETTERS.find(([from]) => s.startsWith(from));
  if (first) s = first[1] + s.slice(first[0].length);
  const last = LAST_LETTERS.find(([from]) => s.length > from.length && s.endsWith(from));
  if (last) s = s.slice(0, s.length - last[0].length) + last[1];

  const chars = s.split('');
  let key = chars[0];
  for (let i = 1; i < chars.length; i++) {
    const replacement = transcode(chars[i - 1], chars[i], chars[i + 1], chars[i + 2]);
    for (let k = 0; k < replacement.length; k++) chars[i + k] = replacement[k];
    // chars[i - 1] is always the key's last letter, so this drops repeats.
    if (chars[i] !== chars[i - 1]) key += chars[i];
  }

  if (key.length > 1 && key.endsWith('S')) key = key.slice(0, -1);
  if (key.length > 2 && key.endsWith('AY')) key = key.slice(0, -2) + 'Y';
  if (key.length > 1 && key.endsWith('A')) key = key.slice(0, -1);
  return key.length > maxLength ? key.slice(0, maxLength) : key;
}

function transcode(prev: string, cur: string, next: string | undefined, afterNext: string | undefined): string {
  if (cur === 'E' && next === 'V') return 'AF';
  if (isVowel(cur)) return 'A';
  switch (cur) {
    case 'Q':
      return 'G';
    case 'Z':
      return 'S';
    case 'M':
      return 'N';
    case 'K':
      return next === 'N' ? 'NN' : 'C';
    case 'S':
      return next === 'C' && afterNext === 'H' ? 'SSS' : 'S';
    case 'P':
      return next === 'H' ? 'FF' : 'P';
    case 'H':
      return !isVowel(prev) || !isVowel(next) ? prev : 'H';
    case 'W':
      return isVowel(prev) ? prev : 'W';
    default:
      return cur;
  }
}
