// One gateway connection to a peer as an organisation's client identity, shared
// by the anchor and consent adapters.
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import { connect, hash, signers, type Contract, type Gateway, type Network, type Status } from '@hyperledger/fabric-gateway';
import { TransientError } from '@carechain/messaging';
import { histogram, METRICS, secondsSince } from '@carechain/telemetry';

const submitDuration = histogram(METRICS.fabricSubmitDuration);

/** A committed transaction: its status and the chaincode's result. */
export interface Committed {
  readonly status: Status;
  readonly result: Uint8Array;
}

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

/** The error text of a gateway error, including each endorser's message. */
export function detailsOf(err: unknown): string {
  const e = err as { message?: string; details?: { message?: string }[] };
  return [e.message ?? String(err), ...(e.details ?? []).map((d) => d.message ?? '')].join(' | ');
}

export class FabricGateway {
  private readonly client: grpc.Client;
  private readonly gateway: Gateway;
  readonly network: Network;

  constructor(readonly connection: FabricConnection) {
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
  }

  contract(name: string): Contract {
    return this.network.getContract(this.connection.chaincode, name);
  }

  /**
   * Endorse, order and wait for the commit of one transaction. A transaction the
   * peers did not validate is a TransientError (the caller retries); a chaincode
   * refusal is thrown as the gateway's error, for the caller to read its code.
   * Each call is timed by function and outcome (committed, refused, failed).
   */
  async submitAndCommit(contractName: string, fn: string, args: readonly string[], isRefusal: (err: unknown) => boolean = () => false): Promise<Committed> {
    const started = performance.now();
    let outcome = 'failed';
    try {
      const submitted = await this.contract(contractName).submitAsync(fn, { arguments: [...args] });
      const status = await submitted.getStatus();
      if (!status.successful) throw new TransientError(`${fn} transaction ${status.transactionId} was not committed: validation code ${status.code}`);
      outcome = 'committed';
      return { status, result: submitted.getResult() };
    } catch (err) {
      if (isRefusal(err)) outcome = 'refused';
      throw err;
    } finally {
      submitDuration.record(secondsSince(started), {
        'carechain.fabric.function': `${contractName}:${fn}`,
        'carechain.fabric.outcome': outcome,
        'carechain.fabric.msp': this.connection.mspId,
      });
    }
  }

  close(): void {
    this.gateway.close();
    this.client.close();
  }
}
