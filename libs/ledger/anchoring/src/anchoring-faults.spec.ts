import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsumedRecord, RecordBatch } from '@carechain/messaging';
import { createLogger } from '@carechain/telemetry';
import { anchoringFaultsOf } from './anchoring-faults';

const logger = createLogger('test', 'silent');
const record = (offset: number, id: string) => ({ topic: 't', partition: 0, offset: String(offset), event: { id, source: '/s' } }) as unknown as ConsumedRecord;
const batch: RecordBatch = { topic: 't', partition: 0, records: [record(0, 'a'), record(1, 'b'), record(2, 'c')], lastOffset: '2' };
const devnet = {
  LEDGER_TEST_MODE: true,
  LEDGER_TEST_SKIP_EVENT_IDS: ['b'],
  LEDGER_TEST_FORGE_EVENT_IDS: [],
  FABRIC_NETWORK_FILE: '/state/fabric/network.json',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the anchoring fault hook', () => {
  it('is off by default', () => {
    expect(anchoringFaultsOf({ LEDGER_TEST_MODE: false, LEDGER_TEST_SKIP_EVENT_IDS: [], LEDGER_TEST_FORGE_EVENT_IDS: [] }, logger)).toEqual({ problems: [] });
  });

  it('is refused without test mode, naming the variable', () => {
    const { faults, problems } = anchoringFaultsOf({ ...devnet, LEDGER_TEST_MODE: false }, logger);
    expect(faults).toBeUndefined();
    expect(problems).toEqual([expect.stringContaining('LEDGER_TEST_MODE=true')]);
  });

  it('is refused outside a devnet (a peer named variable by variable, as a deployment does), even in test mode', () => {
    const { faults, problems } = anchoringFaultsOf({ ...devnet, FABRIC_NETWORK_FILE: undefined }, logger);
    expect(faults).toBeUndefined();
    expect(problems).toEqual([expect.stringContaining('outside a devnet')]);
  });

  it('leaves the named events out of the batch and keeps its end offset (it counts as processed)', () => {
    const { faults } = anchoringFaultsOf(devnet, logger);
    const out = faults!.apply(batch);
    expect(out.records.map((r) => r.event.id)).toEqual(['a', 'c']);
    expect(out.lastOffset).toBe('2');
    expect(faults!.apply({ ...batch, records: [record(0, 'a')] }).records).toHaveLength(1);
  });

  it('anchors a named event altered (its leaf is not its record’s), in place, keeping its id; refused without test mode too', () => {
    const { faults } = anchoringFaultsOf({ ...devnet, LEDGER_TEST_SKIP_EVENT_IDS: [], LEDGER_TEST_FORGE_EVENT_IDS: ['c'] }, logger);
    const out = faults!.apply(batch);
    expect(out.records.map((r) => [r.offset, r.event.id, r.event.source])).toEqual([
      ['0', 'a', '/s'],
      ['1', 'b', '/s'],
      ['2', 'c', '/s#forged-by-test-fault'],
    ]);
    expect(batch.records[2]!.event.source).toBe('/s');
    const refused = anchoringFaultsOf({ ...devnet, LEDGER_TEST_MODE: false, LEDGER_TEST_SKIP_EVENT_IDS: [], LEDGER_TEST_FORGE_EVENT_IDS: ['c'] }, logger);
    expect(refused.faults).toBeUndefined();
    expect(refused.problems).toEqual([expect.stringContaining('LEDGER_TEST_FORGE_EVENT_IDS')]);
  });

  it('cannot be switched on by the Helm chart: it never names the test settings', () => {
    const chart = join(__dirname, '..', '..', '..', '..', 'helm', 'carechain');
    const naming = filesUnder(chart).filter((f) => /LEDGER_TEST_/.test(readFileSync(f, 'utf8')));
    expect(naming).toEqual([]);
  });
});
