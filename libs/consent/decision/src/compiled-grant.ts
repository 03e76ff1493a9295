// A grant's bounds as epoch milliseconds and its scope as bit masks, computed once per
// grant value. Grants are read on every decision (records decides every read), so
// parsing ISO strings and scanning arrays there would dominate the cost.
//
// Stored grants (GrantBook) carry their compiled form; any other grant handed to
// decide() is validated and compiled on each use: correct, only slower.
import type { Grant, GrantStatus } from './grant';
import { ConsentDecisionError, ConsentDecisionErrorCode } from './consent-decision.error';
import { parseInstant } from './instant';
import { categoryMask, purposeMask } from './vocabulary-mask';

export interface CompiledGrant {
  readonly fromMs: number;
  /** +Infinity when the grant has no validUntil. */
  readonly untilMs: number;
  readonly categoryMask: number;
  readonly purposeMask: number;
}

const STATUSES: readonly GrantStatus[] = ['active', 'revoked', 'expired'];

// A stored grant carries its compiled form under this module-private symbol, as a
// non-enumerable property: invisible to JSON and to spreads, so a copy of a stored
// grant with other terms is compiled afresh, never trusted with the old masks. Kept
// on the grant itself rather than in a side table because decisions are bound by
// memory latency, not arithmetic: with 10⁵ patients a decision touches cold grants,
// and one more lookup per grant would be one more cache miss.
const COMPILED = Symbol('compiledGrant');

type Stored = Grant & { readonly [COMPILED]?: CompiledGrant };

/**
 * The compiled form of a grant: read from a stored grant (storedGrant), else validated
 * and computed (throws ConsentDecisionError INVALID_GRANT / INVALID_TIMESTAMP).
 */
export function compileGrant(grant: Grant): CompiledGrant {
  return (grant as Stored)[COMPILED] ?? compile(grant);
}

/**
 * A deeply frozen copy of a valid grant carrying its compiled form, with every field
 * present in one order (absent optional ones undefined) so that all stored grants
 * share one object shape and property reads stay monomorphic. `overrides` sets the
 * ending of an ended copy.
 */
export function storedGrant(grant: Grant, overrides: Pick<Partial<Grant>, 'status' | 'revokedAt' | 'expiredAt'> = {}): Grant {
  const compiled = compileGrant(grant);
  const stored: Grant = {
    grantId: grant.grantId,
    patientId: grant.patientId,
    grantee: Object.isFrozen(grant.grantee)
      ? grant.grantee
      : Object.freeze({ organisation: grant.grantee.organisation, practitioner: grant.grantee.practitioner }),
    categories: Object.isFrozen(grant.categories) ? grant.categories : Object.freeze([...grant.categories]),
    purposes: Object.isFrozen(grant.purposes) ? grant.purposes : Object.freeze([...grant.purposes]),
    validFrom: grant.validFrom,
    validUntil: grant.validUntil,
    grantedBy: Object.isFrozen(grant.grantedBy)
      ? grant.grantedBy
      : Object.freeze({ kind: grant.grantedBy.kind, subject: grant.grantedBy.subject, signed: grant.grantedBy.signed }),
    grantedAt: grant.grantedAt,
    status: overrides.status ?? grant.status,
    revokedAt: overrides.revokedAt ?? grant.revokedAt,
    expiredAt: overrides.expiredAt ?? grant.expiredAt,
  };
  Object.defineProperty(stored, COMPILED, { value: compiled });
  return Object.freeze(stored);
}

function compile(grant: Grant): CompiledGrant {
  const invalid = (what: string) => new ConsentDecisionError(ConsentDecisionErrorCode.InvalidGrant, `grant ${String(grant.grantId)}: ${what}`);
  if (!nonEmpty(grant.grantId)) throw invalid('grantId must be a non-empty string');
  if (!nonEmpty(grant.patientId)) throw invalid('patientId must be a non-empty string');
  if (!nonEmpty(grant.grantee?.organisation)) throw invalid('grantee.organisation must be a non-empty string');
  if (grant.grantee.practitioner !== undefined && !nonEmpty(grant.grantee.practitioner))
    throw invalid('grantee.practitioner, when set, must be a non-empty string');
  if (!Array.isArray(grant.categories) || grant.categories.length === 0) throw invalid('categories must be a non-empty array');
  if (!Array.isArray(grant.purposes) || grant.purposes.length === 0) throw invalid('purposes must be a non-empty array');
  if (!STATUSES.includes(grant.status)) throw invalid('status must be active, revoked or expired');
  const fromMs = parseInstant(grant.validFrom, `grant ${grant.grantId} validFrom`);
  const untilMs = grant.validUntil === undefined ? Number.POSITIVE_INFINITY : parseInstant(grant.validUntil, `grant ${grant.grantId} validUntil`);
  // An empty period is a malformed grant, not a grant that happens never to apply.
  if (untilMs <= fromMs) throw invalid('validUntil must be later than validFrom');
  return {
    fromMs,
    untilMs,
    categoryMask: categoryMask(grant.categories, ConsentDecisionErrorCode.InvalidGrant, `grant ${grant.grantId} categories`),
    purposeMask: purposeMask(grant.purposes, ConsentDecisionErrorCode.InvalidGrant, `grant ${grant.grantId} purposes`),
  };
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
