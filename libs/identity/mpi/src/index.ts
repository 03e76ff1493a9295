export { blockingKeys } from './blocking-keys';
export { withinOneEdit } from './edit-distance';
export { jaro, jaroWinkler } from './jaro-winkler';
export type { MatchIndexOptions, MatchResult } from './match-index';
export { DEFAULT_MAX_CANDIDATES, DEFAULT_MAX_PER_KEY, FIRST_REFIT_AT, MatchIndex } from './match-index';
export type { AgreementLevel, LevelProbabilities, MatchField, MatchLevel, MatchParameterOverrides, MatchParameters } from './match-parameters';
export { DEFAULT_MATCH_PARAMETERS, FIELD_LEVELS, MATCH_FIELDS } from './match-parameters';
export type { FieldScore, MatchAssessment, MatchScore, MatchScorerOptions } from './match-scorer';
export { DEFAULT_NATIONAL_ID_SYSTEMS, HOUSEHOLD_FIELDS, MatchScorer, VETO_LEVELS } from './match-scorer';
export type { MatchModel } from './match-model';
export { estimatedModel, PRIOR_MODEL_VERSION, priorModel } from './match-model';
export type { EstimationOptions } from './em-estimation';
export { estimateModel, MIN_PEOPLE_FOR_ESTIMATION } from './em-estimation';
export { MIN_POPULATION_FOR_FREQUENCIES, TermFrequencies } from './term-frequencies';
export type { MatchDecision, MatchThresholds } from './match-thresholds';
export { DEFAULT_THRESHOLDS, REFERENCE_POPULATION, classify, scaledThresholds } from './match-thresholds';
export { MpiError, MpiErrorCode } from './mpi.error';
export { canonicalGivenNames } from './nickname.table';
export { normalise, normaliseIdentifier, normalisePhone, normalisePostalCode, PHONETIC_KEY_LENGTH } from './normalise';
export type { BirthDate, NormalisedAddress, NormalisedIdentifier, NormalisedPerson } from './normalised-person';
export { nysiis } from './nysiis';
export { foldName } from './text-fold';
// Test support: a synthetic population with ground truth, and the replay that scores
// the matcher on it (used by the specs and tools/bench/mpi.ts).
export type { EvaluationMistake, EvaluationOptions, EvaluationRecord, EvaluationReport } from './testing/evaluate';
export { evaluate } from './testing/evaluate';
export type { NoiseKind, PopulationOptions, PopulationRecord } from './testing/population';
export { generatePopulation } from './testing/population';
