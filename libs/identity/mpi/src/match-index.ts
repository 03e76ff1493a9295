// An in-memory master patient index: blocking keys → records, and the match of a
// new registration against the records that share a key with it.
//
// Records live in numbered slots (freed slots are reused) so that buckets are arrays
// of small integers and the union of a person's buckets is deduplicated with a
// generation-stamped array instead of a Set per call: matching costs the scoring of
// a few dozen candidates and allocates little.
//
// Records belong to clusters (a patient's registrations): a registration that
// reaches the link threshold with two different clusters is not linked to either —
// it goes to review, since it says those two may be one person. Two exceptions:
//   - it rules the other out as surely as a link rules out a stranger: the best leads
//     it by the link threshold itself (a twin alike in all but the first name);
//   - the question is already open: a provisional patient created from a pending
//     review is added with the cluster the review is about (add's `pendingWith`), and
//     a registration reaching both (or two provisional patients pending with the same
//     cluster) is linked to the better-scoring when it leads the other by the width of
//     the review band; where it does not, it cannot tell them apart (twins with a given
//     name missing) and goes to review. The pending review still decides the rest.
//
// The index keeps the term frequencies of names and refits its model from its own
// population as it grows (at 1,000 people, then each time it doubles; see
// em-estimation.ts), so the weights are those of the data, versioned.
import { blockingKeys } from './blocking-keys';
import { estimateModel } from './em-estimation';
import type { MatchModel } from './match-model';
import { MatchScorer, type MatchScore } from './match-scorer';
import { DEFAULT_THRESHOLDS, assertThresholds, classify, type MatchDecision, type MatchThresholds } from './match-thresholds';
import { MpiError, MpiErrorCode } from './mpi.error';
import type { NormalisedPerson } from './normalised-person';
import { TermFrequencies } from './term-frequencies';

// A key shared by more records than this (a clinic's switchboard number entered as
// every patient's phone, a very common name in a very common year) says little;
// its most recent records are still read so that a fresh re-registration is found,
// and the narrower passes (birth date + postcode, + city, + initial) find the rest.
export const DEFAULT_MAX_PER_KEY = 50;
// Bounds the cost of one match whatever the data: blocks are a handful each, so
// reaching this means the keys have stopped discriminating.
export const DEFAULT_MAX_CANDIDATES = 200;
/** How far a chain of provisional patients pending review with one another is followed. */
const MAX_PENDING_CHAIN = 8;
/** The first automatic refit; then each time the population doubles. */
export const FIRST_REFIT_AT = 1000;

export interface MatchIndexOptions {
  readonly scorer?: MatchScorer;
  /** Used by match() when it is not given thresholds. */
  readonly thresholds?: MatchThresholds;
  readonly maxPerKey?: number;
  readonly maxCandidates?: number;
  /** Refit the model from the population as it grows (default true); false keeps the scorer's model. */
  readonly autoRefit?: boolean;
  /** Where a cluster now lives (a merged patient's survivor); default: itself. */
  readonly resolveCluster?: (cluster: string) => string;
}

export interface MatchResult {
  readonly decision: MatchDecision;
  /** The best candidate: the highest decision first, then the highest total. */
  readonly best?: { readonly id: string; readonly score: MatchScore };
  /** How many records were scored. */
  readonly candidates: number;
  /** When the best candidate's cluster is not the only one at link level: the best of another. */
  readonly competing?: { readonly id: string; readonly score: MatchScore };
}

const RANK: Readonly<Record<MatchDecision, number>> = { new: 0, review: 1, link: 2 };

