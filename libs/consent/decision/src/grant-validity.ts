// Whether a grant is in force at an instant: active, and validFrom ≤ at < validUntil.
// Time is judged here rather than trusted to the status, because the expiry event
// arrives some time after validUntil passes (and never if the consent service is
// down): an active grant past its end already denies, as grant-expired.
import type { Grant } from './grant';
import { type CompiledGrant, compileGrant } from './compiled-grant';
import { DenyReason } from './deny-reason';

export type ValidityMiss = DenyReason.GrantRevoked | DenyReason.GrantExpired | DenyReason.GrantNotYetValid;

/** Why the grant is not in force at `atMs`, or undefined when it is. */
export function validityMiss(grant: Grant, compiled: CompiledGrant, atMs: number): ValidityMiss | undefined {
  if (grant.status === 'revoked') return DenyReason.GrantRevoked;
  if (grant.status === 'expired') return DenyReason.GrantExpired;
  if (atMs < compiled.fromMs) return DenyReason.GrantNotYetValid;
  if (atMs >= compiled.untilMs) return DenyReason.GrantExpired;
  return undefined;
}

/** True when the grant is active and validFrom ≤ at < validUntil (inclusive from, exclusive until). */
export function isGrantValidAt(grant: Grant, at: Date): boolean {
  return validityMiss(grant, compileGrant(grant), at.getTime()) === undefined;
}
