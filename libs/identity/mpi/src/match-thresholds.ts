// Where a score becomes a decision. Scores are log2 likelihood ratios for one pair;
// among N registered people the prior odds that a given pair is one person are about
// 1 : N, so a total of log2(N) is even odds: for N = 100,000 that is ≈ 17 bits.
// Linking automatically asks for 2^4 more (≈ 16 : 1 against a wrong merge at that
// size), hence 21; a pair from 15 bits up is worth a person's look. The margins were
// tuned on the own synthetic population (testing/population.ts, seed 1: the lowest
// link threshold that kept its precision at 0.9995), never on the evaluation data.
// Another index size moves both by the difference in log2(N): scaledThresholds().
import type { MatchScore } from './match-scorer';
import { MpiError, MpiErrorCode } from './mpi.error';

export interface MatchThresholds {
  /** At or above: the same person, link without asking (unless a veto applies). */
  readonly link: number;
  /** At or above (and below link, or vetoed): a person must decide. Below: a new patient. */
  readonly review: number;
}

export type MatchDecision = 'link' | 'review' | 'new';

export const DEFAULT_THRESHOLDS: MatchThresholds = { link: 21, review: 15 };
/** The population DEFAULT_THRESHOLDS are set for. */
export const REFERENCE_POPULATION = 100_000;

/** `reference` (set for REFERENCE_POPULATION people) moved by the difference in log2 of the population, at least 1,000 people. */
export function scaledThresholds(population: number, reference: MatchThresholds = DEFAULT_THRESHOLDS): MatchThresholds {
  const shift = Math.log2(Math.max(population, 1000) / REFERENCE_POPULATION);
  return { link: reference.link + shift, review: reference.review + shift };
}

export function assertThresholds(thresholds: MatchThresholds): void {
  if (!Number.isFinite(thresholds.link) || !Number.isFinite(thresholds.review) || thresholds.review > thresholds.link) {
    throw new MpiError(MpiErrorCode.InvalidThresholds, `need finite review ≤ link, got review ${thresholds.review}, link ${thresholds.link}`);
  }
}

/** The decision for one scored pair; a vetoed pair is never linked automatically. */
export function classify(score: Pick<MatchScore, 'total' | 'veto'>, thresholds: MatchThresholds = DEFAULT_THRESHOLDS): MatchDecision {
  assertThresholds(thresholds);
  if (score.total >= thresholds.link && score.veto === undefined) return 'link';
  return score.total >= thresholds.review ? 'review' : 'new';
}
