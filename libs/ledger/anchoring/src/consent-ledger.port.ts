// The chain's view of consent (ConsentContract): grant state as commitments, so any
// organisation's peer can check that a grant was valid at a time without learning
// who the patient is or what the grant covers.
export interface GrantRegistration {
  readonly grantId: string;
  /** HMAC of the patient id under the patient's commitment salt. */
  readonly patientCommitment: string;
  /** HMAC of the grant's scope (categories, purposes, practitioner) under the same salt. */
  readonly scopeCommitment: string;
  readonly granteeOrg: string;
  readonly validFrom: string;
  readonly validUntil?: string;
  readonly sourceEventId: string;
}

export type GrantTransition = 'revoke' | 'expire';

export interface ConsentLedger {
  /** Registers a grant; false when the chain already held it (a replay). */
  register(grant: GrantRegistration): Promise<boolean>;
  /** Revokes or expires a grant; false when the chain already had it ended, or never held it. */
  end(grantId: string, transition: GrantTransition, at: string, sourceEventId: string): Promise<boolean>;
}
