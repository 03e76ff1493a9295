// Every batch on the chain as one organisation's peer holds it, for the completeness
// monitor: the anchor contract's BatchAnchored chaincode events, replayed from block 0
// and then followed, through the Fabric Gateway with that organisation's identity.
// Chosen over a new query by source range because the events already carry the whole
// stored record, arrive in commit order with no polling, come only from valid
// transactions, and need no chaincode upgrade; a peer's own copy of the chain is what
// is read, so two organisations' feeds can be compared. After a broken stream it
// resumes from the last event seen (a repeat is harmless: batches are keyed by id).
import { checkpointers, type Checkpointer } from '@hyperledger/fabric-gateway';
import { BATCH_ANCHORED_EVENT, type BatchRecord } from '@carechain/ledger-chaincode-api';
import { FabricGateway, type FabricConnection } from './fabric-gateway';

export interface FeedBatch {
  readonly record: BatchRecord;
  readonly blockNumber: bigint;
}

export class FabricBatchFeed {
  private readonly gateway: FabricGateway;
  private readonly checkpoint: Checkpointer = checkpointers.inMemory();
  private close_: (() => void) | undefined;
  private closed = false;

  constructor(readonly connection: FabricConnection) {
    this.gateway = new FabricGateway(connection);
  }

  /** The batches from block 0 on, then each new one as its block commits; ends (throws) when the stream breaks. */
  async *batches(): AsyncGenerator<FeedBatch> {
    const events = await this.gateway.network.getChaincodeEvents(this.connection.chaincode, { startBlock: 0n, checkpoint: this.checkpoint });
    this.close_ = () => events.close();
    try {
      for await (const event of events) {
        if (event.eventName === BATCH_ANCHORED_EVENT) {
          yield { record: JSON.parse(Buffer.from(event.payload).toString('utf8')) as BatchRecord, blockNumber: event.blockNumber };
        }
        await this.checkpoint.checkpointChaincodeEvent(event);
      }
    } finally {
      events.close();
    }
  }

  isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    this.closed = true;
    this.close_?.();
    this.gateway.close();
  }
}
