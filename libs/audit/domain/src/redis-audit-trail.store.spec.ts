import { AuditWorld, CLINIC, CUSTODIAN } from './testing/audit-world';
import { receiptPathHolds } from '@carechain/ledger-verify';
import { decodeCursor, encodeCursor } from './trail-cursor';
import { batchLeavesKey, type StoredBatchLeaves } from './receipt.projection';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));

describe('RedisAuditTrailStore', () => {
  let world: AuditWorld;
  let patientId: string;

  beforeEach(() => {
    world = new AuditWorld();
    patientId = world.registerPatient(CUSTODIAN, at(0));
  });

  const readAll = async (query: { from?: number; to?: number; limit: number }) => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await world.store.page({ kind: 'patient', patientId }, { ...query, ...(cursor !== undefined && { cursor }) });
      seen.push(...page.entries.map((e) => e.eventId));
      if (page.next === null) return seen;
      cursor = page.next;
    }
    throw new Error('paging did not end');
  };

  it('pages a trail of more than 1,000 events oldest first, with no cap and nothing twice', async () => {
    const ids = [];
    for (let i = 0; i < 1200; i++) ids.push(world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: new Date(at(1).getTime() + i * 1000) }).id);
    const seen = await readAll({ limit: 250 });
    expect(seen).toHaveLength(1201);
    expect(seen.slice(1)).toEqual(ids);
  });

  it('keeps pages stable while events are written: later events join the end, none is repeated or skipped', async () => {
    const first = [1, 2, 3, 4].map((m) => world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: at(m) }).id);
    const page1 = await world.store.page({ kind: 'patient', patientId }, { limit: 3 });
    expect(page1.entries.map((e) => e.eventId).slice(1)).toEqual(first.slice(0, 2));
    // Written while the reader holds page 1: one at the time of the page's last entry (a tie), one later.
    const tie = world.access({ patientId, actor: 'dr-x', organisation: CLINIC, time: at(2) }).id;
    const later = world.access({ patientId, actor: 'dr-y', organisation: CLINIC, time: at(9) }).id;
    const rest: string[] = [];
    let cursor = page1.next;
    while (cursor !== null) {
      const page = await world.store.page({ kind: 'patient', patientId }, { limit: 3, cursor });
      rest.push(...page.entries.map((e) => e.eventId));
      cursor = page.next;
    }
    const all = [...page1.entries.map((e) => e.eventId), ...rest];
    expect(new Set(all).size).toBe(all.length);
    expect(rest).toEqual(expect.arrayContaining([first[2], first[3], later]));
    // The tie sorts by event id within its millisecond: after the cursor or before it, never both.
    expect(all.filter((id) => id === tie).length).toBeLessThanOrEqual(1);
  });

  it('filters by an inclusive time range with index reads only', async () => {
    const ids = [1, 2, 3, 4, 5].map((m) => world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: at(m) }).id);
    world.redis.rangeReads = 0;
    const page = await world.store.page({ kind: 'patient', patientId }, { from: at(2).getTime(), to: at(4).getTime(), limit: 10 });
    expect(page.entries.map((e) => e.eventId)).toEqual(ids.slice(1, 4));
    expect(page.next).toBeNull();
    expect(world.redis.rangeReads).toBe(1);
    expect((await world.store.page({ kind: 'patient', patientId }, { from: at(5).getTime(), to: at(1).getTime(), limit: 10 })).entries).toEqual([]);
  });

  it('indexes by actor within their organisation, and by organisation within a patient', async () => {
    const other = world.registerPatient(CUSTODIAN, at(0));
    const mine = [
      world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: at(1) }).id,
      world.access({ patientId: other, actor: 'dr-who', organisation: CLINIC, time: at(2) }).id,
    ];
    world.access({ patientId, actor: 'dr-who', organisation: 'lab-c', time: at(3) });
    world.access({ patientId, actor: 'dr-house', organisation: CUSTODIAN, time: at(4), basis: 'custodian' });
    const byActor = await world.store.page({ kind: 'actor', organisation: CLINIC, actor: 'dr-who' }, { limit: 10 });
    expect(byActor.entries.map((e) => e.eventId)).toEqual(mine);
    const byOrg = await world.store.page({ kind: 'patient-organisation', patientId, organisation: CLINIC }, { limit: 10 });
    expect(byOrg.entries.map((e) => e.eventId)).toEqual([mine[0]]);
  });

  it('indexes as disclosures only permitted reads on a grant or by break-glass, and shares', async () => {
    const grant = world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: at(1), grantId: '11111111-1111-4111-8111-111111111111' }).id;
    world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: at(2), decision: 'deny' });
    world.access({ patientId, actor: 'dr-house', organisation: CUSTODIAN, time: at(3), basis: 'custodian' });
    world.access({ patientId, actor: patientId, organisation: CUSTODIAN, time: at(4), basis: 'patient', purpose: 'PATRQT' });
    const glass = world.access({
      patientId,
      actor: 'dr-er',
      organisation: 'er-d',
      time: at(5),
      breakGlassReason: 'unconscious on arrival, allergies unknown',
    }).id;
    const share = world.share(patientId, CLINIC, at(6)).id;
    const page = await world.store.page({ kind: 'disclosures', patientId }, { limit: 10 });
    expect(page.entries.map((e) => e.eventId)).toEqual([grant, glass, share]);
  });
});

