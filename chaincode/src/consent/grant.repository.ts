// Storage of grant records: one JSON record per grant under the composite key
// (consent.grant, grantKey), the grant key being per-grant HMAC under the patient's salt. Composite keys live in a namespace of their own (they
// begin with U+0000, which fabric-shim forbids in simple keys), so no grant key can
// meet the anchor contract's `anchor/…` keys. Nothing here needs a
// range scan, the one thing composite keys cannot serve.
import type { ConsentLedger } from './consent-ledger.port';
import { type GrantRecord, serializeGrantRecord } from '@carechain/ledger-chaincode-api';

export const GRANT_OBJECT_TYPE = 'consent.grant';

export class GrantRepository {
  constructor(private readonly ledger: ConsentLedger) {}

  /** The stored record of a grant, or undefined. */
  async find(grantKey: string): Promise<GrantRecord | undefined> {
    const value = await this.ledger.getState(this.keyOf(grantKey));
    // Only serializeGrantRecord writes under this object type, so the shape is known.
    return value.length === 0 ? undefined : (JSON.parse(Buffer.from(value).toString('utf8')) as GrantRecord);
  }

  /** Writes the record, new or changed; returns the stored JSON. */
  async save(record: GrantRecord): Promise<string> {
    const json = serializeGrantRecord(record);
    await this.ledger.putState(this.keyOf(record.grantKey), Buffer.from(json, 'utf8'));
    return json;
  }

  private keyOf(grantKey: string): string {
    return this.ledger.createCompositeKey(GRANT_OBJECT_TYPE, [grantKey]);
  }
}
