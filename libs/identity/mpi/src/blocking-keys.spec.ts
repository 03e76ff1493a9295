import { blockingKeys } from './blocking-keys';
import { A_STRANGER, SSN, aPerson } from './testing/person.fixture';

const shared = (a: string[], b: string[]): string[] => a.filter((k) => b.includes(k));

describe('blockingKeys', () => {
  it('gives one key per pass, without duplicates', () => {
    const keys = blockingKeys(aPerson({ identifiers: [{ system: SSN, value: '123-45-6789' }] }));
    expect(keys.map((k) => k.split('|')[0])).toEqual(['id', 'ph', 'em', 'dp', 'dc', 'di', 'dn', 'pl', 'ps', 'fs', 'gs', 'fp', 'gd', 'fi', 'fy', 'gf']);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is deterministic', () => {
    expect(blockingKeys(aPerson())).toEqual(blockingKeys(aPerson()));
  });

  // Each noise a re-registration may carry leaves at least one key in common.
  it.each([
    ['a typo in the family name', { family: "O'Neil", phone: null, email: null, address: null }],
    ['a typo in the given name', { given: ['Margeret'], phone: null, email: null, address: null }],
    ['a nickname', { given: ['Peggy'], phone: null, email: null, address: null }],
    ['day and month swapped', { birthDate: '1961-07-03', phone: null, email: null, address: null }],
    ['a married name', { family: 'Hughes', phone: null, email: null, address: null }],
    ['another birth year', { birthDate: '1962-03-07', phone: null, email: null, address: null }],
    ['everything but the phone changed', { given: ['Peggy'], family: 'Hughes', birthDate: '1960-01-01', email: null, address: null }],
    ['only the MRN kept', { given: ['X'], family: 'Y', birthDate: '2000-01-01', phone: null, email: null, address: null }],
    ['given and family name swapped', { given: ["O'Neill"], family: 'Margaret', phone: null, email: null, address: null, identifiers: [] }],
    ['another first name and a birth-date typo', { given: ['Joan'], birthDate: '1961-03-09', phone: null, email: null, identifiers: [] }],
    [
      'another first name, a new postcode and no birth date',
      { given: ['Joan'], birthDate: '', phone: null, email: null, address: { line: ['12 Oak Road'], city: 'Leeds', postalCode: 'LS9 9ZZ' }, identifiers: [] },
    ],
    [
      'names swapped and mistyped, and a new address',
      { given: ["O'Nail"], family: 'Margret', phone: null, email: null, address: { line: ['1 Elm Way'], postalCode: 'YO1 7HH' }, identifiers: [] },
    ],
    [
      'a mistyped family name and postcode, and no birth date',
      { family: "P'Neill", birthDate: '', phone: null, email: null, address: { line: ['12 Oak Road'], city: 'Leeds', postalCode: 'LS1 4AQ' }, identifiers: [] },
    ],
    ['a new family name and address', { family: 'Hughes', phone: null, email: null, address: { line: ['1 Elm Way'], postalCode: 'YO1 7HH' }, identifiers: [] }],
  ])('still blocks the pair together after %s', (_, change) => {
    expect(shared(blockingKeys(aPerson()), blockingKeys(aPerson(change))).length).toBeGreaterThan(0);
  });

  it('keeps people with nothing in common apart', () => {
    const other = aPerson(A_STRANGER);
    expect(shared(blockingKeys(aPerson()), blockingKeys(other))).toEqual([]);
  });

  it('never lets two passes collide', () => {
    // Length-prefixed parts: "ab"+"c" and "a"+"bc" give different keys.
    const a = blockingKeys(aPerson({ identifiers: [{ system: 'ab', value: 'C' }] }));
    const b = blockingKeys(aPerson({ identifiers: [{ system: 'a', value: 'BC' }] }));
    expect(a[0]).not.toBe(b[0]);
  });
});
