import 'reflect-metadata';
import { anchorArgs, hex64, positional, sourceRangeJson } from '../testing/anchor-fixtures';
import { fakeContext } from '../testing/fake-context';
import { FakeWorldState } from '../testing/fake-world-state';
import { AnchorContract } from './anchor.contract';
import type { AnchorBatchArgs } from './batch-anchor.parser';

const TX_TIME = new Date('2025-03-01T10:00:05.123Z');
const MSP = 'ProviderOrgMSP';

describe('AnchorContract', () => {
  let world: FakeWorldState;
  const contract = new AnchorContract();

  beforeEach(() => {
    world = new FakeWorldState();
  });

  async function anchor(args: AnchorBatchArgs = anchorArgs(), mspId = MSP) {
    const tx = world.begin(TX_TIME);
    const result = await contract.AnchorBatch(fakeContext(tx, mspId), ...positional(args));
    world.commit(tx);
    return { tx, result };
  }

  function query(from: string, to: string, limit: string) {
    const tx = world.begin(TX_TIME);
    return { tx, result: contract.QueryBatchesByTime(fakeContext(tx, MSP), from, to, limit) };
  }

  it('is the "anchor" contract', () => {
    expect(contract.getName()).toBe('anchor');
  });

  describe('AnchorBatch / GetBatch', () => {
    it('stores the record with the tx timestamp, submitter MSP and tx id, and returns it', async () => {
      const args = anchorArgs();
      const { result } = await anchor(args);
      const stored = await contract.GetBatch(fakeContext(world.begin(TX_TIME), 'PayerOrgMSP'), args.batchId);
      expect(stored).toBe(result);
      expect(JSON.parse(stored)).toEqual({
        batchId: args.batchId,
        merkleRoot: args.merkleRoot,
        leafCount: 100,
        firstTime: args.firstTime,
        lastTime: args.lastTime,
        sourceRange: { topic: 'records.record.v1', partition: 3, firstOffset: 100, lastOffset: 199 },
        anchoredAt: '2025-03-01T10:00:05.123Z',
        submitterMspId: MSP,
        txId: `tx-${Date.parse('2025-03-01T10:00:05.123Z')}`,
      });
    });

    it('writes only the record and its time index entry', async () => {
      const { tx } = await anchor();
      expect([...tx.writes.keys()]).toEqual([
        `anchor/batch/${anchorArgs().batchId}`,
        `anchor/batch-by-last-time/2025-03-01T10:00:02.500Z/${anchorArgs().batchId}`,
      ]);
    });

    it('emits BatchAnchored with the stored record', async () => {
      const { tx, result } = await anchor();
      expect(tx.events).toEqual([{ name: 'BatchAnchored', payload: result }]);
    });

    it('refuses a batch id it already holds with BATCH_EXISTS, writing and emitting nothing', async () => {
      await anchor();
      const retry = world.begin(TX_TIME);
      const other = anchorArgs({ merkleRoot: hex64('another root') });
      await expect(contract.AnchorBatch(fakeContext(retry, 'PayerOrgMSP'), ...positional(other))).rejects.toThrow(/^BATCH_EXISTS: /);
      expect(retry.writes.size).toBe(0);
      expect(retry.events).toEqual([]);
    });

    it("endorses identically on both organisations' peers", async () => {
      const [peerA, peerB] = [world.begin(TX_TIME), world.begin(TX_TIME)];
      const [a, b] = await Promise.all([peerA, peerB].map((tx) => contract.AnchorBatch(fakeContext(tx, MSP), ...positional(anchorArgs()))));
      expect(a).toBe(b);
      expect([...peerA.writes]).toEqual([...peerB.writes]);
      expect(peerA.events).toEqual(peerB.events);
    });

    it('refuses invalid input before touching the ledger', async () => {
      const tx = world.begin(TX_TIME);
      await expect(contract.AnchorBatch(fakeContext(tx, MSP), ...positional(anchorArgs({ leafCount: '0' })))).rejects.toThrow(/^INVALID_ARGUMENT: leafCount/);
      expect(tx.writes.size).toBe(0);
    });

    it('answers BATCH_NOT_FOUND for an unknown id and INVALID_ARGUMENT for a malformed one', async () => {
      const ctx = fakeContext(world.begin(TX_TIME), MSP);
      await expect(contract.GetBatch(ctx, hex64('unknown'))).rejects.toThrow(/^BATCH_NOT_FOUND: /);
      await expect(contract.GetBatch(ctx, 'anchor/batch/../x')).rejects.toThrow(/^INVALID_ARGUMENT: batchId/);
    });
  });

  describe('QueryBatchesByTime', () => {
    // Batches named by their window, anchored out of time order on purpose.
    const windows: Record<string, [string, string]> = {
      early: ['2025-03-01T09:00:00.000Z', '2025-03-01T09:00:01.000Z'],
      straddlesStart: ['2025-03-01T09:59:50.000Z', '2025-03-01T10:00:10.000Z'],
      inside: ['2025-03-01T10:10:00.000Z', '2025-03-01T10:10:05.000Z'],
      sameEnd: ['2025-03-01T10:10:04.000Z', '2025-03-01T10:10:05.000Z'],
      straddlesEnd: ['2025-03-01T10:29:59.000Z', '2025-03-01T10:40:00.000Z'],
      late: ['2025-03-01T10:30:00.001Z', '2025-03-01T10:30:02.000Z'],
    };
    const idOf = (name: string): string => hex64(name);

    beforeEach(async () => {
      for (const name of ['late', 'inside', 'early', 'straddlesEnd', 'sameEnd', 'straddlesStart']) {
        const [firstTime, lastTime] = windows[name];
        await anchor(anchorArgs({ batchId: idOf(name), firstTime, lastTime, sourceRange: sourceRangeJson() }));
      }
    });

    const ids = (json: string): string[] => (JSON.parse(json) as { batchId: string }[]).map((r) => r.batchId);

    it('returns the overlapping records ordered by lastTime, then batch id', async () => {
      const { result } = query('2025-03-01T10:00:00.000Z', '2025-03-01T10:30:00.000Z', '1000');
      const expected = ['straddlesStart', ...['inside', 'sameEnd'].sort((a, b) => idOf(a).localeCompare(idOf(b))), 'straddlesEnd'];
      expect(ids(await result)).toEqual(expected.map(idOf));
    });

    it('includes windows touching the query only at an instant', async () => {
      const { result } = query('2025-03-01T09:00:01.000Z', '2025-03-01T09:59:50.000Z', '10');
      expect(ids(await result)).toEqual(['early', 'straddlesStart'].map(idOf));
    });

    it('stops reading at the limit', async () => {
      const { tx, result } = query('2025-03-01T08:00:00.000Z', '2025-03-01T11:00:00.000Z', '2');
      expect(ids(await result)).toEqual(['early', 'straddlesStart'].map(idOf));
      expect(tx.scans).toHaveLength(1);
      expect(tx.scans[0].consumed).toBe(2);
    });

    it('does not scan past the longest possible batch window after the query', async () => {
      const { tx, result } = query('2025-03-01T09:00:02.000Z', '2025-03-01T09:50:00.000Z', '1000');
      expect(await result).toBe('[]');
      expect(tx.scans[0].endKey).toBe('anchor/batch-by-last-time/2025-03-01T10:05:00.000Z~');
      // straddlesStart (ends 10:00:10) is read and filtered out; nothing later is read.
      expect(tx.scans[0].consumed).toBe(1);
    });

    it.each([
      ['from after to', '2025-03-01T11:00:00.000Z', '2025-03-01T10:00:00.000Z', '10', 'fromIso must not be after toIso'],
      ['a malformed from', 'now', '2025-03-01T10:00:00.000Z', '10', 'fromIso'],
      ['a malformed to', '2025-03-01T10:00:00.000Z', '2025-03-01', '10', 'toIso'],
      ['limit 0', '2025-03-01T10:00:00.000Z', '2025-03-01T11:00:00.000Z', '0', 'limit'],
      ['limit 1001', '2025-03-01T10:00:00.000Z', '2025-03-01T11:00:00.000Z', '1001', 'limit'],
      ['limit not a number', '2025-03-01T10:00:00.000Z', '2025-03-01T11:00:00.000Z', 'all', 'limit'],
    ])('refuses %s', async (_case, from, to, limit, message) => {
      await expect(query(from, to, limit).result).rejects.toThrow(`INVALID_ARGUMENT: ${message}`);
    });
  });

  it('declares its transactions to fabric-contract-api without the context parameter', () => {
    const transactions = Reflect.getMetadata('fabric:transactions', AnchorContract.prototype) as {
      name: string;
      tag: string[];
      parameters: { name: string; schema: { type: string } }[];
    }[];
    const summary = Object.fromEntries(transactions.map((t) => [t.name, { tag: t.tag, params: t.parameters.map((p) => `${p.name}:${p.schema.type}`) }]));
    expect(summary).toEqual({
      AnchorBatch: {
        tag: ['SUBMIT', 'submitTx'],
        params: ['batchId:string', 'merkleRoot:string', 'leafCount:string', 'firstTime:string', 'lastTime:string', 'sourceRange:string'],
      },
      GetBatch: { tag: ['EVALUATE'], params: ['batchId:string'] },
      QueryBatchesByTime: { tag: ['EVALUATE'], params: ['fromIso:string', 'toIso:string', 'limit:string'] },
    });
  });
});
