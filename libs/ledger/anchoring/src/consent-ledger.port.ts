// The chain's view of consent (ConsentContract): grant state as commitments, so any
// organisation's peer can check that a grant was valid at a time without learning
// who the patient is or what the grant covers. The registration's shape is the
// chaincode's own (@carechain/ledger-chaincode-api).
import type { GrantRegistration } from '@carechain/ledger-chaincode-api';

export type { GrantRegistration } from '@carechain/ledger-chaincode-api';

export type GrantTransition = 'revoke' | 'expire';

export interface ConsentLedger {
  /** Registers a grant; false when the chain already held it (a replay). */
  register(grant: GrantRegistration): Promise<boolean>;
  /** Revokes or expires a grant; false when the chain already had it ended, or never held it. */
  end(grantId: string, transition: GrantTransition, at: string, sourceEventId: string): Promise<boolean>;
}
