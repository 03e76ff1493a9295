// "At most one keying error apart": one substituted, inserted or deleted character,
// or two adjacent characters swapped (optimal-string-alignment distance ≤ 1). It
// catches the short-name typos Jaro–Winkler scores poorly (Ann/Anm is 0.82), in
// linear time and without allocating.

/** True when `a` and `b` are equal or one keying error apart. */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la === lb) {
    let i = 0;
    while (i < la && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    if (i >= la - 1) {
      return true; // equal, or only the last character differs
    }
    if (sameFrom(a, i + 1, b, i + 1)) {
      return true; // substitution
    }
    return a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && sameFrom(a, i + 2, b, i + 2);
  }
  if (Math.abs(la - lb) !== 1) {
    return false;
  }
  const [long, short] = la > lb ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && long.charCodeAt(i) === short.charCodeAt(i)) i++;
  return sameFrom(long, i + 1, short, i); // the longer one has one extra character at i
}

function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) {
    return false;
  }
  for (; i < a.length; i++, j++) {
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  }
  return true;
}