export class MatchIndex {
  private scorer: MatchScorer;
  private readonly thresholds: MatchThresholds;
  private readonly maxPerKey: number;
  private readonly maxCandidates: number;
  private readonly autoRefit: boolean;
  private readonly resolveCluster: (cluster: string) => string;
  private nextRefitAt = FIRST_REFIT_AT;
  readonly frequencies = new TermFrequencies();
  private readonly buckets = new Map<string, number[]>();
  private readonly slotById = new Map<string, number>();
  private readonly ids: (string | undefined)[] = [];
  private readonly clusters: (string | undefined)[] = [];
  private readonly people: (NormalisedPerson | undefined)[] = [];
  private readonly keysBySlot: (readonly string[] | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  // A provisional cluster (created from a pending review) → the cluster the review is about.
  private readonly pending = new Map<string, string>();
  private seen = new Uint32Array(1024);
  // match(person) then add(id, person) is the usual sequence: the keys are computed once for both.
  private lastPerson: NormalisedPerson | undefined;
  private lastKeys: string[] = [];
  private generation = 0;

  constructor(options: MatchIndexOptions = {}) {
    this.scorer = options.scorer ?? new MatchScorer();
    this.thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
    assertThresholds(this.thresholds);
    this.maxPerKey = positiveInteger(options.maxPerKey ?? DEFAULT_MAX_PER_KEY, 'maxPerKey');
    this.maxCandidates = positiveInteger(options.maxCandidates ?? DEFAULT_MAX_CANDIDATES, 'maxCandidates');
    this.autoRefit = options.autoRefit ?? true;
    this.resolveCluster = options.resolveCluster ?? ((cluster) => cluster);
  }

  get size(): number {
    return this.slotById.size;
  }

  /** The model the index scores with now. */
  get model(): MatchModel {
    return this.scorer.model;
  }

  has(id: string): boolean {
    return this.slotById.has(id);
  }

  /**
   * Adds a record to `cluster` (default: a cluster of its own), e.g. the patient it was linked to.
   * `pendingWith`: the record is a provisional patient whose review asks whether it is that
   * cluster (see match()); forgotten by settle() or when the record is removed.
   */
  add(id: string, person: NormalisedPerson, cluster: string = id, pendingWith?: string): void {
    if (this.slotById.has(id)) {
      throw new MpiError(MpiErrorCode.DuplicateId, 'the index already holds a record with this id; remove it first');
    }
    if (pendingWith !== undefined) this.pending.set(cluster, pendingWith);
    const slot = this.freeSlots.pop() ?? this.ids.length;
    const keys = this.keysOf(person);
    this.slotById.set(id, slot);
    this.ids[slot] = id;
    this.clusters[slot] = cluster;
    this.people[slot] = person;
    this.keysBySlot[slot] = keys;
    this.frequencies.add(person);
    for (const key of keys) {
      const bucket = this.buckets.get(key);
      if (bucket === undefined) this.buckets.set(key, [slot]);
      else bucket.push(slot);
    }
    if (this.autoRefit && this.size >= this.nextRefitAt) {
      this.nextRefitAt = this.size * 2;
      this.refit();
    }
  }

  /** Re-estimates the model from the records held now (EM, the current model as the prior) and scores with it from then on. */
  refit(): MatchModel {
    const people = this.people.filter((p): p is NormalisedPerson => p !== undefined);
    const model = estimateModel(people, (i) => this.candidateSlots(people[i]).map((slot) => this.people[slot] as NormalisedPerson), { scorer: this.scorer });
    if (model === this.scorer.model) return model;
    this.scorer = this.scorer.withModel(model);
    return model;
  }

  /** The review about a provisional cluster was resolved: it is no longer pending with another. */
  settle(cluster: string): void {
    this.pending.delete(cluster);
  }

  /** Removes the record; false if there was none with this id. */
  remove(id: string): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    this.pending.delete(this.clusters[slot] as string);
    for (const key of this.keysBySlot[slot] ?? []) {
      const bucket = this.buckets.get(key);
      if (bucket === undefined) continue;
      bucket.splice(bucket.lastIndexOf(slot), 1);
      if (bucket.length === 0) this.buckets.delete(key);
    }
    this.slotById.delete(id);
    this.frequencies.remove(this.people[slot] as NormalisedPerson);
    this.ids[slot] = undefined;
    this.clusters[slot] = undefined;
    this.people[slot] = undefined;
    this.keysBySlot[slot] = undefined;
    this.freeSlots.push(slot);
    return true;
  }

  /** The ids of the records sharing a blocking key with `person`, most selective keys first, capped. */
  candidates(person: NormalisedPerson): string[] {
    return this.candidateSlots(person).map((slot) => this.ids[slot] as string);
  }

