// Replays registrations in order through a MatchIndex, as the identity service
// would, and scores the link decisions against ground truth. Every registration is
// added as its own record (an MPI keeps source records and links them), so a later
// repeat may link to any earlier registration of the same person.
//
//   duplicate       a registration whose person was registered before it
//   true positive   'link' to a record of the same person
//   false positive  'link' to a record of another person
//   false negative  a duplicate not linked to its person ('review' included: the
//                   review band is reported on its own, it is not a link)
//
// Also: pair completeness of blocking (duplicates with an earlier record of their
// person among the candidates), and pairwise precision/recall/F1 over clusters
// (each link puts the registration in its candidate's cluster; every pair of
// records in one predicted cluster is a predicted pair, in one true person a true pair).
import type { Demographics, Identifier } from '@carechain/contracts';
import { MatchIndex, type MatchResult } from '../match-index';
import type { MatchField, MatchLevel } from '../match-parameters';
import { MatchScorer, type MatchScore } from '../match-scorer';
import { DEFAULT_THRESHOLDS, type MatchDecision, type MatchThresholds } from '../match-thresholds';
import { normalise } from '../normalise';
import type { NormalisedPerson } from '../normalised-person';

export interface EvaluationRecord {
  readonly recordId: string;
  readonly trueId: string;
  readonly demographics: Demographics;
  readonly identifiers: readonly Identifier[];
  readonly noise?: readonly string[];
}

/**
 * Why a duplicate was not linked to its person:
 *   unblocked      no earlier record of the person among the candidates
 *   outranked      linked to another person's record
 *   cluster-chain  reached the link level with two clusters that are both the person's
 *                  (an earlier duplicate went to review and became a cluster of its own)
 *   cluster-review reached the link level with the person and with another person
 *   vetoed         the person's best record reached the link level but a veto held it
 *   review-band    the person's best record scored between the review and link thresholds
 *   below-review   the person's best record scored below the review threshold
 */
export type MissCause = 'unblocked' | 'outranked' | 'cluster-chain' | 'cluster-review' | 'vetoed' | 'review-band' | 'below-review';

/** One wrong decision, without any demographic value: ids, noise and the score breakdown. */
export interface EvaluationMistake {
  readonly recordId: string;
  readonly kind: 'false-link' | 'missed';
  readonly decision: MatchDecision;
  readonly noise: readonly string[];
  /** The best candidate's score (the wrong partner's for a false link). */
  readonly total?: number;
  readonly veto?: MatchField;
  readonly levels?: Readonly<Partial<Record<MatchField, MatchLevel>>>;
  /** For a missed duplicate: why, and the score of the person's best-scoring earlier record among the candidates. */
  readonly cause?: MissCause;
  readonly partner?: { readonly total: number; readonly veto?: MatchField; readonly levels: Readonly<Partial<Record<MatchField, MatchLevel>>> };
  /** For a review between two clusters: the other cluster's best score. */
  readonly competingTotal?: number;
}

export interface EvaluationReport {
  readonly registrations: number;
  readonly duplicates: number;
  readonly links: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  /** All 'review' decisions, and those among them that were duplicates. */
  readonly reviews: number;
  readonly reviewedDuplicates: number;
  /** Reviews opened because the registration reached the link level with two clusters. */
  readonly clusterReviews: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Duplicates whose person had a record among the candidates, over all duplicates. */
  readonly pairCompleteness: number;
  readonly candidatesPerRegistration: number;
  /** Over pairs of records: predicted (same cluster) against true (same person). */
  readonly pairwise: { readonly precision: number; readonly recall: number; readonly f1: number; readonly truePairs: number; readonly predictedPairs: number };
  /** The model version at the end of the replay. */
  readonly modelVersion: string;
  /** Missed duplicates per kind of noise they carried (a duplicate with two kinds counts under both). */
  readonly missedByNoise: Readonly<Record<string, number>>;
  /** The first wrong decisions, for a failing spec to print. */
  readonly mistakes: readonly EvaluationMistake[];
}

export interface EvaluationOptions {
  readonly scorer?: MatchScorer;
  /** How many mistakes to keep in the report (default 25). */
  readonly maxMistakes?: number;
  /** Refit the model as the index grows (default true, as in the service). */
  readonly autoRefit?: boolean;
}

