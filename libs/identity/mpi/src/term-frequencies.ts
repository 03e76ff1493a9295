// How often each family name and first given name occurs in the registered
// population, for the term-frequency adjustment of an exact name agreement: two
// records agreeing on "Smith" are less telling than two agreeing on "Zdrojewski".
// The u of an exact agreement on value v is then v's share of the population
// (Splink's and fastLink's adjustment) instead of the field's average u, bounded
// below so that one rare name cannot outweigh everything else.
import type { NormalisedPerson } from './normalised-person';

/** Below this many people the shares are noise: the field's u is used instead. */
export const MIN_POPULATION_FOR_FREQUENCIES = 1000;
/** No value counts as rarer than this share of the population. */
export const MIN_TERM_SHARE = 1e-5;

export class TermFrequencies {
  private readonly family = new Map<string, number>();
  private readonly given = new Map<string, number>();
  private people = 0;

  get size(): number {
    return this.people;
  }

  add(person: NormalisedPerson): void {
    this.people++;
    bump(this.family, person.family, 1);
    bump(this.given, person.given[0] ?? '', 1);
  }

  remove(person: NormalisedPerson): void {
    this.people--;
    bump(this.family, person.family, -1);
    bump(this.given, person.given[0] ?? '', -1);
  }

  /** The share of the population with this family name, or undefined while the population is too small. */
  familyShare(family: string): number | undefined {
    return this.share(this.family, family);
  }

  /** The share of the population with this first given name, or undefined while the population is too small. */
  givenShare(given: string): number | undefined {
    return this.share(this.given, given);
  }

  private share(counts: Map<string, number>, value: string): number | undefined {
    if (this.people < MIN_POPULATION_FOR_FREQUENCIES) return undefined;
    return Math.max((counts.get(value) ?? 1) / this.people, MIN_TERM_SHARE);
  }
}

function bump(counts: Map<string, number>, value: string, by: number): void {
  if (value === '') return;
  const next = (counts.get(value) ?? 0) + by;
  if (next > 0) counts.set(value, next);
  else counts.delete(value);
}
