import { FIELD_LEVELS, MATCH_FIELDS, type MatchField } from './match-parameters';
import { MatchScorer, type MatchScore } from './match-scorer';
import { MpiErrorCode } from './mpi.error';
import type { NormalisedPerson } from './normalised-person';
import { MRN_A, MRN_B, SSN, aPerson, type RegistrationOverrides } from './testing/person.fixture';

const scorer = new MatchScorer();
const base = aPerson({ identifiers: [{ system: MRN_A, value: 'A1' }] });
const total = (b: NormalisedPerson, a: NormalisedPerson = base): number => scorer.score(a, b).total;
const levelOf = (score: MatchScore, field: MatchField) => score.fields.find((f) => f.field === field);
const variant = (o: RegistrationOverrides): NormalisedPerson => aPerson({ identifiers: [{ system: MRN_A, value: 'A1' }], ...o });

describe('MatchScorer weights', () => {
  it('are log2(m/u) for agreement and log2((1-Σm)/(1-Σu)) for disagreement', () => {
    expect(scorer.weight('phone', 'exact')).toBeCloseTo(Math.log2(0.8 / 1e-4), 10);
    expect(scorer.weight('phone', 'disagree')).toBeCloseTo(Math.log2(0.2 / (1 - 1e-4)), 10);
    expect(scorer.weight('phone', 'missing')).toBe(0);
    const given = scorer.parameters.given;
    const m = Object.values(given).reduce((s, p) => s + p.m, 0);
    const u = Object.values(given).reduce((s, p) => s + p.u, 0);
    expect(scorer.weight('given', 'disagree')).toBeCloseTo(Math.log2((1 - m) / (1 - u)), 10);
  });

  it.each(MATCH_FIELDS)('are highest for exact %s and lowest for its disagreement', (field) => {
    const levels = [...FIELD_LEVELS[field], 'disagree' as const].map((level) => scorer.weight(field, level));
    levels.slice(1).forEach((w) => expect(w).toBeLessThan(levels[0]));
    levels.slice(0, -1).forEach((w) => expect(w).toBeGreaterThan(levels[levels.length - 1]));
    expect(levels[0]).toBeGreaterThan(0);
    expect(levels[levels.length - 1]).toBeLessThan(0);
  });
});

