// The claim contract: the state of each insurance claim, governed by both
// organisations. The providers' ledger-writer submits and cancels, the payers'
// adjudicates and pays, each checked here by the client's MSP id; the chaincode's
// endorsement policy needs both organisations' peers, so neither can change a claim
// alone. At submission the contract verifies the billing itself (every item
// documented by a record event anchored before the claim, no service billed twice to
// any payer). Many claims' transitions travel in one transaction; each gets its own
// outcome, so one bad claim does not fail its batch. Deterministic: no clock but the
// times in the transitions, no randomness, records serialised in a fixed key order.
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import {
  CLAIM_CONTRACT_NAME,
  CLAIM_TRANSITIONS_APPLIED_EVENT,
  ClaimRefusalCode,
  refusalMessage,
  serializeClaimOutcomes,
} from '@carechain/ledger-chaincode-api';
import type { ClaimLedger } from './claim-ledger.port';
import { ClaimRepository } from './claim.repository';
import { ClaimBatchError } from './claim.error';
import { parseTransitionBatch } from './claim-transitions.parser';
import { TransitionApplier } from './transition-applier';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

@Info({ title: 'ClaimContract', description: 'Insurance claim state both organisations govern, with billing verified against anchored records' })
export class ClaimContract extends Contract {
  constructor() {
    super(CLAIM_CONTRACT_NAME);
  }

  /**
   * Applies a batch (`{"transitions":[…]}`, see ClaimTransition) in order and returns
   * the JSON array of their outcomes, also emitted as ClaimTransitionsApplied. A batch
   * that does not parse is refused as a whole (INVALID_ARGUMENT).
   */
  @Transaction()
  @Returns('string')
  async ApplyTransitions(ctx: Context, batchJson: string): Promise<string> {
    const transitions = parseTransitionBatch(batchJson);
    const ledger: ClaimLedger = ctx.stub;
    const applier = new TransitionApplier(ledger, ctx.clientIdentity.getMSPID());
    const outcomes = [];
    for (const transition of transitions) outcomes.push(await applier.apply(transition));
    const json = serializeClaimOutcomes(outcomes);
    ledger.setEvent(CLAIM_TRANSITIONS_APPLIED_EVENT, Buffer.from(json, 'utf8'));
    return json;
  }

  /** The record JSON of one claim, its history included. */
  @Transaction(false)
  @Returns('string')
  async GetClaim(ctx: Context, claimId: string): Promise<string> {
    if (typeof claimId !== 'string' || !UUID.test(claimId)) throw new ClaimBatchError('claimId must be a lowercase UUID');
    const json = await new ClaimRepository(ctx.stub).findJson(claimId);
    if (json === undefined) throw new Error(refusalMessage(ClaimRefusalCode.ClaimNotFound, `no claim ${claimId}`));
    return json;
  }
}
