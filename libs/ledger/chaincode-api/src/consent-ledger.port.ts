// The client's port to the consent contract: grant state as per-grant commitments,
// so any organisation's peer can check that a grant was valid at a time without
// learning who the patient is, whom the grant is to or what it covers. The Fabric
// adapter (@carechain/ledger-fabric) is the real implementation; unit specs fake it.
import type { GrantRegistration } from './grant-record';

export type GrantTransition = 'revoke' | 'expire';

/** ended: this call ended it; already-ended: a replay, or it ended the other way; unknown: no grant under that key. */
export type GrantEndOutcome = 'ended' | 'already-ended' | 'unknown';

export interface ConsentLedger {
  /** Registers a grant; false when the chain already held it (a replay). */
  register(grant: GrantRegistration): Promise<boolean>;
  /** Revokes or expires the grant stored under `grantKey`. */
  end(grantKey: string, transition: GrantTransition, at: string, eventCommitment: string): Promise<GrantEndOutcome>;
}