describe('RedisAuditTrailStore with per-batch receipts', () => {
  let world: AuditWorld;
  let patientId: string;

  beforeEach(() => {
    world = new AuditWorld();
    patientId = world.registerPatient(CUSTODIAN, at(0));
  });

  it("derives each event's receipt from its batch: the fields a per-event receipt had, with an audit path to the batch's root", async () => {
    const reads = [1, 2, 3, 4, 5].map((m) => world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: at(m) }));
    const { batchId, merkleRoot } = world.anchorBatch(reads);
    for (const [leafIndex, read] of reads.entries()) {
      const stored = await world.store.receipt(read.id);
      expect(stored?.verified.inclusion).toBe(true);
      const r = stored!.receipt;
      expect(r).toMatchObject({
        eventId: read.id,
        eventType: read.type,
        batchId,
        merkleRoot,
        leafIndex,
        treeSize: 5,
        saltVersion: 'patient:v1',
        blockNumber: '43',
        source: { topic: 'records.access.v1', partition: 1, offset: String(100 + 2 * leafIndex) },
      });
      expect(receiptPathHolds(r)).toBe(true);
    }
    expect(await world.store.receipt('not-an-event')).toBeUndefined();
  });

  it('serves the leaves as stored now: a leaf changed in Redis after its tree was built breaks the proof at once', async () => {
    const reads = [1, 2, 3].map((m) => world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: at(m) }));
    const { batchId } = world.anchorBatch(reads);
    expect((await world.store.receipt(reads[1]!.id))?.verified.inclusion).toBe(true);
    const key = batchLeavesKey(batchId);
    const doc = JSON.parse((await world.redis.get(key))!) as StoredBatchLeaves;
    const forged = { ...doc, receipt: { ...doc.receipt, commitments: doc.receipt.commitments.map((c, i) => (i === 1 ? 'f'.repeat(64) : c)) } };
    world.redis.apply([['SET', key, JSON.stringify(forged)]]);
    const served = (await world.store.receipt(reads[1]!.id))!.receipt;
    expect(served.commitment).toBe('f'.repeat(64));
    expect(receiptPathHolds(served)).toBe(false);
  });

  it('marks entries anchored from per-batch and per-event receipts alike, and a batch whose leaves miss its root as not verified', async () => {
    const old = world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: at(1) });
    world.anchor(old);
    const batched = [2, 3].map((m) => world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: at(m) }));
    const { batchId } = world.anchorBatch(batched);
    const tampered = world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: at(4) });
    world.anchorBatch([tampered], true);
    const unanchored = world.access({ patientId, actor: 'dr-who', organisation: CLINIC, time: at(5) });
    const page = await world.store.page({ kind: 'patient', patientId }, { from: at(1).getTime(), limit: 10 });
    const anchored = new Map(page.entries.map((e) => [e.eventId, e.anchored]));
    expect(anchored.get(old.id)).toMatchObject({ txId: 'tx-1', blockNumber: '42', inclusionVerified: true });
    for (const read of batched)
      expect(anchored.get(read.id)).toEqual({ batchId, txId: `tx-${batchId.slice(0, 8)}`, blockNumber: '43', inclusionVerified: true });
    expect(anchored.get(tampered.id)).toMatchObject({ inclusionVerified: false });
    expect(anchored.get(unanchored.id)).toBeNull();
    expect((await world.store.receipt(tampered.id))?.verified.inclusion).toBe(false);
  });
});

describe('trail cursor', () => {
  it('round-trips a position and refuses anything else', () => {
    const c = encodeCursor({ time: 1767261600000, eventId: '6f1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f' });
    expect(decodeCursor(c)).toEqual({ time: 1767261600000, eventId: '6f1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f' });
    for (const bad of [
      '',
      'not a cursor!',
      Buffer.from('x|y').toString('base64url'),
      Buffer.from('12|').toString('base64url'),
      Buffer.from('12|a b').toString('base64url'),
    ])
      expect(decodeCursor(bad)).toBeUndefined();
  });
});
