import { registerPatientSchema } from './register-patient.command';

const paths = (body: unknown): string[] => {
  const result = registerPatientSchema.safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

describe('registerPatientSchema', () => {
  it('accepts an identifier with nothing else known (an unknown patient in the emergency department)', () => {
    const parsed = registerPatientSchema.parse({ demographics: {}, identifiers: [{ system: 'https://hospital-a.example/mrn', value: 'A1' }] });
    expect(parsed.demographics).toEqual({ name: { given: [] }, gender: 'unknown', telecom: [], address: [] });
  });

  it.each([
    ['a birth date', { birthDate: '2026-01-02' }],
    ['an address', { address: [{ line: ['1 Elm Way'], postalCode: 'LS1 4AP' }] }],
    ['a telecom', { telecom: [{ system: 'phone', value: '07700 900123' }] }],
  ])('accepts a family name with %s and no identifier or given name', (_, extra) => {
    expect(paths({ demographics: { name: { family: 'Baby of Jones' }, ...extra } })).toEqual([]);
  });

  it('refuses a body that cannot identify anyone, naming demographics', () => {
    expect(paths({ demographics: { name: { given: ['Ann'] }, birthDate: '1961-03-07' } })).toEqual(['demographics']);
    expect(paths({ demographics: { name: { family: 'Jones' } }, identifiers: [] })).toEqual(['demographics']);
  });

  it('still refuses malformed fields', () => {
    expect(paths({ demographics: { name: { family: 'Jones' }, birthDate: 'not-a-date' }, identifiers: [{ system: 's', value: '1' }] })).toEqual([
      'demographics.birthDate',
    ]);
  });
});
