import { withinOneEdit } from './edit-distance';

describe('withinOneEdit', () => {
  it.each([
    ['smith', 'smith'],
    ['smith', 'smyth'], // substitution
    ['smith', 'smit'], // deletion at the end
    ['smith', 'mith'], // deletion at the start
    ['smith', 'smiith'], // insertion
    ['smith', 'msith'], // transposition at the start
    ['smith', 'smiht'], // transposition at the end
    ['ann', 'anm'],
    ['', 'a'],
  ])('accepts %p / %p', (a, b) => {
    expect(withinOneEdit(a, b)).toBe(true);
    expect(withinOneEdit(b, a)).toBe(true);
  });

  it.each([
    ['smith', 'smyht'], // substitution and transposition
    ['smith', 'smi'], // two deletions
    ['smith', 'jones'],
    ['abc', 'cba'], // not adjacent
    ['smith', 'smiths2'],
  ])('refuses %p / %p', (a, b) => {
    expect(withinOneEdit(a, b)).toBe(false);
    expect(withinOneEdit(b, a)).toBe(false);
  });
});
