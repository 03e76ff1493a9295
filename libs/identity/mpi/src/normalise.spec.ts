import { normalise, normaliseIdentifier, normalisePhone, normalisePostalCode, parseBirthDate } from './normalise';
import { MRN_A, SSN, aPerson, aRegistration } from './testing/person.fixture';

describe('normalise', () => {
  it('folds names, resolves the nickname and codes them phonetically', () => {
    const p = aPerson({ given: ['PEGGY', 'Anne-Marie'], family: "O'Néill" });
    expect(p.given).toEqual(['peggy', 'anne', 'marie']);
    expect(p.givenJoined).toBe('peggy');
    expect(p.givenCanonical).toEqual(['peggy', 'margaret']);
    expect(p.givenPhonetic).toEqual(['PAGY', 'MARGAR']);
    expect(p.family).toBe('oneill');
    expect(p.familyTokens).toEqual(['oneill']);
  });

  it('joins compound family names and keeps their significant words', () => {
    expect(aPerson({ family: 'García-López' })).toMatchObject({ family: 'garcialopez', familyTokens: ['garcia', 'lopez'] });
    expect(aPerson({ family: 'van der Berg' })).toMatchObject({ family: 'vanderberg', familyTokens: ['berg'] });
    expect(aPerson({ family: 'Vanderberg' }).family).toBe('vanderberg');
    expect(aPerson({ family: 'Smith Jr.' })).toMatchObject({ family: 'smith', familyTokens: ['smith'] });
  });

  it('keys a compound family name by the whole and by each part', () => {
    const p = aPerson({ family: 'Smith-Jones' });
    expect(p.familyPhonetic).toEqual(['SNATJA', 'SNAT', 'JAN']);
  });

  it('keys names in other scripts by the folded name itself', () => {
    const p = aPerson({ given: ['Дмитрий'], family: 'Ελένη' });
    expect(p.givenPhonetic).toEqual(['дмитрии']);
    expect(p.familyPhonetic).toEqual(['ελενη']);
    expect(aPerson({ family: '-' }).familyPhonetic).toEqual([]);
  });

  it('joins the words of a hyphenated first name', () => {
    expect(aPerson({ given: ['Mary-Ann'] }).givenJoined).toBe('maryann');
    expect(aPerson({ given: ['Maryann'] }).givenJoined).toBe('maryann');
  });

  it('splits the birth date, and drops one it cannot read', () => {
    expect(aPerson({ birthDate: '1961-03-07' }).birth).toEqual({ year: 1961, month: 3, day: 7 });
    expect(aPerson({ birthDate: '1961-13-07' }).birth).toBeUndefined();
    expect(aPerson({ birthDate: 'yesterday' }).birth).toBeUndefined();
  });

  it('treats an unknown gender as missing', () => {
    expect(aPerson({ gender: 'unknown' }).gender).toBeUndefined();
    expect(aPerson({ gender: 'other' }).gender).toBe('other');
  });

  it('reduces phones to digits, lower-cases e-mails and normalises addresses', () => {
    const p = aPerson({
      phone: '+44 (0)7700 900-123',
      email: '  Margaret.ONeill@Example.COM ',
      address: { line: ['12, Oak ROAD', 'Headingley'], city: 'Leeds', postalCode: 'ls1 4ap' },
    });
    expect(p.phones).toEqual(['700900123']);
    expect(p.emails).toEqual(['margaret.oneill@example.com']);
    expect(p.addresses).toEqual([{ line: '12 oak rd', city: 'leeds', postalCode: 'LS14AP' }]);
  });

  it('normalises identifiers and drops duplicates among them', () => {
    const { demographics } = aRegistration();
    const p = normalise(demographics, [
      { system: ` ${SSN} `, value: '123-45-6789' },
      { system: SSN, value: '123 45 6789' },
      { system: MRN_A, value: 'a-12345' },
    ]);
    expect(p.identifiers).toEqual([
      { system: SSN, value: '123456789' },
      { system: MRN_A, value: 'A12345' },
    ]);
  });

  it('gives missing telecom and addresses empty lists', () => {
    const p = aPerson({ phone: null, email: null, address: null });
    expect(p).toMatchObject({ phones: [], emails: [], addresses: [] });
  });
});

describe('normalisePhone', () => {
  it.each([
    ['07700 900123', '700900123'],
    ['+44 7700 900123', '700900123'],
    ['0044 7700 900 123', '700900123'],
    ['+1 (555) 123-4567', '551234567'],
    ['555.123.4567', '551234567'],
    ['06 12 34 56 78', '612345678'],
    ['+33 6 12 34 56 78', '612345678'],
  ])('reduces %p to its last nine digits %p', (raw, digits) => {
    expect(normalisePhone(raw)).toBe(digits);
  });

  it.each(['12345', '000000000', '(0) 999 999 999', 'n/a'])('drops %p: too short or a placeholder', (raw) => {
    expect(normalisePhone(raw)).toBe('');
  });
});

describe('normalisePostalCode / normaliseIdentifier / parseBirthDate', () => {
  it('upper-cases postcodes without spaces', () => {
    expect(normalisePostalCode(' sw1a  1aa ')).toBe('SW1A1AA');
  });

  it('trims the system and strips spaces and dashes from the value', () => {
    expect(normaliseIdentifier({ system: ' urn:x ', value: 'ab-12 3' })).toEqual({ system: 'urn:x', value: 'AB123' });
  });

  it('refuses day 0 and day 32', () => {
    expect(parseBirthDate('2001-02-00')).toBeUndefined();
    expect(parseBirthDate('2001-02-32')).toBeUndefined();
  });
});
