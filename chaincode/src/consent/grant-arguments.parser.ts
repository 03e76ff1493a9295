// Turns the consent contract's string arguments into typed values, or refuses them
// with an INVALID_ARGUMENT error naming the argument. Values are rebuilt from what
// was checked, never copied wholesale, so nothing unlisted can slip onto the chain.
import type { GrantRegistration, GrantStatusChange } from '@carechain/ledger-chaincode-api';
import { utcMillisOf } from '../shared/utc-instant';
import { ConsentError } from './consent.error';
import { COMMITMENT_PATTERN } from './consent.limits';

export interface RegisterGrantArgs {
  readonly grantKey: string;
  readonly patientCommitment: string;
  readonly scopeCommitment: string;
  readonly granteeCommitment: string;
  readonly validFrom: string;
  /** Empty for an open-ended grant: Fabric arguments cannot be absent. */
  readonly validUntil: string;
  readonly eventCommitment: string;
}

export function parseGrantRegistration(args: RegisterGrantArgs): GrantRegistration {
  requireStrings(Object.values(args));
  const grantKey = parseGrantKey(args.grantKey);
  const patientCommitment = commitment(args.patientCommitment, 'patientCommitment');
  const scopeCommitment = commitment(args.scopeCommitment, 'scopeCommitment');
  const granteeCommitment = commitment(args.granteeCommitment, 'granteeCommitment');
  const from = parseGrantTime(args.validFrom, 'validFrom');
  const validUntil = args.validUntil === '' ? null : args.validUntil;
  if (validUntil !== null && parseGrantTime(validUntil, 'validUntil') <= from) {
    throw ConsentError.invalid('validFrom must be before validUntil');
  }
  const eventCommitment = commitment(args.eventCommitment, 'eventCommitment');
  return { grantKey, patientCommitment, scopeCommitment, granteeCommitment, validFrom: args.validFrom, validUntil, eventCommitment };
}

/** RevokeGrant's and ExpireGrant's arguments; `atName` is revokedAt or expiredAt. */
export function parseGrantStatusChange(grantKey: string, at: string, atName: string, eventCommitment: string): GrantStatusChange {
  requireStrings([grantKey, at, eventCommitment]);
  const key = parseGrantKey(grantKey);
  parseGrantTime(at, atName);
  return { grantKey: key, at, eventCommitment: commitment(eventCommitment, 'eventCommitment') };
}

export function parseGrantKey(value: string): string {
  return commitment(value, 'grantKey');
}

/** Epoch milliseconds of a strict toISOString()-form time. */
export function parseGrantTime(value: string, name: string): number {
  const millis = utcMillisOf(value);
  if (millis === undefined) {
    throw ConsentError.invalid(`${name} must be an ISO-8601 UTC time like 2025-01-31T12:00:00.000Z`);
  }
  return millis;
}

function commitment(value: unknown, name: string): string {
  if (typeof value !== 'string' || !COMMITMENT_PATTERN.test(value)) {
    throw ConsentError.invalid(`${name} must be 64 lowercase hex characters`);
  }
  return value;
}

function requireStrings(values: unknown[]): void {
  if (!values.every((value) => typeof value === 'string')) {
    throw ConsentError.invalid('every argument must be a string');
  }
}
