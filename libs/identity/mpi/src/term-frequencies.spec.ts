import { MatchIndex } from './match-index';
import { MatchScorer } from './match-scorer';
import { MIN_POPULATION_FOR_FREQUENCIES, TermFrequencies } from './term-frequencies';
import { aPerson } from './testing/person.fixture';

describe('TermFrequencies', () => {
  it('has no shares while the population is too small', () => {
    const tf = new TermFrequencies();
    tf.add(aPerson());
    expect(tf.familyShare('oneill')).toBeUndefined();
  });

  it('counts family and first given names, and forgets removed people', () => {
    const tf = new TermFrequencies();
    const smiths = Array.from({ length: MIN_POPULATION_FOR_FREQUENCIES + 1 }, (_, i) =>
      aPerson({ family: i % 10 === 0 ? 'Zdrojewski' : 'Smith', given: ['Ann'] }),
    );
    smiths.forEach((p) => tf.add(p));
    expect(tf.familyShare('smith')).toBeCloseTo(900 / 1001, 10);
    expect(tf.familyShare('zdrojewski')).toBeCloseTo(101 / 1001, 10);
    expect(tf.givenShare('ann')).toBe(1);
    tf.remove(smiths[1]);
    expect(tf.size).toBe(MIN_POPULATION_FOR_FREQUENCIES);
    expect(tf.familyShare('smith')).toBeCloseTo(899 / 1000, 10);
  });

  it('makes agreeing on a rare family name worth more than on a common one', () => {
    const index = new MatchIndex({ autoRefit: false });
    for (let i = 0; i < MIN_POPULATION_FOR_FREQUENCIES; i++) index.add(`p${i}`, aPerson({ family: i % 50 === 0 ? 'Zdrojewski' : 'Smith', given: [`G${i}`] }));
    const scorer = new MatchScorer();
    const family = (name: string) =>
      scorer.score(aPerson({ family: name }), aPerson({ family: name }), index.frequencies).fields.find((f) => f.field === 'family')!.weight;
    expect(family('Zdrojewski')).toBeGreaterThan(family('Smith') + 4);
    // Without frequencies the field's own u applies to both alike.
    expect(scorer.score(aPerson({ family: 'Smith' }), aPerson({ family: 'Smith' })).total).toBeCloseTo(
      scorer.score(aPerson({ family: 'Zdrojewski' }), aPerson({ family: 'Zdrojewski' })).total,
      10,
    );
  });
});
