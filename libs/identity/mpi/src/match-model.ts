// A versioned set of Fellegi–Sunter parameters: what the scorer weighs with. Every
// decision records the version of the model that made it, so a link can be traced to
// the parameters (and the population they were estimated from) behind it.
import { MATCH_FIELDS, resolveParameters, type MatchParameterOverrides, type MatchParameters } from './match-parameters';

export interface MatchModel {
  /** "prior" for the hand-set defaults, else "em-" + a hash of the parameters. */
  readonly version: string;
  readonly parameters: MatchParameters;
  /** How many registered people the parameters were estimated from (0 for the prior). */
  readonly trainedOn: number;
}

export const PRIOR_MODEL_VERSION = 'prior';

/** The hand-set prior, with `overrides` laid over it. */
export function priorModel(overrides?: MatchParameterOverrides): MatchModel {
  const parameters = resolveParameters(overrides);
  const version = overrides === undefined ? PRIOR_MODEL_VERSION : `prior-${hashParameters(parameters)}`;
  return { version, parameters, trainedOn: 0 };
}

/** A model from estimated parameters, named by their content: equal parameters, equal version. */
export function estimatedModel(parameters: MatchParameters, trainedOn: number): MatchModel {
  return { version: `em-${hashParameters(parameters)}`, parameters, trainedOn };
}

// FNV-1a over the parameters to 6 significant digits, as 8 hex digits.
function hashParameters(parameters: MatchParameters): string {
  const levels = parameters as unknown as Readonly<Record<string, Readonly<Record<string, { m: number; u: number }>>>>;
  const text = MATCH_FIELDS.map((field) =>
    Object.entries(levels[field])
      .map(([level, p]) => `${field}.${level}:${p.m.toPrecision(6)}/${p.u.toPrecision(6)}`)
      .join(','),
  ).join(';');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}
