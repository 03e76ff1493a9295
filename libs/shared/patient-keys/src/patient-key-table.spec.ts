import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { createEvent, KEYS_ISSUED_V1, validateEvent, type KeysIssuedV1 } from '@carechain/contracts';
import { CryptoError, generatePatientKeyVersion, LocalKeyringKms, wrapPatientKeyVersion, type KeyManagementService } from '@carechain/crypto';
import type { ReplicatedRecord } from '@carechain/messaging';
import { PatientKeyTable } from './patient-key-table';

const patientId = '6f1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f';

async function kms(): Promise<KeyManagementService> {
  return LocalKeyringKms.open(join(mkdtempSync(join(tmpdir(), 'keys-')), 'keyring.json'), { createIfMissing: true });
}

async function issued(k: KeyManagementService, versions = 1): Promise<KeysIssuedV1> {
  const all = Array.from({ length: versions }, (_, i) => generatePatientKeyVersion(i + 1));
  return { patientId, versions: await Promise.all(all.map((v) => wrapPatientKeyVersion(k, patientId, v))) };
}

function record(data: KeysIssuedV1 | null): ReplicatedRecord {
  const event = data && validateEvent(createEvent({ type: KEYS_ISSUED_V1, source: '/test', subject: patientId, data }));
  return { topic: 'identity.keys.v1', partition: 0, offset: '0', key: patientId, event, traceContext: ROOT_CONTEXT } as ReplicatedRecord;
}

describe('PatientKeyTable', () => {
  it('unwraps every version and serves the newest as current', async () => {
    const k = await kms();
    const table = new PatientKeyTable(k);
    await table.apply(record(await issued(k, 2)));
    expect(table.current(patientId)?.version).toBe(2);
    expect(table.version(patientId, 1)?.dataKey).toHaveLength(32);
  });

  it('shreds on a tombstone, ignores a replayed KeysIssued afterwards, and says why in require()', async () => {
    const k = await kms();
    const table = new PatientKeyTable(k);
    const data = await issued(k);
    await table.apply(record(data));
    const held = table.current(patientId)!;
    await table.apply(record(null));
    expect(table.current(patientId)).toBeUndefined();
    expect(held.dataKey.every((b) => b === 0)).toBe(true);
    await table.apply(record(data));
    expect(table.current(patientId)).toBeUndefined();
    expect(() => table.require(patientId)).toThrow(CryptoError);
  });

  it('lets a reader wait for keys that have not arrived yet, and tells listeners', async () => {
    const k = await kms();
    const table = new PatientKeyTable(k);
    const told: string[] = [];
    table.onKeys((id) => told.push(id));
    const waiting = table.awaitCurrent(patientId, 5_000);
    await table.apply(record(await issued(k)));
    await expect(waiting).resolves.toMatchObject({ version: 1 });
    expect(told).toEqual([patientId]);
    await expect(table.awaitCurrent('00000000-0000-4000-8000-000000000000', 20)).rejects.toThrow(CryptoError);
  });
});
