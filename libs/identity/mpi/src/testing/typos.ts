// Keying errors for the synthetic duplicates: one letter substituted, dropped,
// doubled in, or two neighbours swapped. Only letters are touched (never the
// apostrophe of O'Brien), and a letter typed at the start keeps the capital.
import type { Prng } from './prng';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const isLetter = (c: string): boolean => /\p{L}/u.test(c);

function letterPositions(word: string): number[] {
  return [...word].flatMap((c, i) => (isLetter(c) ? [i] : []));
}

function sameCase(model: string, letter: string): string {
  return model === model.toUpperCase() ? letter.toUpperCase() : letter;
}

export function substituteLetter(rng: Prng, word: string): string {
  const chars = [...word];
  const at = rng.pick(letterPositions(word));
  let letter = rng.pick([...LETTERS]);
  while (letter === chars[at].toLowerCase()) letter = rng.pick([...LETTERS]);
  chars[at] = sameCase(chars[at], letter);
  return chars.join('');
}

export function deleteLetter(rng: Prng, word: string): string {
  const positions = letterPositions(word);
  if (positions.length <= 2) return substituteLetter(rng, word);
  const chars = [...word];
  const at = rng.pick(positions.slice(1)); // dropping the capital is a different error
  chars.splice(at, 1);
  return chars.join('');
}

export function insertLetter(rng: Prng, word: string): string {
  const chars = [...word];
  const at = rng.pick(letterPositions(word).slice(1).concat(chars.length));
  chars.splice(at, 0, rng.pick([...LETTERS]));
  return chars.join('');
}

export function transposeLetters(rng: Prng, word: string): string {
  const chars = [...word];
  const pairs = letterPositions(word).filter((i) => i + 1 < chars.length && isLetter(chars[i + 1]) && chars[i].toLowerCase() !== chars[i + 1].toLowerCase());
  if (pairs.length === 0) return substituteLetter(rng, word);
  const at = rng.pick(pairs);
  const [x, y] = [chars[at], chars[at + 1]];
  // The capital stays in front: "Jhon", not "jHon".
  chars[at] = sameCase(x, y.toLowerCase());
  chars[at + 1] = x === x.toUpperCase() && at === 0 ? x.toLowerCase() : x;
  return chars.join('');
}

export function stripAccents(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}
