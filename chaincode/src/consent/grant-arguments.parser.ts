// Turns the consent contract's string arguments into typed values, or refuses them
// with an INVALID_ARGUMENT error naming the argument. Values are rebuilt from what
// was checked, never copied wholesale, so nothing unlisted can slip onto the chain.
import { utcMillisOf } from '../shared/utc-instant';
import { ConsentError } from './consent.error';
import { COMMITMENT_PATTERN, GRANT_ID_PATTERN, ORGANISATION_ID_PATTERN, SOURCE_EVENT_ID_PATTERN } from './consent.limits';
import type { GrantRegistration, GrantStatusChange } from '@carechain/ledger-chaincode-api';

export interface RegisterGrantArgs {
  readonly grantId: string;
  readonly patientCommitment: string;
  readonly scopeCommitment: string;
  readonly granteeOrg: string;
  readonly validFrom: string;
  /** Empty for an open-ended grant: Fabric arguments cannot be absent. */
  readonly validUntil: string;
  readonly sourceEventId: string;
}

export function parseGrantRegistration(args: RegisterGrantArgs): GrantRegistration {
  requireStrings(Object.values(args));
  const grantId = parseGrantId(args.grantId);
  const patientCommitment = matching(args.patientCommitment, COMMITMENT_PATTERN, 'patientCommitment must be 64 lowercase hex characters');
  const scopeCommitment = matching(args.scopeCommitment, COMMITMENT_PATTERN, 'scopeCommitment must be 64 lowercase hex characters');
  const granteeOrg = matching(args.granteeOrg, ORGANISATION_ID_PATTERN, `granteeOrg must match ${ORGANISATION_ID_PATTERN}`);
  const from = parseGrantTime(args.validFrom, 'validFrom');
  const validUntil = args.validUntil === '' ? null : args.validUntil;
  if (validUntil !== null && parseGrantTime(validUntil, 'validUntil') <= from) {
    throw ConsentError.invalid('validFrom must be before validUntil');
  }
  const sourceEventId = parseSourceEventId(args.sourceEventId);
  return { grantId, patientCommitment, scopeCommitment, granteeOrg, validFrom: args.validFrom, validUntil, sourceEventId };
}

/** RevokeGrant's and ExpireGrant's arguments; `atName` is revokedAt or expiredAt. */
export function parseGrantStatusChange(grantId: string, at: string, atName: string, sourceEventId: string): GrantStatusChange {
  requireStrings([grantId, at, sourceEventId]);
  const id = parseGrantId(grantId);
  parseGrantTime(at, atName);
  return { grantId: id, at, sourceEventId: parseSourceEventId(sourceEventId) };
}

export function parseGrantId(value: string): string {
  return matching(value, GRANT_ID_PATTERN, 'grantId must be a lowercase UUID');
}

/** Epoch milliseconds of a strict toISOString()-form time. */
export function parseGrantTime(value: string, name: string): number {
  const millis = utcMillisOf(value);
  if (millis === undefined) {
    throw ConsentError.invalid(`${name} must be an ISO-8601 UTC time like 2025-01-31T12:00:00.000Z`);
  }
  return millis;
}

function parseSourceEventId(value: string): string {
  return matching(value, SOURCE_EVENT_ID_PATTERN, `sourceEventId must match ${SOURCE_EVENT_ID_PATTERN}`);
}

function matching(value: unknown, pattern: RegExp, complaint: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw ConsentError.invalid(complaint);
  }
  return value;
}

function requireStrings(values: unknown[]): void {
  if (!values.every((value) => typeof value === 'string')) {
    throw ConsentError.invalid('every argument must be a string');
  }
}
