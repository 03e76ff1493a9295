// Folds free text to the form names and address lines are compared in: lower case,
// diacritics stripped (NFKD, then combining marks dropped), apostrophes removed so
// O'Brien and OBrien agree, and every other run of non-letters (hyphens, dots,
// commas, spaces) collapsed to one space so "Garcia-Lopez" and "Garcia  Lopez" agree.

// Letters NFKD does not decompose into a base letter plus marks.
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const UNDECOMPOSED_PATTERN = /[ßæœøłđðþı]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’‘`ʼ´]/g;
const NON_LETTERS = /[^\p{L}]+/gu;
const NON_ALPHANUMERICS = /[^\p{L}\p{N}]+/gu;

function fold(raw: string, separators: RegExp): string {
  return raw
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(UNDECOMPOSED_PATTERN, (c) => UNDECOMPOSED[c])
    .replace(APOSTROPHES, '')
    .replace(separators, ' ')
    .trim();
}

/** A name folded to lower-case letters separated by single spaces ("" if none are left). */
export function foldName(raw: string): string {
  return fold(raw, NON_LETTERS);
}

/** Like foldName, but digits survive (house numbers in address lines). */
export function foldText(raw: string): string {
  return fold(raw, NON_ALPHANUMERICS);
}

/** The folded name's words, e.g. "Mary-Ann" → ["mary", "ann"]. */
export function nameTokens(raw: string): string[] {
  const folded = foldName(raw);
  return folded === '' ? [] : folded.split(' ');
}
