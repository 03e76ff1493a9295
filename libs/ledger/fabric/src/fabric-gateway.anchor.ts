// The real LedgerAnchor: @hyperledger/fabric-gateway over gRPC/TLS to a peer, as
// an organisation's client identity. Submits AnchorBatch, waits for the commit
// status, and reads a batch (and, after BATCH_EXISTS, its block) back.
import { common } from '@hyperledger/fabric-protos';
import type { Contract, Network } from '@hyperledger/fabric-gateway';
import {
  ANCHOR_CONTRACT_NAME,
  type AnchoredBatch,
  type BatchAnchor,
  type BatchRecord,
  AnchorErrorCode,
  AnchorFunction,
  type LedgerAnchor,
  refusalIn,
} from '@carechain/ledger-chaincode-api';
import { detailsOf, FabricGateway, type FabricConnection } from './fabric-gateway';

export type { FabricConnection } from './fabric-gateway';

export class FabricGatewayAnchor implements LedgerAnchor {
  private readonly gateway: FabricGateway;
  private readonly network: Network;
  private readonly contract: Contract;

  constructor(private readonly connection: FabricConnection) {
    this.gateway = new FabricGateway(connection);
    this.network = this.gateway.network;
    this.contract = this.gateway.contract(ANCHOR_CONTRACT_NAME);
  }

  async anchor(batch: BatchAnchor): Promise<AnchoredBatch> {
    try {
      const args = [batch.batchId, batch.merkleRoot, String(batch.leafCount), batch.firstTime, batch.lastTime, JSON.stringify(batch.sourceRange)];
      const { status, result } = await this.gateway.submitAndCommit(
        ANCHOR_CONTRACT_NAME,
        AnchorFunction.AnchorBatch,
        args,
        (err) => refusalIn(detailsOf(err), [AnchorErrorCode.BatchExists]) !== undefined,
      );
      const record = JSON.parse(Buffer.from(result).toString('utf8')) as BatchRecord;
      return { txId: status.transactionId, blockNumber: status.blockNumber.toString(), alreadyAnchored: false, anchoredAt: record.anchoredAt };
    } catch (err) {
      if (!refusalIn(detailsOf(err), [AnchorErrorCode.BatchExists])) throw err;
      const record = await this.getBatch(batch.batchId);
      if (!record) throw new Error(`chaincode said batch ${batch.batchId} exists but GetBatch does not find it`);
      if (record.merkleRoot !== batch.merkleRoot || record.leafCount !== batch.leafCount) {
        throw new Error(
          `batch ${batch.batchId} on the chain has root ${record.merkleRoot}/${record.leafCount} leaves, recomputed ${batch.merkleRoot}/${batch.leafCount}`,
        );
      }
      return { txId: record.txId, blockNumber: await this.blockOf(record.txId), alreadyAnchored: true, anchoredAt: record.anchoredAt };
    }
  }

  async getBatch(batchId: string): Promise<BatchRecord | undefined> {
    try {
      const bytes = await this.contract.evaluateTransaction(AnchorFunction.GetBatch, batchId);
      return JSON.parse(Buffer.from(bytes).toString('utf8')) as BatchRecord;
    } catch (err) {
      if (refusalIn(detailsOf(err), [AnchorErrorCode.BatchNotFound])) return undefined;
      throw err;
    }
  }

  /** The block holding a transaction, through the peer's query system chaincode. */
  private async blockOf(txId: string): Promise<string> {
    const bytes = await this.network.getContract('qscc').evaluateTransaction('GetBlockByTxID', this.connection.channel, txId);
    return String(common.Block.deserializeBinary(bytes).getHeader()?.getNumber() ?? '');
  }

  close(): void {
    this.gateway.close();
  }
}
