// Where each anchored record event sits on the chain: its leaf, batch and inclusion
// proof (the fields of its receipt), by event id. The anchoring handler writes it as
// it issues receipts; the claim processor reads it to prove, to the ClaimContract,
// that the care a claim item bills was documented and anchored.
import type { Redis } from 'ioredis';
import type { DocumentationProof } from '@carechain/ledger-chaincode-api';

export interface DocumentationIndex {
  putAll(entries: ReadonlyMap<string, DocumentationProof>): Promise<void>;
  /** The proofs known for `eventIds` (missing ones are absent from the map). */
  getAll(eventIds: readonly string[]): Promise<Map<string, DocumentationProof>>;
}

export class RedisDocumentationIndex implements DocumentationIndex {
  constructor(
    private readonly redis: Redis,
    private readonly key = 'ledger-writer:documentation',
  ) {}

  async putAll(entries: ReadonlyMap<string, DocumentationProof>): Promise<void> {
    if (entries.size === 0) return;
    await this.redis.hset(this.key, Object.fromEntries([...entries].map(([eventId, proof]) => [eventId, JSON.stringify(proof)])));
  }

  async getAll(eventIds: readonly string[]): Promise<Map<string, DocumentationProof>> {
    const found = new Map<string, DocumentationProof>();
    if (eventIds.length === 0) return found;
    const values = await this.redis.hmget(this.key, ...eventIds);
    values.forEach((value, i) => {
      if (value !== null) found.set(eventIds[i]!, JSON.parse(value) as DocumentationProof);
    });
    return found;
  }
}
