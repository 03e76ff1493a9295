// The comparison-ready form of one registration. Everything the scorer and the
// blocking keys read is computed once here, so matching a candidate pair costs
// string comparisons only. It still holds PHI (folded names, phone digits): it stays
// in memory; only blocking keys (HMACed by identity) and scores leave the process.

export interface BirthDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface NormalisedAddress {
  /** First address line, folded, with common street words abbreviated ("" if none). */
  readonly line: string;
  /** Folded city ("" if none). */
  readonly city: string;
  /** Upper case, spaces removed ("" if none). */
  readonly postalCode: string;
}

export interface NormalisedIdentifier {
  /** Trimmed, otherwise as given: systems are URIs, compared exactly. */
  readonly system: string;
  /** Upper case, without spaces or dashes. */
  readonly value: string;
}

export interface NormalisedPerson {
  /** Folded words of all given names, first given name first ("Mary-Ann Louise" → mary, ann, louise). */
  readonly given: readonly string[];
  /** The first given name with its words joined ("Mary-Ann" → maryann), "" if none. */
  readonly givenJoined: string;
  /** The first given word and the names it is a nickname of (Bob → bob, robert). */
  readonly givenCanonical: readonly string[];
  /** NYSIIS key of each givenCanonical entry, same order (the name itself where NYSIIS has no letters to read). */
  readonly givenPhonetic: readonly string[];
  /** Family name words joined ("van der Berg" → vanderberg), "" if none. */
  readonly family: string;
  /** Significant family-name words (particles and suffixes dropped), for double-barrelled names. */
  readonly familyTokens: readonly string[];
  /** NYSIIS key of `family`, then of each familyTokens entry when there are several; none for no family name. */
  readonly familyPhonetic: readonly string[];
  readonly birth?: BirthDate;
  /** The birth date as the eight digits YYYYMMDD, "" when unknown: for one-digit typos. */
  readonly birthDigits: string;
  /** Undefined when unknown: an unknown gender neither agrees nor disagrees. */
  readonly gender?: 'female' | 'male' | 'other';
  /** The last 9 significant digits of each phone number. */
  readonly phones: readonly string[];
  /** Trimmed, lower case. */
  readonly emails: readonly string[];
  readonly addresses: readonly NormalisedAddress[];
  readonly identifiers: readonly NormalisedIdentifier[];
}
