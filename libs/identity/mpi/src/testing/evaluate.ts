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
import type { Demographics, Identifier } from '@carechain/contracts';
import { MatchIndex } from '../match-index';
import type { MatchField, MatchLevel } from '../match-parameters';
import type { MatchScorer } from '../match-scorer';
import { DEFAULT_THRESHOLDS, type MatchDecision, type MatchThresholds } from '../match-thresholds';
import { normalise } from '../normalise';

export interface EvaluationRecord {
  readonly recordId: string;
  readonly trueId: string;
  readonly demographics: Demographics;
  readonly identifiers: readonly Identifier[];
  readonly noise?: readonly string[];
}

/** One wrong decision, without any demographic value: ids, noise and the score breakdown. */
export interface EvaluationMistake {
  readonly recordId: string;
  readonly kind: 'false-link' | 'missed';
  readonly decision: MatchDecision;
  readonly noise: readonly string[];
  readonly total?: number;
  readonly veto?: MatchField;
  readonly levels?: Readonly<Partial<Record<MatchField, MatchLevel>>>;
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
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Missed duplicates per kind of noise they carried (a duplicate with two kinds counts under both). */
  readonly missedByNoise: Readonly<Record<string, number>>;
  /** The first wrong decisions, for a failing spec to print. */
  readonly mistakes: readonly EvaluationMistake[];
}

export interface EvaluationOptions {
  readonly scorer?: MatchScorer;
  /** How many mistakes to keep in the report (default 25). */
  readonly maxMistakes?: number;
}

export function evaluate(records: readonly EvaluationRecord[], thresholds: MatchThresholds = DEFAULT_THRESHOLDS, options: EvaluationOptions = {}): EvaluationReport {
  const index = new MatchIndex({ scorer: options.scorer, thresholds });
  const maxMistakes = options.maxMistakes ?? 25;
  const personOf = new Map<string, string>();
  const registered = new Set<string>();
  const missedByNoise: Record<string, number> = {};
  const mistakes: EvaluationMistake[] = [];
  let duplicates = 0;
  let links = 0;
  let truePositives = 0;
  let reviews = 0;
  let reviewedDuplicates = 0;

  for (const record of records) {
    const person = normalise(record.demographics, record.identifiers);
    const result = index.match(person);
    const duplicate = registered.has(record.trueId);
    const linkedRight = result.decision === 'link' && result.best !== undefined && personOf.get(result.best.id) === record.trueId;
    if (duplicate) duplicates++;
    if (result.decision === 'review') {
      reviews++;
      if (duplicate) reviewedDuplicates++;
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
      mistakes.push({
        recordId: record.recordId,
        kind: falseLink ? 'false-link' : 'missed',
        decision: result.decision,
        noise: record.noise ?? [],
        total: score?.total,
        veto: score?.veto,
        levels: score ? Object.fromEntries(score.fields.map((f) => [f.field, f.level])) : undefined,
      });
    }
    index.add(record.recordId, person);
    personOf.set(record.recordId, record.trueId);
    registered.add(record.trueId);
  }

  const falsePositives = links - truePositives;
  const falseNegatives = duplicates - truePositives;
  const precision = links === 0 ? 1 : truePositives / links;
  const recall = duplicates === 0 ? 1 : truePositives / duplicates;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    registrations: records.length,
    duplicates,
    links,
    truePositives,
    falsePositives,
    falseNegatives,
    reviews,
    reviewedDuplicates,
    precision,
    recall,
    f1,
    missedByNoise,
    mistakes,
  };
}
