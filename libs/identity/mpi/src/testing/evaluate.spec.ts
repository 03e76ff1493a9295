import { MatchIndex } from '../match-index';
import { MatchScorer } from '../match-scorer';
import { DEFAULT_THRESHOLDS } from '../match-thresholds';
import { normalise } from '../normalise';
import { evaluate } from './evaluate';
import { generatePopulation } from './population';

// 3,000 people and 600 re-registrations carrying the noise of a real front desk.
const records = generatePopulation({ seed: 20240611, people: 3_000, duplicates: 600 });

describe('the matcher on a synthetic population', () => {
  const report = evaluate(records, DEFAULT_THRESHOLDS);

  it('links duplicates with an F1 of at least 0.98', () => {
    expect(report.duplicates).toBeGreaterThan(550);
    if (report.f1 < 0.98) expect(report.mistakes).toEqual([]); // to print what went wrong
    expect(report.f1).toBeGreaterThanOrEqual(0.98);
    expect(report.precision).toBeGreaterThanOrEqual(0.99);
  });

  it('leaves a small review band', () => {
    expect(report.reviews).toBeLessThanOrEqual(records.length * 0.02);
    expect(report.reviewedDuplicates).toBeLessThanOrEqual(report.duplicates * 0.02);
  });

  it('counts consistently', () => {
    expect(report.truePositives + report.falsePositives).toBe(report.links);
    expect(report.truePositives + report.falseNegatives).toBe(report.duplicates);
    expect(report.registrations).toBe(records.length);
  });

  it('gets worse with a link threshold too low to be safe', () => {
    const reckless = evaluate(records, { link: 5, review: 0 });
    expect(reckless.falsePositives).toBeGreaterThan(report.falsePositives);
  });

  it('links an exact re-registration to its record with the highest score a pair can reach', () => {
    const scorer = new MatchScorer();
    const index = new MatchIndex({ scorer });
    const people = records.slice(0, 1_500).map((r) => [r.recordId, normalise(r.demographics, r.identifiers)] as const);
    people.forEach(([id, p]) => index.add(id, p));
    for (const [id, p] of people.filter((_, i) => i % 100 === 0)) {
      const again = normalise(structuredClone(records.find((r) => r.recordId === id)!.demographics), records.find((r) => r.recordId === id)!.identifiers);
      const result = index.match(again);
      expect(result.decision).toBe('link');
      // The record itself or an earlier registration of the same person, with a perfect score.
      expect(result.best?.score).toEqual(scorer.withModel(index.model).score(p, p, index.frequencies));
      expect(result.best?.score.fields.every((f) => f.level === 'exact' || f.level === 'missing')).toBe(true);
    }
  });
});
