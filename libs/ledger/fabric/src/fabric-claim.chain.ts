// ClaimChain on Fabric: the `claim` contract of the carechain chaincode, as this
// organisation's client identity. One ApplyTransitions carries a whole batch of
// transitions; the gateway endorses it on both organisations' peers (the chaincode's
// policy) and this waits for the commit: outcomes count only once committed.
import {
  type AppliedTransitions,
  CLAIM_CONTRACT_NAME,
  type ClaimChain,
  ClaimFunction,
  type ClaimRecord,
  ClaimRefusalCode,
  type ClaimTransition,
  type ClaimTransitionOutcome,
  refusalIn,
} from '@carechain/ledger-chaincode-api';
import { detailsOf, FabricGateway, type FabricConnection } from './fabric-gateway';

export class FabricClaimChain implements ClaimChain {
  private readonly gateway: FabricGateway;
  readonly mspId: string;

  constructor(connection: FabricConnection) {
    this.gateway = new FabricGateway(connection);
    this.mspId = connection.mspId;
  }

  async applyTransitions(transitions: readonly ClaimTransition[]): Promise<AppliedTransitions> {
    // An MVCC conflict (another writer touched the same claim or service key) is a TransientError: the outcomes may differ next time.
    const { status, result } = await this.gateway.submitAndCommit(CLAIM_CONTRACT_NAME, ClaimFunction.ApplyTransitions, [JSON.stringify({ transitions })]);
    const outcomes = JSON.parse(Buffer.from(result).toString('utf8')) as ClaimTransitionOutcome[];
    return { outcomes, txId: status.transactionId, blockNumber: status.blockNumber.toString(), mspId: this.mspId };
  }

  async getClaim(claimId: string): Promise<ClaimRecord | undefined> {
    try {
      const bytes = await this.gateway.contract(CLAIM_CONTRACT_NAME).evaluateTransaction(ClaimFunction.GetClaim, claimId);
      return JSON.parse(Buffer.from(bytes).toString('utf8')) as ClaimRecord;
    } catch (err) {
      if (refusalIn(detailsOf(err), [ClaimRefusalCode.ClaimNotFound])) return undefined;
      throw err;
    }
  }

  close(): void {
    this.gateway.close();
  }
}