describe('MatchScorer.score', () => {
  it('gives the same total both ways round, and the breakdown adds up to it', () => {
    const other = variant({ given: ['Peggy'], family: 'Hughes', birthDate: '1961-07-03', phone: null });
    const ab = scorer.score(base, other);
    expect(scorer.score(other, base).total).toBeCloseTo(ab.total, 10);
    expect(ab.fields.reduce((s, f) => s + f.weight, 0)).toBeCloseTo(ab.total, 10);
    expect(ab.fields.map((f) => f.field)).toEqual(MATCH_FIELDS);
  });

  it('scores more agreement higher, one field at a time', () => {
    const ladder = [
      variant({}),
      variant({ phone: '07000 111222' }),
      variant({ phone: '07000 111222', email: 'other@example.org' }),
      variant({ phone: '07000 111222', email: 'other@example.org', address: { line: ['1 Elm Way'], postalCode: 'YO1 7HH' } }),
      variant({ phone: '07000 111222', email: 'other@example.org', address: { line: ['1 Elm Way'], postalCode: 'YO1 7HH' }, family: 'Hughes' }),
      variant({
        phone: '07000 111222',
        email: 'other@example.org',
        address: { line: ['1 Elm Way'], postalCode: 'YO1 7HH' },
        family: 'Hughes',
        given: ['Peggy'],
      }),
      variant({
        phone: '07000 111222',
        email: 'other@example.org',
        address: { line: ['1 Elm Way'], postalCode: 'YO1 7HH' },
        family: 'Hughes',
        given: ['Joan'],
      }),
    ].map((p) => total(p));
    ladder.slice(1).forEach((t, i) => expect(t).toBeLessThan(ladder[i]));
  });

  it.each([
    ['given', [['Margaret'], ['Peggy'], ['Margeret'], ['Joan']]],
    ['family', ["O'Neill", "O'Neil", 'Oswald']],
    ['birthDate', ['1961-03-07', '1961-07-03', '1961-03-09', '1961-11-07', '1961-11-20', '1975-11-20']],
  ] as const)('scores a weaker %s agreement lower, all else equal', (field, values) => {
    // Without phone and address, whose agreement would outweigh the family name's (see the household rule).
    const scores = values.map((v) => total(variant({ phone: null, address: null, [field]: v } as RegistrationOverrides)));
    scores.slice(1).forEach((t, i) => expect(t).toBeLessThan(scores[i]));
  });

  it('gives each field the level its values reach', () => {
    const levels = (o: RegistrationOverrides) =>
      Object.fromEntries(scorer.score(base, variant(o)).fields.map((f) => [f.field, f.level])) as Record<MatchField, string>;
    expect(levels({ given: ['Peggy'] }).given).toBe('nickname');
    expect(levels({ given: ['Margeret'] }).given).toBe('close');
    expect(levels({ given: ['Anne'] }).given).toBe('middle');
    expect(levels({ given: ['M'] }).given).toBe('initial');
    expect(levels({ family: 'Hughes-ONeill' }).family).toBe('part');
    expect(levels({ birthDate: '1961-07-03' }).birthDate).toBe('transposed');
    expect(levels({ birthDate: '1961-03-09' }).birthDate).toBe('typo');
    expect(levels({ birthDate: '1961-03-70' }).birthDate).toBe('missing'); // not a date
    expect(levels({ birthDate: '1916-03-07' }).birthDate).toBe('typo'); // adjacent digits swapped
    expect(levels({ birthDate: '1961-11-07' }).birthDate).toBe('partial');
    expect(levels({ birthDate: '1961-12-25' }).birthDate).toBe('year');
    expect(levels({ address: { line: ['99 Other Street'], postalCode: 'LS1 4AP' } }).address).toBe('postcode');
    expect(levels({ address: { line: ['12 Oak Raod'], city: 'Leeds', postalCode: 'LS1 4AP' } }).address).toBe('close');
    expect(levels({ address: { line: ['12 Oak Road'], city: 'Leeds', postalCode: 'LS1 4AQ' } }).address).toBe('close');
    expect(levels({ address: { line: ['12 Oak Road'], city: 'York', postalCode: 'YO1 7HH' } }).address).toBe('line');
    expect(levels({ address: { line: ['3 Elm Way'], city: 'Leeds', postalCode: 'LS1 4AQ' } }).address).toBe('nearby');
    expect(levels({ address: { line: ['3 Elm Way'], city: 'Leeds', postalCode: 'LS9 9ZZ' } }).address).toBe('city');
    expect(levels({ address: { line: ['3 Elm Way'], city: 'York', postalCode: 'YO1 7HH' } }).address).toBe('disagree');
    expect(levels({ given: ["O'Neill"], family: 'Margaret' })).toMatchObject({ given: 'swapped', family: 'swapped' });
    // Swapped, then one name replaced: only the given name's level says so.
    expect(levels({ given: ["O'Neill"], family: 'Hughes' })).toMatchObject({ given: 'swapped', family: 'disagree' });
    expect(levels({ gender: 'male' }).gender).toBe('disagree');
  });

  it('counts a missing field as neither agreement nor disagreement', () => {
    const noPhone = variant({ phone: null });
    const score = scorer.score(base, noPhone);
    expect(levelOf(score, 'phone')).toEqual({ field: 'phone', level: 'missing', weight: 0 });
    expect(total(noPhone)).toBeLessThan(total(variant({})));
    expect(total(noPhone)).toBeGreaterThan(total(variant({ phone: '07000 111222' })));
    // Missing on one side or on both: the same.
    expect(total(noPhone)).toBeCloseTo(total(noPhone, variant({ phone: null })), 10);
  });

  it('does not call two different names in another script similar', () => {
    const a = aPerson({ given: ['Дмитрий'], family: 'Иванов' });
    const b = aPerson({ given: ['Сергей'], family: 'Петров' });
    expect(
      scorer
        .score(a, b)
        .fields.filter((f) => f.field === 'given' || f.field === 'family')
        .map((f) => f.level),
    ).toEqual(['disagree', 'disagree']);
  });

  it('treats an unknown gender and an unreadable birth date as missing', () => {
    expect(levelOf(scorer.score(base, variant({ gender: 'unknown' })), 'gender')?.level).toBe('missing');
    expect(levelOf(scorer.score(base, variant({ birthDate: '1961-02-30x' })), 'birthDate')?.level).toBe('missing');
  });

  it('counts every agreement of the same person, even of fields a household shares', () => {
    const score = scorer.score(base, variant({}));
    for (const field of ['family', 'phone', 'address'] as const) expect(levelOf(score, field)?.weight).toBeCloseTo(scorer.weight(field, 'exact'), 10);
  });

  it('counts only the strongest household agreement for a pair that looks like a household', () => {
    // A household member: same family, phone and address; another given name and birth date.
    const sibling = aPerson({ given: ['Joan'], birthDate: '1964-09-21', email: 'joan@example.org', identifiers: [{ system: MRN_A, value: 'A2' }] });
    const score = scorer.score(base, sibling);
    expect(levelOf(score, 'phone')?.weight).toBeCloseTo(scorer.weight('phone', 'exact'), 10);
    expect(levelOf(score, 'address')).toMatchObject({ level: 'exact', weight: 0 });
    expect(levelOf(score, 'family')).toMatchObject({ level: 'exact', weight: 0 });
    expect(total(sibling)).toBeLessThan(17);
  });

  it('reads a one-typo first name without a birth date as the same person, not a household, unless the birth dates differ', () => {
    const undated = aPerson({ birthDate: '', phone: null, email: null, identifiers: [] });
    const typo = scorer.score(
      undated,
      aPerson({ given: ['Margeret'], birthDate: '', phone: null, email: null, identifiers: [{ system: MRN_B, value: 'B2' }] }),
    );
    expect(levelOf(typo, 'given')?.level).toBe('close');
    expect(levelOf(typo, 'family')?.weight).toBeCloseTo(scorer.weight('family', 'exact'), 10);
    expect(levelOf(typo, 'address')?.weight).toBeCloseTo(scorer.weight('address', 'exact'), 10);
    // With birth dates that differ, a similar first name in the same household is a sibling's.
    const dated = scorer.score(
      aPerson({ phone: null, email: null, identifiers: [] }),
      aPerson({ given: ['Margeret'], birthDate: '1964-09-21', phone: null, email: null, identifiers: [] }),
    );
    expect(levelOf(dated, 'family')).toMatchObject({ level: 'exact', weight: 0 });
  });

  it('does not veto a link for a first name or birth date that disagree: their weight lowers the total', () => {
    const veto = (o: RegistrationOverrides) => scorer.score(base, aPerson({ identifiers: [{ system: MRN_A, value: 'A2' }], ...o })).veto;
    expect(veto({ given: ['Anne'], birthDate: '1961-03-09' })).toBeUndefined();
    expect(veto({ given: ['M'], family: 'Hughes' })).toBeUndefined();
    expect(veto({ given: ['Joan'], gender: 'unknown' })).toBeUndefined();
    expect(veto({ given: ['Joan'], birthDate: '1975-11-20' })).toBeUndefined();
    expect(veto({ birthDate: '1975-11-20' })).toBeUndefined();
    expect(total(variant({ birthDate: '1975-11-20' }))).toBeLessThan(total(variant({})) - 3);
  });

  it('vetoes another national id and another known gender', () => {
    const withSsn = aPerson({ identifiers: [{ system: SSN, value: '123-45-6789' }] });
    const otherSsn = aPerson({ identifiers: [{ system: SSN, value: '987-65-4321' }] });
    expect(scorer.score(withSsn, otherSsn).veto).toBe('nationalId');
    expect(scorer.score(base, variant({ gender: 'male' })).veto).toBe('gender');
    expect(scorer.score(base, variant({ gender: 'unknown' })).veto).toBeUndefined();
  });

  it('applies the twins rule: another first name with the same birth date, family name and gender is never linked automatically', () => {
    const twin = (o: RegistrationOverrides) => scorer.score(base, aPerson({ given: ['Joan'], identifiers: [{ system: MRN_A, value: 'A2' }], ...o })).veto;
    expect(twin({})).toBe('given');
    expect(twin({ family: "O'Neil" })).toBe('given');
    expect(twin({ gender: 'unknown' })).toBeUndefined(); // cannot tell a twin from a substituted first name
    // Her middle name, a near-spelling or an initial as the first name: a twin's as often as hers, whatever the gender.
    for (const given of [['Anne'], ['Margo'], ['M']]) expect(twin({ given, gender: 'unknown' })).toBe('given');
    expect(twin({ birthDate: '1961-03-09' })).toBeUndefined();
    expect(twin({ identifiers: [{ system: MRN_A, value: 'A1' }] })).toBeUndefined(); // twins never share an MRN
  });

  it('weighs a shared identifier strongly, another national id strongly against, another MRN hardly', () => {
    const id = (system: string, value: string) => aPerson({ identifiers: [{ system, value }] });
    const level = (a: NormalisedPerson, b: NormalisedPerson, field: MatchField) => levelOf(scorer.score(a, b), field);
    expect(level(id(SSN, '123456789'), id(SSN, '123-45-6789'), 'nationalId')?.weight).toBeGreaterThan(15);
    expect(level(id(SSN, '123456789'), id(SSN, '987654321'), 'nationalId')?.weight).toBeLessThan(-6);
    expect(level(id(MRN_A, 'A1'), id(MRN_A, 'a-1'), 'localId')?.weight).toBeGreaterThan(15);
    expect(level(id(MRN_A, 'A1'), id(MRN_A, 'A2'), 'localId')?.weight).toBeGreaterThan(-2);
    expect(level(id(MRN_A, 'A1'), id(MRN_B, 'A1'), 'localId')?.level).toBe('missing'); // other hospitals
  });

  it('shows reviewers levels and weights only, never a value of either record', () => {
    const strings: string[] = [];
    JSON.stringify(scorer.score(base, variant({ given: ['Peggy'], phone: null })), (_, v: unknown) => {
      if (typeof v === 'string') strings.push(v);
      return v;
    });
    const vocabulary = new Set<string>([...MATCH_FIELDS, ...Object.values(FIELD_LEVELS).flat(), 'disagree', 'missing', scorer.model.version]);
    expect(strings.filter((s) => !vocabulary.has(s))).toEqual([]);
    const keys = new Set(scorer.score(base, base).fields.flatMap((f) => Object.keys(f)));
    expect([...keys].sort()).toEqual(['field', 'level', 'weight']);
  });
});