  /**
   * Scores `person` against its candidates and decides; does not add it. A link to
   * one cluster while another cluster also reaches the link level becomes a review.
   */
  match(person: NormalisedPerson, thresholds: MatchThresholds = this.thresholds): MatchResult {
    assertThresholds(thresholds);
    const slots = this.candidateSlots(person);
    let bestSlot = -1;
    let bestRank = -1;
    let bestTotal = Number.NEGATIVE_INFINITY;
    const linkable: number[] = [];
    const linkableTotals: number[] = [];
    for (const slot of slots) {
      const assessment = this.scorer.assess(person, this.people[slot] as NormalisedPerson, this.frequencies);
      const rank = RANK[classify(assessment, thresholds)];
      if (rank === RANK.link) {
        linkable.push(slot);
        linkableTotals.push(assessment.total);
      }
      if (rank > bestRank || (rank === bestRank && assessment.total > bestTotal)) {
        bestSlot = slot;
        bestRank = rank;
        bestTotal = assessment.total;
      }
    }
    if (bestSlot < 0) {
      return { decision: 'new', candidates: 0 };
    }
    const score = this.scorer.score(person, this.people[bestSlot] as NormalisedPerson, this.frequencies);
    const best = { id: this.ids[bestSlot] as string, score };
    const bestCluster = this.resolveCluster(this.clusters[bestSlot] as string);
    // A cluster already under review with the best one is no new question, if the
    // registration tells the two apart: the best leads it by the width of the review band.
    // Nor is a cluster the registration rules out as surely as a link rules out a
    // stranger: the best leads it by the link threshold itself.
    const margin = thresholds.link - thresholds.review;
    const other = linkable.filter((slot, i) => {
      const cluster = this.resolveCluster(this.clusters[slot] as string);
      if (cluster === bestCluster) return false;
      const lead = bestTotal - linkableTotals[i];
      return !(lead >= thresholds.link || (lead >= margin && this.pendingBetween(cluster, bestCluster)));
    });
    if (other.length === 0) {
      return { decision: classify(score, thresholds), best, candidates: slots.length };
    }
    const scores = other.map((slot) => ({
      id: this.ids[slot] as string,
      score: this.scorer.score(person, this.people[slot] as NormalisedPerson, this.frequencies),
    }));
    const competing = scores.reduce((a, b) => (b.score.total > a.score.total ? b : a));
    return { decision: 'review', best, competing, candidates: slots.length };
  }

  // Whether pending reviews already ask if clusters a and b are one patient: a review
  // between them, or both provisional patients pending (directly or along a chain of
  // reviews) with the same cluster.
  private pendingBetween(a: string, b: string): boolean {
    return this.pendingRoot(a) === this.pendingRoot(b);
  }

  // The cluster at the end of a's chain of pending reviews (a itself when none), bounded against cycles.
  private pendingRoot(cluster: string): string {
    let at = cluster;
    for (let steps = 0; steps < MAX_PENDING_CHAIN; steps++) {
      const next = this.pending.get(at);
      if (next === undefined) return at;
      at = this.resolveCluster(next);
    }
    return at;
  }

  private keysOf(person: NormalisedPerson): string[] {
    if (person !== this.lastPerson) {
      this.lastKeys = blockingKeys(person);
      this.lastPerson = person;
    }
    return this.lastKeys;
  }

  private candidateSlots(person: NormalisedPerson): number[] {
    if (this.seen.length < this.ids.length) {
      const grown = new Uint32Array(this.ids.length * 2);
      grown.set(this.seen);
      this.seen = grown;
    }
    if (++this.generation === 0xffffffff) {
      this.seen.fill(0);
      this.generation = 1;
    }
    const generation = this.generation;
    const slots: number[] = [];
    for (const key of this.keysOf(person)) {
      const bucket = this.buckets.get(key);
      if (bucket === undefined) continue;
      const from = Math.max(0, bucket.length - this.maxPerKey);
      for (let i = bucket.length - 1; i >= from; i--) {
        const slot = bucket[i];
        if (this.seen[slot] === generation) continue;
        this.seen[slot] = generation;
        slots.push(slot);
        if (slots.length >= this.maxCandidates) return slots;
      }
    }
    return slots;
  }
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new MpiError(MpiErrorCode.InvalidOptions, `${name} must be a positive integer, got ${value}`);
  }
  return value;
}