export function evaluate(
  records: readonly EvaluationRecord[],
  thresholds: MatchThresholds = DEFAULT_THRESHOLDS,
  options: EvaluationOptions = {},
): EvaluationReport {
  const index = new MatchIndex({ scorer: options.scorer, thresholds, autoRefit: options.autoRefit });
  const clusterOf = new Map<string, string>();
  let blocked = 0;
  let candidates = 0;
  const maxMistakes = options.maxMistakes ?? 25;
  const personOf = new Map<string, string>();
  const registered = new Set<string>();
  const normalised = new Map<string, NormalisedPerson>();
  const recordsOf = new Map<string, string[]>();
  let partnerScorer: MatchScorer | undefined;
  const missedByNoise: Record<string, number> = {};
  const mistakes: EvaluationMistake[] = [];
  let duplicates = 0;
  let links = 0;
  let truePositives = 0;
  let reviews = 0;
  let reviewedDuplicates = 0;
  let clusterReviews = 0;

  for (const record of records) {
    const person = normalise(record.demographics, record.identifiers);
    const result = index.match(person);
    const duplicate = registered.has(record.trueId);
    candidates += result.candidates;
    if (duplicate && index.candidates(person).some((id) => personOf.get(id) === record.trueId)) blocked++;
    const linkedRight = result.decision === 'link' && result.best !== undefined && personOf.get(result.best.id) === record.trueId;
    if (duplicate) duplicates++;
    if (result.decision === 'review') {
      reviews++;
      if (duplicate) reviewedDuplicates++;
      if (result.competing !== undefined) clusterReviews++;
    }
    if (result.decision === 'link') links++;
    if (linkedRight) truePositives++;
    const falseLink = result.decision === 'link' && !linkedRight;
    const missed = duplicate && !linkedRight;
    if (missed) {
      for (const kind of record.noise ?? []) missedByNoise[kind] = (missedByNoise[kind] ?? 0) + 1;
    }
    if ((falseLink || missed) && mistakes.length < maxMistakes) {
      const score = result.best?.score;
      let partner: EvaluationMistake['partner'];
      let cause: MissCause | undefined;
      if (missed) {
        if (partnerScorer?.model !== index.model) partnerScorer = new MatchScorer({ model: index.model, nationalIdSystems: options.scorer?.nationalIdSystems });
        // The candidates; for an unblocked duplicate, every earlier record of the person (to see what blocking missed).
        const among = index.candidates(person).filter((id) => personOf.get(id) === record.trueId);
        for (const id of among.length > 0 ? among : (recordsOf.get(record.trueId) ?? [])) {
          const s = partnerScorer.score(person, normalised.get(id) as NormalisedPerson, index.frequencies);
          if (partner === undefined || s.total > partner.total) partner = { total: s.total, veto: s.veto, levels: levelsOf(s.fields) };
        }
        cause = among.length === 0 ? 'unblocked' : missCause(result, partner, thresholds, (id) => personOf.get(id) === record.trueId);
      }
      mistakes.push({
        recordId: record.recordId,
        kind: falseLink ? 'false-link' : 'missed',
        decision: result.decision,
        noise: record.noise ?? [],
        total: score?.total,
        veto: score?.veto,
        levels: score ? levelsOf(score.fields) : undefined,
        ...(cause !== undefined && { cause }),
        ...(partner !== undefined && { partner }),
        ...(result.competing !== undefined && { competingTotal: result.competing.score.total }),
      });
    }
    const cluster = result.decision === 'link' && result.best !== undefined ? (clusterOf.get(result.best.id) as string) : record.recordId;
    clusterOf.set(record.recordId, cluster);
    // A review leaves a provisional patient, pending with the best candidate's cluster (never resolved in a replay).
    const pendingWith = result.decision === 'review' && result.best !== undefined ? clusterOf.get(result.best.id) : undefined;
    index.add(record.recordId, person, cluster, pendingWith);
    personOf.set(record.recordId, record.trueId);
    normalised.set(record.recordId, person);
    recordsOf.set(record.trueId, [...(recordsOf.get(record.trueId) ?? []), record.recordId]);
    registered.add(record.trueId);
  }

  const falsePositives = links - truePositives;
  const falseNegatives = duplicates - truePositives;
  const precision = links === 0 ? 1 : truePositives / links;
  const recall = duplicates === 0 ? 1 : truePositives / duplicates;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    pairCompleteness: duplicates === 0 ? 1 : blocked / duplicates,
    candidatesPerRegistration: records.length === 0 ? 0 : candidates / records.length,
    pairwise: pairwise(records, clusterOf),
    modelVersion: index.model.version,
    registrations: records.length,
    duplicates,
    links,
    truePositives,
    falsePositives,
    falseNegatives,
    reviews,
    reviewedDuplicates,
    clusterReviews,
    precision,
    recall,
    f1,
    missedByNoise,
    mistakes,
  };
}

const levelsOf = (fields: MatchScore['fields']): Partial<Record<MatchField, MatchLevel>> => Object.fromEntries(fields.map((f) => [f.field, f.level]));

function missCause(result: MatchResult, partner: EvaluationMistake['partner'], thresholds: MatchThresholds, samePerson: (id: string) => boolean): MissCause {
  if (partner === undefined) return 'unblocked';
  if (result.decision === 'link') return 'outranked';
  if (result.competing !== undefined && result.best !== undefined) {
    return samePerson(result.best.id) && samePerson(result.competing.id) ? 'cluster-chain' : 'cluster-review';
  }
  if (partner.total >= thresholds.link) return 'vetoed';
  return partner.total >= thresholds.review ? 'review-band' : 'below-review';
}

function pairwise(records: readonly EvaluationRecord[], clusterOf: ReadonlyMap<string, string>): EvaluationReport['pairwise'] {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const byPerson = new Map<string, number>();
  const byCluster = new Map<string, Map<string, number>>();
  for (const record of records) {
    byPerson.set(record.trueId, (byPerson.get(record.trueId) ?? 0) + 1);
    const cluster = clusterOf.get(record.recordId) as string;
    const people = byCluster.get(cluster) ?? new Map<string, number>();
    people.set(record.trueId, (people.get(record.trueId) ?? 0) + 1);
    byCluster.set(cluster, people);
  }
  const truePairs = [...byPerson.values()].reduce((sum, n) => sum + pairs(n), 0);
  let predictedPairs = 0;
  let correct = 0;
  for (const people of byCluster.values()) {
    const counts = [...people.values()];
    predictedPairs += pairs(counts.reduce((a, b) => a + b, 0));
    correct += counts.reduce((sum, n) => sum + pairs(n), 0);
  }
  const precision = predictedPairs === 0 ? 1 : correct / predictedPairs;
  const recall = truePairs === 0 ? 1 : correct / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePairs, predictedPairs };
}
