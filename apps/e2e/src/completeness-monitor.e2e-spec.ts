// The completeness monitor on the real Kafka, Redis and Fabric: audit reads every
// batch from each organisation's peer and accounts for every record of the anchored
// topics. A writer with the test-only fault hook leaves one event out of anchoring:
// the monitor reports the gap within seconds and raises an alert on audit.alert.v1.
// A receipt tampered with in audit's read model (a forged leaf) is a root mismatch; so
// is an event the writer anchored with a leaf that is not its record's (the same hook),
// which only recomputing the leaf from the record replayed from Kafka can tell.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { createEvent, DEMOGRAPHICS_READ_V1, encodeEvent, LEDGER_ALERT_RAISED_V1, Topics, type LedgerAlertRaisedV1 } from '@carechain/contracts';
import { readTopic } from './support/kafka-topics';
import { eventually, startServiceProcess, type ServiceProcess } from './support/service-process';
import { testEnv, testKafkaConfig } from './support/test-env';
import { token } from './support/tokens';

interface MonitorBody {
  enabled: boolean;
  organisations: string[];
  samples: { verified: number; mismatched: number; erased: number; saltUnavailable: number; held: number };
  partitions: { topic: string; partition: number; position: string | null; behindChain: number | null }[];
  findings: (LedgerAlertRaisedV1 & { kind: string; id: string })[];
}

/** audit's receipt read model (the receipt projection's keys, see @carechain/audit-domain): an event's place in its batch, and the batch's leaves. */
const receiptKey = (eventId: string) => `rm:audit.receipts:event:${eventId}`;
const batchLeavesKey = (batchId: string) => `rm:audit.receipts:batch:${batchId}:leaves`;

function demographicsRead(id: string) {
  // No subject: committed under the deployment's key, with no patient's salt to wait for.
  return createEvent({
    id,
    type: DEMOGRAPHICS_READ_V1,
    source: '/carechain/e2e',
    actor: 'dr-monitor',
    actororg: 'hospital-a',
    data: {
      accessId: randomUUID(),
      patientId: randomUUID(),
      actor: { subject: 'dr-monitor', organisation: 'hospital-a' },
      purpose: 'TREAT',
      decision: 'deny',
      denyReason: 'no-grant',
    },
  });
}

