// Storage of claim records and duplicate-billing keys. A Fabric transaction does not
// read its own writes, yet one ApplyTransitions may carry two claims billing the same
// service, so the repository reads through what it wrote in this transaction first.
import { type ClaimRecord, serializeClaimRecord } from '@carechain/ledger-chaincode-api';
import type { ClaimLedger } from './claim-ledger.port';
import { claimKey, serviceKey } from './claim-keys';

export class ClaimRepository {
  private readonly written = new Map<string, string>();

  constructor(private readonly ledger: ClaimLedger) {}

  /** The stored JSON of a claim, or undefined. */
  async findJson(claimId: string): Promise<string | undefined> {
    return this.read(claimKey(claimId));
  }

  async find(claimId: string): Promise<ClaimRecord | undefined> {
    const json = await this.findJson(claimId);
    // Only serializeClaimRecord writes under claim/claim/, so the shape is known.
    return json === undefined ? undefined : (JSON.parse(json) as ClaimRecord);
  }

  async save(record: ClaimRecord): Promise<void> {
    await this.write(claimKey(record.claimId), serializeClaimRecord(record));
  }

  /** The id of the claim that bills the service, or undefined. */
  async serviceHolder(serviceCommitment: string): Promise<string | undefined> {
    return this.read(serviceKey(serviceCommitment));
  }

  async holdService(serviceCommitment: string, claimId: string): Promise<void> {
    await this.write(serviceKey(serviceCommitment), claimId);
  }

  private async read(key: string): Promise<string | undefined> {
    const own = this.written.get(key);
    if (own !== undefined) return own;
    const value = await this.ledger.getState(key);
    return value.length === 0 ? undefined : Buffer.from(value).toString('utf8');
  }

  private async write(key: string, value: string): Promise<void> {
    this.written.set(key, value);
    await this.ledger.putState(key, Buffer.from(value, 'utf8'));
  }
}
