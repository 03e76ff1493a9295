// Whether a grant allowed access at an instant: the question another organisation's
// peer answers from the chain alone, without seeing who the patient is.
import type { GrantRecord } from './grant-record';

/**
 * Why a grant was or was not valid. When several causes apply the earliest one
 * wins: a grant revoked before its validUntil answers `revoked` ever after. A status
 * change at validUntil itself (the usual expiry) names the change, the more specific.
 */
export type GrantValidityReason = 'valid' | 'before-valid-from' | 'past-valid-until' | 'revoked' | 'expired';

export interface GrantValidity {
  readonly grantId: string;
  readonly valid: boolean;
  readonly reason: GrantValidityReason;
}

/**
 * Valid iff validFrom <= at < validUntil and the grant had not been revoked or
 * expired at or before `at`. Ends are exclusive: at validUntil, or at the revokedAt
 * instant itself, the grant no longer covers access.
 */
export function grantValidityAt(record: GrantRecord, at: number): GrantValidity {
  const verdict = (reason: GrantValidityReason): GrantValidity => ({ grantId: record.grantId, valid: reason === 'valid', reason });
  if (at < Date.parse(record.validFrom)) {
    return verdict('before-valid-from');
  }
  const until = record.validUntil === null ? Number.POSITIVE_INFINITY : Date.parse(record.validUntil);
  const endedAt = record.status === 'active' || record.statusChangedAt === null ? Number.POSITIVE_INFINITY : Date.parse(record.statusChangedAt);
  if (endedAt <= at && endedAt <= until) {
    return verdict(record.status === 'revoked' ? 'revoked' : 'expired');
  }
  return verdict(until <= at ? 'past-valid-until' : 'valid');
}

/** Fixed key order, like the stored records. */
export function serializeGrantValidity(validity: GrantValidity): string {
  return JSON.stringify({ grantId: validity.grantId, valid: validity.valid, reason: validity.reason });
}