describe('the completeness monitor', () => {
  const skipped = randomUUID();
  const anchored = randomUUID();
  const forged = randomUUID();
  let audit: ServiceProcess;
  let writer: ServiceProcess;
  let officer: string;
  const kafka = new Kafka({ ...testKafkaConfig('e2e-monitor'), logLevel: logLevel.NOTHING });

  beforeAll(async () => {
    [audit, writer] = await Promise.all([
      startServiceProcess('audit', {
        AUDIT_MONITOR_INTERVAL_MS: '250',
        AUDIT_MONITOR_SAMPLE_RATE: '1',
        AUDIT_MONITOR_SAMPLE_SIZE: '64',
        AUDIT_MONITOR_SAMPLES_PER_TICK: '64',
      }),
      startServiceProcess('ledger-writer', { LEDGER_TEST_MODE: 'true', LEDGER_TEST_SKIP_EVENT_IDS: skipped, LEDGER_TEST_FORGE_EVENT_IDS: forged }),
    ]);
    officer = await token({ sub: 'dpo-monitor', roles: ['privacy-officer'], org: 'hospital-a' });
  });

  afterAll(async () => {
    await Promise.all([audit?.stop(), writer?.stop()]);
  });

  const report = async (): Promise<MonitorBody> => {
    const res = await fetch(`${audit.url}/audit/monitor`, { headers: { authorization: `Bearer ${officer}` } });
    if (res.status !== 200) throw new Error(`GET /audit/monitor: ${res.status} ${await res.text()}`);
    return (await res.json()) as MonitorBody;
  };

  it('reports an event left out of anchoring as a gap within seconds, with an alert on audit.alert.v1', async () => {
    const before = await report();
    expect(before.enabled).toBe(true);
    expect([...before.organisations].sort()).toEqual(['PayerOrg', 'ProviderOrg']);

    // The monitor has read the chain so far (what earlier specs anchored, if any).
    await eventually(
      'the monitor to catch up with the chain',
      async () => {
        const { partitions } = await report();
        const behind = partitions.filter((p) => p.behindChain !== 0);
        // Thrown, not returned: a timeout then says which partitions stayed behind, and where.
        if (behind.length > 0) throw new Error(`behind the chain: ${JSON.stringify(behind)}`);
        return true;
      },
      60_000,
      250,
    );

    // Two events on one partition (one key): the writer anchors the second and leaves the first out.
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    const key = randomUUID();
    const sentAt = Date.now();
    await producer.send({
      topic: Topics.identityAccess,
      acks: -1,
      messages: [skipped, anchored].map((id) => ({ key, value: encodeEvent(demographicsRead(id)) })),
    });
    await producer.disconnect();

    const gap = await eventually(
      'the gap in the monitor',
      async () => (await report()).findings.find((f) => f.kind === 'ledger-gap' && f.eventIds.includes(skipped)),
      60_000,
      250,
    );
    const seconds = (Date.now() - sentAt) / 1000;
    expect(seconds).toBeLessThan(30);
    expect(gap.topic).toBe(Topics.identityAccess);
    expect(gap.batchIds).toHaveLength(1);

    const alert = await eventually(
      'the gap alert on audit.alert.v1',
      async () =>
        (await readTopic(Topics.auditAlert))
          .map((r) => JSON.parse(r.value!.toString('utf8')) as { type: string; data: LedgerAlertRaisedV1 })
          .find((e) => e.type === LEDGER_ALERT_RAISED_V1 && e.data.rule === 'ledger-gap' && e.data.eventIds.includes(skipped)),
      30_000,
      1_000,
    );
    expect(alert.data).toMatchObject({ alertId: gap.id, topic: Topics.identityAccess, firstOffset: gap.firstOffset });
    // The anchored neighbour is accounted for: the partition's position is past it.
    const partition = (await report()).partitions.find((p) => p.topic === Topics.identityAccess && p.partition === alert.data.partition)!;
    expect(BigInt(partition.position!)).toBeGreaterThan(BigInt(gap.lastOffset));
  });

  it('reports a receipt tampered with in audit’s read model (a forged leaf) as a root mismatch', async () => {
    const redis = new Redis(testEnv('CARECHAIN_TEST_REDIS_URL'));
    try {
      const place = await eventually(
        'the receipt of the anchored event in audit',
        async () => (await redis.get(receiptKey(anchored))) ?? undefined,
        30_000,
        250,
      );
      const { batchId, leafIndex } = JSON.parse(place) as { batchId: string; leafIndex: number };
      const leaves = JSON.parse((await redis.get(batchLeavesKey(batchId)))!) as { receipt: { commitments: string[] } };
      expect((await report()).findings.filter((f) => f.eventIds.includes(anchored))).toEqual([]);
      const flip = (c: string) => c.replace(/^./, (x) => (x === 'f' ? '0' : 'f'));
      leaves.receipt.commitments[leafIndex] = flip(leaves.receipt.commitments[leafIndex]!);
      await redis.set(batchLeavesKey(batchId), JSON.stringify(leaves));
      const mismatch = await eventually(
        'the root mismatch in the monitor',
        async () => (await report()).findings.find((f) => f.kind === 'root-mismatch' && f.eventIds.includes(anchored)),
        30_000,
        250,
      );
      expect(mismatch.detail).toContain('does not lead to its root');
    } finally {
      redis.disconnect();
    }
  });

  it('reports an event anchored with a leaf that is not its record’s as a root mismatch, found by recomputing the leaf from the Kafka record', async () => {
    const before = (await report()).samples;
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    await producer.send({ topic: Topics.identityAccess, acks: -1, messages: [{ key: randomUUID(), value: encodeEvent(demographicsRead(forged)) }] });
    await producer.disconnect();
    const mismatch = await eventually(
      'the forged event in the monitor',
      async () => (await report()).findings.find((f) => f.kind === 'root-mismatch' && f.eventIds.includes(forged)),
      60_000,
      250,
    );
    // The receipt and the chain agree with each other: only the record replayed from Kafka gives it away.
    expect(mismatch.detail).toContain("the record replayed from Kafka does not make the receipt's leaf");
    expect(mismatch.topic).toBe(Topics.identityAccess);
    // Not a gap: the record is on the chain, exactly once.
    expect((await report()).findings.filter((f) => f.kind !== 'root-mismatch' && f.eventIds.includes(forged))).toEqual([]);
    const after = (await report()).samples;
    expect(after.mismatched).toBeGreaterThan(before.mismatched);
    // Honest events re-verify end to end, leaf included (the anchored neighbour of the first scenario among them).
    expect(after.verified).toBeGreaterThan(0);
  });
});
