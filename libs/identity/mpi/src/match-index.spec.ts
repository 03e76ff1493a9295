import { FIRST_REFIT_AT, MatchIndex } from './match-index';
import { normalise } from './normalise';
import { MpiErrorCode } from './mpi.error';
import type { NormalisedPerson } from './normalised-person';
import { A_STRANGER, MRN_A, MRN_B, aPerson } from './testing/person.fixture';

const margaret = aPerson();
const stranger = aPerson(A_STRANGER);

describe('MatchIndex', () => {
  it('adds, finds and removes records', () => {
    const index = new MatchIndex();
    index.add('m', margaret);
    index.add('t', stranger);
    expect(index.size).toBe(2);
    expect(index.has('m')).toBe(true);
    expect(index.candidates(aPerson({ phone: null, email: null, identifiers: [] }))).toEqual(['m']);
    expect(index.remove('m')).toBe(true);
    expect(index.remove('m')).toBe(false);
    expect(index.has('m')).toBe(false);
    expect(index.size).toBe(1);
    expect(index.candidates(margaret)).toEqual([]);
    expect(index.match(margaret)).toEqual({ decision: 'new', candidates: 0 });
  });

  it('refuses an id it already holds', () => {
    const index = new MatchIndex();
    index.add('m', margaret);
    expect(() => index.add('m', stranger)).toThrow(MpiErrorCode.DuplicateId);
  });

  it('reuses freed slots without mixing records up', () => {
    const index = new MatchIndex();
    index.add('m', margaret);
    index.remove('m');
    index.add('t', stranger);
    expect(index.candidates(margaret)).toEqual([]);
    expect(index.match(stranger).best?.id).toBe('t');
  });

  it('links a re-registration with a nickname and a new MRN to the right record', () => {
    const index = new MatchIndex();
    index.add('t', stranger);
    index.add('m', margaret);
    const result = index.match(aPerson({ given: ['Peggy'], identifiers: [{ system: MRN_A, value: 'A7654321' }] }));
    expect(result.decision).toBe('link');
    expect(result.best?.id).toBe('m');
    expect(result.candidates).toBe(1);
  });

  it('calls a twin (same gender) a review, and a household member new', () => {
    const index = new MatchIndex();
    index.add('m', margaret);
    const twin = aPerson({ given: ['Joan'], email: 'joan@example.org', identifiers: [{ system: MRN_A, value: 'A2' }] });
    expect(index.match(twin).decision).toBe('review');
    const daughter = aPerson({ given: ['Joan'], birthDate: '1990-06-14', email: 'joan@example.org', identifiers: [{ system: MRN_A, value: 'A3' }] });
    expect(index.match(daughter)).toMatchObject({ decision: 'new', candidates: 1 });
  });

  it('prefers a linkable candidate to a vetoed one with a higher total', () => {
    const index = new MatchIndex();
    // The twin shares every contact detail; the real record only name and birth date.
    index.add('twin', aPerson({ given: ['Joan'], identifiers: [{ system: MRN_A, value: 'A2' }] }));
    index.add('self', aPerson({ phone: null, email: null, address: null, identifiers: [{ system: MRN_B, value: 'B1' }] }));
    const result = index.match(aPerson({ identifiers: [] }));
    expect(result.decision).toBe('link');
    expect(result.best?.id).toBe('self');
  });

  it('takes thresholds per call', () => {
    const index = new MatchIndex();
    index.add('m', margaret);
    expect(index.match(margaret, { link: 1000, review: 999 }).decision).toBe('new');
    expect(() => index.match(margaret, { link: 1, review: 2 })).toThrow(MpiErrorCode.InvalidThresholds);
  });

  it('caps the candidates of a key everybody shares', () => {
    const index = new MatchIndex({ maxPerKey: 5, maxCandidates: 8 });
    const clinicPhone = (i: number): NormalisedPerson =>
      aPerson({
        given: [`Given${'x'.repeat(i % 7)}`],
        family: `Fam${i}`,
        birthDate: '1980-01-01',
        phone: '0113 496 0000',
        email: null,
        address: null,
        identifiers: [],
      });
    for (let i = 0; i < 50; i++) index.add(`p${i}`, clinicPhone(i));
    const candidates = index.candidates(clinicPhone(99));
    expect(candidates.length).toBeLessThanOrEqual(8);
    expect(candidates.slice(0, 5)).toEqual(['p49', 'p48', 'p47', 'p46', 'p45']); // the most recent first
  });

  it.each([{ maxPerKey: 0 }, { maxCandidates: 1.5 }])('refuses options %j', (options) => {
    expect(() => new MatchIndex(options)).toThrow(MpiErrorCode.InvalidOptions);
  });

  it('sends a registration that reaches the link level with two clusters to review, naming both', () => {
    const index = new MatchIndex();
    index.add('m1', margaret, 'patient-1');
    index.add('m2', aPerson({ identifiers: [{ system: MRN_B, value: 'B7' }] }), 'patient-2');
    const result = index.match(aPerson({ identifiers: [] }));
    expect(result.decision).toBe('review');
    expect(new Set([result.best?.id, result.competing?.id])).toEqual(new Set(['m1', 'm2']));
  });

  it('links when the records at link level are all one cluster, or their clusters were merged', () => {
    const index = new MatchIndex();
    index.add('m1', margaret, 'patient-1');
    index.add('m2', aPerson({ identifiers: [{ system: MRN_B, value: 'B7' }] }), 'patient-1');
    expect(index.match(aPerson({ identifiers: [] }))).toMatchObject({ decision: 'link' });
    const merged = new MatchIndex({ resolveCluster: (cluster) => (cluster === 'patient-2' ? 'patient-1' : cluster) });
    merged.add('m1', margaret, 'patient-1');
    merged.add('m2', aPerson({ identifiers: [{ system: MRN_B, value: 'B7' }] }), 'patient-2');
    expect(merged.match(aPerson({ identifiers: [] })).competing).toBeUndefined();
    expect(merged.match(aPerson({ identifiers: [] })).decision).toBe('link');
  });

  it('links to the clearly better of two clusters when the other is a provisional patient pending review with it', () => {
    const pending = new MatchIndex();
    pending.add('m1', margaret, 'patient-1');
    // A registration that went to review against patient-1: a provisional patient of its own.
    pending.add('m2', aPerson({ family: 'Thomson', identifiers: [{ system: MRN_B, value: 'B7' }] }), 'provisional-2', 'patient-1');
    const exact = aPerson({ identifiers: [] });
    expect(pending.match(exact)).toMatchObject({ decision: 'link', best: { id: 'm1' } });
    expect(pending.match(exact).competing).toBeUndefined();
    // Not pending with the best cluster: the same two records open a review, as before.
    const unrelated = new MatchIndex();
    unrelated.add('m1', margaret, 'patient-1');
    unrelated.add('m2', aPerson({ family: 'Thomson', identifiers: [{ system: MRN_B, value: 'B7' }] }), 'provisional-2', 'patient-9');
    expect(unrelated.match(exact)).toMatchObject({ decision: 'review', best: { id: 'm1' }, competing: { id: 'm2' } });
    // Settled (the review was resolved), or removed: no longer pending.
    pending.settle('provisional-2');
    expect(pending.match(exact).decision).toBe('review');
  });

  it('links when two provisional patients are pending review with the same cluster', () => {
    const index = new MatchIndex();
    index.add(
      'm0',
      aPerson({ given: ['Joan'], family: 'Hughes', birthDate: '1950-01-01', phone: null, email: null, address: null, identifiers: [] }),
      'patient-0',
    );
    index.add('m1', margaret, 'provisional-1', 'patient-0');
    index.add('m2', aPerson({ family: 'Thomson', identifiers: [{ system: MRN_B, value: 'B7' }] }), 'provisional-2', 'patient-0');
    expect(index.match(aPerson({ identifiers: [] }))).toMatchObject({ decision: 'link', best: { id: 'm1' } });
    index.remove('m2');
    index.add('m2', aPerson({ family: 'Thomson', identifiers: [{ system: MRN_B, value: 'B7' }] }), 'provisional-2', 'patient-9');
    expect(index.match(aPerson({ identifiers: [] })).decision).toBe('review');
  });

  it('links to the best cluster when it leads the other by the link threshold itself', () => {
    const index = new MatchIndex();
    index.add('m1', margaret, 'patient-1');
    // Everything alike but the first name (gender unknown, so no twins rule): at link level, yet well below.
    index.add('m2', aPerson({ given: ['Joan'], gender: 'unknown', identifiers: [{ system: MRN_B, value: 'B7' }] }), 'patient-2');
    const exact = aPerson({ identifiers: [] });
    const high = { link: 30, review: 20 };
    const review = index.match(exact, high);
    expect(review).toMatchObject({ decision: 'review', best: { id: 'm1' }, competing: { id: 'm2' } });
    const lead = review.best!.score.total - review.competing!.score.total;
    expect(review.competing!.score.total).toBeGreaterThanOrEqual(high.link);
    expect(lead).toBeLessThan(high.link);
    // A link threshold the lead reaches (the other still above it): the other cluster is ruled out.
    const low = { link: lead, review: lead - 6 };
    expect(index.match(exact, low)).toMatchObject({ decision: 'link', best: { id: 'm1' } });
    expect(index.match(exact, low).competing).toBeUndefined();
  });

  it('keeps the review when a registration cannot tell a cluster from the provisional patient pending with it', () => {
    const index = new MatchIndex();
    index.add('m1', margaret, 'patient-1');
    index.add('m2', aPerson({ identifiers: [{ system: MRN_B, value: 'B7' }] }), 'provisional-2', 'patient-1');
    const result = index.match(aPerson({ identifiers: [] }));
    expect(result.decision).toBe('review');
    expect(result.competing).toBeDefined();
  });

  it('records the model version in every score, and refits as the population grows', () => {
    const index = new MatchIndex();
    index.add('m', margaret);
    expect(index.match(margaret).best?.score.modelVersion).toBe('prior');
    for (let i = 0; i < FIRST_REFIT_AT; i++)
      index.add(
        `p${i}`,
        aPerson({
          given: [`Given${i}`],
          family: `Family${i % 300}`,
          birthDate: `19${10 + (i % 80)}-0${1 + (i % 9)}-1${i % 10}`,
          phone: null,
          email: null,
          identifiers: [],
        }),
      );
    expect(index.model.version).toMatch(/^em-/);
    expect(index.match(margaret).best?.score.modelVersion).toBe(index.model.version);
  });

  it('matches partial demographics on what they have', () => {
    const index = new MatchIndex();
    index.add('m', margaret);
    const unknownGiven = normalise(
      {
        name: { given: [], family: "O'Neill" },
        birthDate: '1961-03-07',
        gender: 'unknown',
        telecom: [],
        address: [{ line: ['12 Oak Road'], postalCode: 'LS1 4AP' }],
      },
      [],
    );
    const result = index.match(unknownGiven);
    expect(result.best?.id).toBe('m');
    expect(result.best?.score.fields.find((f) => f.field === 'given')?.level).toBe('missing');
  });
});
