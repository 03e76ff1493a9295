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
import { TransientError } from '@carechain/messaging';
import { detailsOf, FabricGateway, type FabricConnection } from './fabric-gateway';

export class FabricClaimChain implements ClaimChain {
  private readonly gateway: FabricGateway;
  readonly mspId: string;

  constructor(connection: FabricConnection) {
    this.gateway = new FabricGateway(connection);
    this.mspId = connection.mspId;
  }

  async applyTransitions(transitions: readonly ClaimTransition[]): Promise<AppliedTransitions> {
    const submitted = await this.gateway.contract(CLAIM_CONTRACT_NAME).submitAsync(ClaimFunction.ApplyTransitions, {
      arguments: [JSON.stringify({ transitions })],
    });
    const status = await submitted.getStatus();
    // An MVCC conflict (another writer touched the same claim or service key) is worth a retry: the outcomes may differ next time.
    if (!status.successful) throw new TransientError(`ApplyTransitions transaction ${status.transactionId} was not committed: validation code ${status.code}`);
    const outcomes = JSON.parse(Buffer.from(submitted.getResult()).toString('utf8')) as ClaimTransitionOutcome[];
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