describe('MatchScorer options', () => {
  it('lays parameter overrides over the defaults', () => {
    const custom = new MatchScorer({ parameters: { phone: { exact: { m: 0.5 } } } });
    expect(custom.weight('phone', 'exact')).toBeCloseTo(Math.log2(0.5 / 1e-4), 10);
    expect(custom.weight('email', 'exact')).toBe(scorer.weight('email', 'exact'));
  });

  it.each([
    [{ phone: { exact: { m: 1 } } }],
    [{ phone: { exact: { u: 0 } } }],
    [{ given: { exact: { m: 0.5 }, nickname: { m: 0.6 } } }],
    [{ phone: { nickname: { m: 0.1 } } }],
  ])('refuses impossible parameters %j', (parameters) => {
    expect(() => new MatchScorer({ parameters } as never)).toThrow(MpiErrorCode.InvalidParameters);
  });

  it('takes the national-id systems from the caller', () => {
    const custom = new MatchScorer({ nationalIdSystems: ['urn:example:national'] });
    const a = aPerson({ identifiers: [{ system: 'urn:example:national', value: '1' }] });
    const b = aPerson({ identifiers: [{ system: 'urn:example:national', value: '2' }] });
    expect(custom.score(a, b).veto).toBe('nationalId');
    expect(scorer.score(a, b).veto).toBeUndefined(); // a local id for the default scorer
  });

  it('assess() agrees with score() on total and veto', () => {
    const other = variant({ given: ['Joan'], phone: null });
    const { total: t, veto } = scorer.score(base, other);
    expect(scorer.assess(base, other)).toEqual({ total: t, veto });
  });
});
