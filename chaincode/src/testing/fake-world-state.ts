// An in-memory stand-in for a peer's world state and the stub of one transaction,
// faithful where the anchor and consent contracts' correctness depends on it:
// - a transaction does not read its own writes; they land only on commit(),
// - a missing key reads as an empty value,
// - range scans order keys by their UTF-8 bytes (LevelDB), end key exclusive, and
//   refuse composite keys as fabric-shim does,
// - composite keys are built, and their parts checked, as fabric-shim builds them,
// - each scan records how many entries were consumed, to prove a query is bounded.
import type { AnchorLedger, LedgerEntry } from '../anchor/anchor-ledger.port';
import type { ConsentLedger } from '../consent/consent-ledger.port';

export interface RangeScan {
  readonly startKey: string;
  readonly endKey: string;
  consumed: number;
}

export interface EmittedEvent {
  readonly name: string;
  readonly payload: string;
}

export class FakeTransaction implements AnchorLedger, ConsentLedger {
  readonly writes = new Map<string, Buffer>();
  readonly events: EmittedEvent[] = [];
  readonly scans: RangeScan[] = [];

  constructor(
    private readonly committed: ReadonlyMap<string, Buffer>,
    private readonly timestamp: Date,
  ) {}

  async getState(key: string): Promise<Uint8Array> {
    return this.committed.get(key) ?? Buffer.alloc(0);
  }

  async putState(key: string, value: Uint8Array): Promise<void> {
    this.writes.set(key, Buffer.from(value));
  }

  getStateByRange(startKey: string, endKey: string): AsyncIterable<LedgerEntry> {
    if (startKey.startsWith('\u0000') || endKey.startsWith('\u0000')) {
      throw new Error('getStateByRange: composite keys are not simple keys');
    }
    const scan: RangeScan = { startKey, endKey, consumed: 0 };
    this.scans.push(scan);
    const start = Buffer.from(startKey, 'utf8');
    const end = Buffer.from(endKey, 'utf8');
    const entries = [...this.committed.entries()]
      .map(([key, value]) => ({ key, value, bytes: Buffer.from(key, 'utf8') }))
      .filter(({ bytes }) => Buffer.compare(bytes, start) >= 0 && Buffer.compare(bytes, end) < 0)
      .sort((a, b) => Buffer.compare(a.bytes, b.bytes));
    return (async function* () {
      for (const { key, value } of entries) {
        scan.consumed++;
        yield { key, value };
      }
    })();
  }

  createCompositeKey(objectType: string, attributes: string[]): string {
    for (const part of [objectType, ...attributes]) {
      if (typeof part !== 'string' || part.length === 0) {
        throw new Error('object type or attribute not a non-zero length string');
      }
    }
    return `\u0000${objectType}\u0000${attributes.map((attribute) => `${attribute}\u0000`).join('')}`;
  }

  setEvent(name: string, payload: Uint8Array): void {
    // Fabric keeps only the last event a transaction sets.
    this.events.splice(0, this.events.length, { name, payload: Buffer.from(payload).toString('utf8') });
  }

  getDateTimestamp(): Date {
    return new Date(this.timestamp.getTime());
  }

  getTxID(): string {
    // Deterministic per transaction, like Fabric's (which hashes the nonce and creator).
    return `tx-${this.timestamp.getTime()}`;
  }
}

export class FakeWorldState {
  readonly state = new Map<string, Buffer>();

  begin(timestamp: Date): FakeTransaction {
    return new FakeTransaction(this.state, timestamp);
  }

  commit(tx: FakeTransaction): void {
    tx.writes.forEach((value, key) => this.state.set(key, value));
  }
}
