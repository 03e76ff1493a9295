// Whether a grant allowed access at an instant: the question another organisation's
// peer answers from the chain alone, without seeing who the patient is.
import type { GrantRecord, GrantValidity, GrantValidityReason } from '@carechain/ledger-chaincode-api';

/**
 * Valid iff validFrom <= at < validUntil and the grant had not been revoked or
 * expired at or before `at`. Ends are exclusive: at validUntil, or at the revokedAt
 * instant itself, the grant no longer covers access.
 */
export function grantValidityAt(record: GrantRecord, at: number): GrantValidity {
  const verdict = (reason: GrantValidityReason): GrantValidity => ({ grantKey: record.grantKey, valid: reason === 'valid', reason });
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
