// An AccessRequest checked once and reduced to what the grant checks compare: the
// instant in ms and the categories and purpose as bits. A malformed request is
// refused with an error rather than denied: it is a bug in the caller, and a denial
// would hide it behind a plausible answer.
import type { DataCategory } from '@carechain/contracts';
import type { AccessRequest } from './access-request';
import { ConsentDecisionError, ConsentDecisionErrorCode } from './consent-decision.error';
import { categoryMask, purposeBit } from './vocabulary-mask';

export interface CompiledRequest<C extends DataCategory = DataCategory> {
  readonly atMs: number;
  readonly categoryMask: number;
  readonly purposeMask: number;
  /** The requested categories without duplicates, in request order. */
  readonly categories: readonly C[];
}

export function compileRequest<C extends DataCategory>(request: AccessRequest<C>): CompiledRequest<C> {
  const invalid = (what: string) => new ConsentDecisionError(ConsentDecisionErrorCode.InvalidRequest, what);
  if (typeof request.patientId !== 'string' || request.patientId.length === 0) throw invalid('patientId must be a non-empty string');
  const requester = request.requester;
  if (typeof requester?.organisation !== 'string' || typeof requester.subject !== 'string' || !Array.isArray(requester.roles)) {
    throw invalid('requester needs a subject, an organisation and roles');
  }
  if (!Array.isArray(request.categories) || request.categories.length === 0) throw invalid('categories must be a non-empty array');
  if (!(request.at instanceof Date) || Number.isNaN(request.at.getTime())) throw invalid('at must be a valid Date');
  const mask = categoryMask(request.categories, ConsentDecisionErrorCode.InvalidRequest, 'categories');
  return {
    atMs: request.at.getTime(),
    categoryMask: mask,
    purposeMask: purposeBit(request.purpose, ConsentDecisionErrorCode.InvalidRequest, 'purpose'),
    categories: bitCount(mask) === request.categories.length ? request.categories : [...new Set(request.categories)],
  };
}

function bitCount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}
