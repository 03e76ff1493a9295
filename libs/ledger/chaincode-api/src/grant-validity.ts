// WasGrantValidAt's answer: whether a grant allowed access at an instant.

/**
 * Why a grant was or was not valid. When several causes apply the earliest one
 * wins: a grant revoked before its validUntil answers `revoked` ever after. A status
 * change at validUntil itself (the usual expiry) names the change, the more specific.
 */
export type GrantValidityReason = 'valid' | 'before-valid-from' | 'past-valid-until' | 'revoked' | 'expired';

export interface GrantValidity {
  readonly grantKey: string;
  readonly valid: boolean;
  readonly reason: GrantValidityReason;
}

/** Fixed key order, like the stored records. */
export function serializeGrantValidity(validity: GrantValidity): string {
  return JSON.stringify({ grantKey: validity.grantKey, valid: validity.valid, reason: validity.reason });
}
