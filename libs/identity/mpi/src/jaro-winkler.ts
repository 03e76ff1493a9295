// Jaro and Jaro–Winkler similarity (Winkler 1990): the string comparator of the US
// Census record-linkage work, tuned for short strings such as names, where typos
// rarely touch the first letters. Allocation-free apart from one growing scratch
// buffer: the index calls it for every candidate pair.

// Winkler's constants: the prefix bonus counts at most 4 characters at 0.1 each, and
// only strings already fairly similar (Jaro above 0.7) get it.
const PREFIX_SCALE = 0.1;
const MAX_PREFIX = 4;
const BOOST_THRESHOLD = 0.7;

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/** Jaro similarity in [0, 1]; 1 for equal strings (two empty strings included), 0 if either is empty. */
export function jaro(a: string, b: string): number {
  if (a === b) {
    return 1;
  }
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) {
    return 0;
  }
  if (flagsA.length < la) flagsA = new Uint8Array(la * 2);
  if (flagsB.length < lb) flagsB = new Uint8Array(lb * 2);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lb - 1, i + window);
    const c = a.charCodeAt(i);
    for (let j = from; j <= to; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) {
    return 0;
  }
  // Half the number of matched characters that appear in a different order.
  let outOfOrder = 0;
  let j = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 1) {
      while (flagsB[j] === 0) j++;
      if (a.charCodeAt(i) !== b.charCodeAt(j)) outOfOrder++;
      j++;
    }
  }
  const transpositions = outOfOrder / 2;
  return (matches / la + matches / lb + (matches - transpositions) / matches) / 3;
}

/** Jaro–Winkler similarity in [0, 1] with Winkler's prefix scale 0.1 over at most 4 characters. */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j <= BOOST_THRESHOLD) {
    return j;
  }
  const limit = Math.min(MAX_PREFIX, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * PREFIX_SCALE * (1 - j);
}
