// The real LedgerAnchor: @hyperledger/fabric-gateway over gRPC/TLS to a peer, as
// an organisation's client identity. Submits AnchorBatch, waits for the commit
// status, and reads a batch (and, after BATCH_EXISTS, its block) back.
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import { connect, hash, signers, type Contract, type Gateway, type Network } from '@hyperledger/fabric-gateway';
import { common } from '@hyperledger/fabric-protos';
import { TransientError } from '@carechain/messaging';
import type { AnchoredBatch, BatchAnchor, BatchRecord, LedgerAnchor } from './ledger-anchor.port';

export interface FabricConnection {
  readonly peerEndpoint: string;
  readonly tlsCaCertPath: string;
  /** The TLS name of the peer when it differs from the endpoint's host. */
  readonly hostOverride?: string;
  readonly mspId: string;
  readonly certPath: string;
  readonly keyPath: string;
  readonly channel: string;
  readonly chaincode: string;
}

const ANCHOR_CONTRACT = 'anchor';

function detailsOf(err: unknown): string {
  const e = err as { message?: string; details?: { message?: string }[] };
  return [e.message ?? String(err), ...(e.details ?? []).map((d) => d.message ?? '')].join(' | ');
}

export class FabricGatewayAnchor implements LedgerAnchor {
  private readonly client: grpc.Client;
  private readonly gateway: Gateway;
  private readonly network: Network;
  private readonly contract: Contract;

  constructor(private readonly connection: FabricConnection) {
    const options = connection.hostOverride ? { 'grpc.ssl_target_name_override': connection.hostOverride } : {};
    this.client = new grpc.Client(connection.peerEndpoint, grpc.credentials.createSsl(readFileSync(connection.tlsCaCertPath)), options);
    this.gateway = connect({
      client: this.client,
      identity: { mspId: connection.mspId, credentials: readFileSync(connection.certPath) },
      signer: signers.newPrivateKeySigner(createPrivateKey(readFileSync(connection.keyPath))),
      hash: hash.sha256,
      evaluateOptions: () => ({ deadline: Date.now() + 5_000 }),
      endorseOptions: () => ({ deadline: Date.now() + 15_000 }),
      submitOptions: () => ({ deadline: Date.now() + 5_000 }),
      commitStatusOptions: () => ({ deadline: Date.now() + 60_000 }),
    });
    this.network = this.gateway.getNetwork(connection.channel);
    this.contract = this.network.getContract(connection.chaincode, ANCHOR_CONTRACT);
  }

  async anchor(batch: BatchAnchor): Promise<AnchoredBatch> {
    try {
      const submitted = await this.contract.submitAsync('AnchorBatch', {
        arguments: [batch.batchId, batch.merkleRoot, String(batch.leafCount), batch.firstTime, batch.lastTime, JSON.stringify(batch.sourceRange)],
      });
      const status = await submitted.getStatus();
      if (!status.successful) {
        throw new TransientError(`transaction ${status.transactionId} for batch ${batch.batchId} was not committed: validation code ${status.code}`);
      }
      const record = JSON.parse(Buffer.from(submitted.getResult()).toString('utf8')) as BatchRecord;
      return { txId: status.transactionId, blockNumber: status.blockNumber.toString(), alreadyAnchored: false, anchoredAt: record.anchoredAt };
    } catch (err) {
      if (!detailsOf(err).includes('BATCH_EXISTS')) throw err;
      const record = await this.getBatch(batch.batchId);
      if (!record) throw new Error(`chaincode said batch ${batch.batchId} exists but GetBatch does not find it`);
      if (record.merkleRoot !== batch.merkleRoot || record.leafCount !== batch.leafCount) {
        throw new Error(`batch ${batch.batchId} on the chain has root ${record.merkleRoot}/${record.leafCount} leaves, recomputed ${batch.merkleRoot}/${batch.leafCount}`);
      }
      return { txId: record.txId, blockNumber: await this.blockOf(record.txId), alreadyAnchored: true, anchoredAt: record.anchoredAt };
    }
  }

  async getBatch(batchId: string): Promise<BatchRecord | undefined> {
    try {
      const bytes = await this.contract.evaluateTransaction('GetBatch', batchId);
      return JSON.parse(Buffer.from(bytes).toString('utf8')) as BatchRecord;
    } catch (err) {
      if (detailsOf(err).includes('BATCH_NOT_FOUND')) return undefined;
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
    this.client.close();
  }
}
