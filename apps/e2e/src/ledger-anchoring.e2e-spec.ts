// Every event anchored on the real Fabric network with a receipt that verifies
// against a peer; tampering detected; a writer killed between submit and offset
// commit anchors nothing twice, with one batch or several in flight; a Fabric outage
// is waited out; no PHI on the chain.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { eventually, startServiceProcess, type ServiceProcess } from './support/service-process';
import { token } from './support/tokens';
import { testPatient, type TestPatient } from './support/patients';
import { testEnv, testKafkaConfig } from './support/test-env';
import { channelBlocks, pauseKafka, resumeKafka, startPeers, stopPeers } from './support/control';
import { receiptsFor } from './support/receipts';
import { verifyCli } from './support/verify-cli';

function logEntry(line: string): { msg?: string; batchId?: string } | undefined {
  try {
    return JSON.parse(line) as { msg?: string; batchId?: string };
  } catch {
    return undefined;
  }
}

describe('anchoring on the Fabric ledger', () => {
  let identity: ServiceProcess;
  let audit: ServiceProcess;
  let writer: ServiceProcess;
  let registrar: string;
  let auditor: string;
  const patients: TestPatient[] = [];

  beforeAll(async () => {
    [identity, audit, writer] = await Promise.all([startServiceProcess('identity'), startServiceProcess('audit'), startServiceProcess('ledger-writer')]);
    registrar = await token({ sub: 'registrar-l', roles: ['registrar'], org: 'hospital-a' });
    auditor = await token({ sub: 'auditor-l', roles: ['auditor'], org: 'hospital-a' });
  });

  afterAll(async () => {
    await Promise.all([identity?.stop(), audit?.stop(), writer?.stop()]);
  });

  async function register(n: number): Promise<string[]> {
    const ids: string[] = [];
    await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const patient = testPatient(patients.length + i);
        patients.push(patient);
        const res = await fetch(`${identity.url}/patients`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${registrar}` },
          body: JSON.stringify(patient.body),
        });
        expect(res.status).toBe(201);
        ids.push(((await res.json()) as { eventId: string }).eventId);
      }),
    );
    return ids;
  }

  async function proof(eventId: string): Promise<{ receipt: Record<string, unknown>; verified: { inclusion: boolean } } | undefined> {
    const res = await fetch(`${audit.url}/audit/events/${eventId}/proof`, { headers: { authorization: `Bearer ${auditor}` } });
    return res.status === 200 ? ((await res.json()) as { receipt: Record<string, unknown>; verified: { inclusion: boolean } }) : undefined;
  }

  async function eventBytes(receipt: { source: { topic: string; partition: number; offset: string } }): Promise<Buffer> {
    const kafka = new Kafka({ ...testKafkaConfig('e2e'), logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `e2e-event-${Date.now()}`, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: receipt.source.topic, fromBeginning: true });
    const bytes = await new Promise<Buffer>((resolve) => {
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          if (partition === receipt.source.partition && message.offset === receipt.source.offset) resolve(message.value ?? Buffer.alloc(0));
        },
      });
      consumer.seek({ topic: receipt.source.topic, partition: receipt.source.partition, offset: receipt.source.offset });
    });
    await consumer.disconnect();
    return bytes;
  }

  const verify = (eventFile: string, receiptFile: string, org: string) =>
    verifyCli(eventFile, receiptFile, ['--org', org, '--key-hex', testEnv('CARECHAIN_TEST_LEDGER_KEY')]);

  /** Waits until `ready`, then SIGKILLs the writer while the broker is frozen; the broker is thawed whatever happens. */
  async function killWhileFrozen(victim: ServiceProcess, what: string, ready: () => boolean, kafkaControl: () => Promise<unknown>): Promise<void> {
    try {
      await eventually(what, async () => (ready() ? true : undefined), 90_000, 10);
      await kafkaControl();
      await victim.kill();
    } finally {
      await kafkaControl();
      await resumeKafka();
    }
  }

  /** Every event has receipts, and all of them name one batch: nothing lost, nothing anchored twice. */
  async function expectEachAnchoredOnce(eventIds: readonly string[]): Promise<void> {
    const receipts = await receiptsFor(eventIds);
    expect([...receipts.keys()].sort()).toEqual([...eventIds].sort());
    for (const [eventId, list] of receipts) {
      expect({ eventId, batches: new Set(list.map((r) => r.batchId)).size }).toEqual({ eventId, batches: 1 });
    }
  }

  it('gives every registration a receipt within seconds, and each verifies against either organisation’s peer', async () => {
    const eventIds = await register(20);
    const proofs = await Promise.all(eventIds.map((id) => eventually(`receipt of ${id}`, () => proof(id), 20_000, 200)));
    expect(proofs.every((p) => p.verified.inclusion)).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), 'carechain-verify-'));
    const receipt = proofs[0]!.receipt as { source: { topic: string; partition: number; offset: string } };
    writeFileSync(join(dir, 'receipt.json'), JSON.stringify(receipt));
    const bytes = await eventBytes(receipt);
    writeFileSync(join(dir, 'event.json'), bytes);
    for (const org of ['PayerOrg', 'ProviderOrg']) {
      const result = await verify(join(dir, 'event.json'), join(dir, 'receipt.json'), org);
      expect(result.out).toMatch(/^VERIFIED: /);
      expect(result.code).toBe(0);
    }

    // One flipped byte in the stored event: the leaf no longer matches.
    const tampered = Buffer.from(bytes);
    const at = tampered.indexOf(Buffer.from('"custodian":"hospital-a"')) + 14;
    expect(at).toBeGreaterThan(14);
    tampered[at] = tampered[at]! ^ 0x01;
    writeFileSync(join(dir, 'tampered.json'), tampered);
    const bad = await verify(join(dir, 'tampered.json'), join(dir, 'receipt.json'), 'PayerOrg');
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/^NOT VERIFIED: leaf-mismatch: the event's commitment is [0-9a-f]{64} but the receipt says [0-9a-f]{64}/);
  });

  it('anchors nothing twice and loses nothing when ledger-writer is SIGKILLed between the Fabric commit and the offset commit', async () => {
    // The broker is frozen while the writer's first batch is on its way to Fabric: the
    // transaction commits on the chain, but its receipts and offsets cannot reach Kafka,
    // so the kill always lands in that window (Fabric's 100 ms block cut leaves time).
    let submitted: string | undefined;
    let kafkaControl: Promise<unknown> = Promise.resolve();
    let committed = false;
    await writer.stop();
    writer = await startServiceProcess('ledger-writer', { LEDGER_BATCH_MAX_EVENTS: '50' }, (line) => {
      const entry = logEntry(line);
      if (entry?.msg === 'submitting batch' && submitted === undefined) {
        submitted = entry.batchId;
        kafkaControl = kafkaControl.then(pauseKafka);
      } else if (entry?.msg === 'batch committed' && entry.batchId === submitted) {
        committed = true;
      } else if (entry?.msg === 'handler failed, retrying' && submitted !== undefined && line.includes(submitted) && !committed) {
        // That submission failed (it will be retried): thaw the broker and try the window again.
        submitted = undefined;
        kafkaControl = kafkaControl.then(resumeKafka);
      }
    });
    const before = writer;
    const registering = register(200); // answered once the broker is back
    await killWhileFrozen(
      before,
      'a batch committed while Kafka is frozen',
      () => committed,
      () => kafkaControl,
    );
    const killedLogs = before.logs().split('\n').map(logEntry);
    expect(killedLogs.some((e) => e?.msg === 'receipt published' && e.batchId === submitted)).toBe(false);

    writer = await startServiceProcess('ledger-writer');
    await expectEachAnchoredOnce(await registering);
    await eventually('the restarted writer to re-submit the interrupted batch', async () =>
      writer
        .logs()
        .split('\n')
        .map(logEntry)
        .some((e) => e?.msg === 'already anchored: the chaincode refused the duplicate batch id' && e.batchId === submitted)
        ? true
        : undefined,
    );
  });

  it('anchors nothing twice and loses nothing when ledger-writer is SIGKILLed with several batches in flight', async () => {
    // Small batches, four in flight per partition: the broker is frozen at the first
    // submission, so the batches in flight commit on the chain but none of their
    // receipts or offsets reaches Kafka; the kill lands once several have committed.
    const inFlight = new Set<string>();
    const committed = new Set<string>();
    let frozen = false;
    let kafkaControl: Promise<unknown> = Promise.resolve();
    await writer.stop();
    writer = await startServiceProcess('ledger-writer', { LEDGER_BATCH_MAX_EVENTS: '10', LEDGER_ANCHOR_MAX_IN_FLIGHT: '4' }, (line) => {
      const entry = logEntry(line);
      if (entry?.msg === 'submitting batch' && entry.batchId) {
        inFlight.add(entry.batchId);
        if (!frozen) {
          frozen = true;
          kafkaControl = kafkaControl.then(pauseKafka);
        }
      } else if (entry?.msg === 'batch committed' && entry.batchId && inFlight.has(entry.batchId)) {
        committed.add(entry.batchId);
      }
    });
    const before = writer;
    const registering = register(200);
    await killWhileFrozen(
      before,
      'several batches committed while Kafka is frozen',
      () => committed.size >= 2,
      () => kafkaControl,
    );
    const killedLogs = before.logs().split('\n').map(logEntry);
    const receiptedBeforeKill = killedLogs.filter((e) => e?.msg === 'receipt published').map((e) => e!.batchId);
    const interrupted = [...committed].filter((id) => !receiptedBeforeKill.includes(id));
    expect(interrupted.length).toBeGreaterThanOrEqual(2);

    writer = await startServiceProcess('ledger-writer');
    await expectEachAnchoredOnce(await registering);
    // Each batch committed before the kill is re-submitted from the written plan, and refused as already on the chain.
    await eventually('the restarted writer to re-submit every interrupted batch', async () => {
      const refused = new Set(
        writer
          .logs()
          .split('\n')
          .map(logEntry)
          .filter((e) => e?.msg === 'already anchored: the chaincode refused the duplicate batch id')
          .map((e) => e!.batchId),
      );
      return interrupted.every((id) => refused.has(id)) ? true : undefined;
    });
  });

  it('reports not-ready while the peers are down and anchors everything once they are back', async () => {
    await stopPeers();
    try {
      const eventIds = await register(10);
      await eventually(
        'ledger-writer to report not-ready',
        async () => ((await fetch(`${writer.url}/health/ready`)).status === 503 ? true : undefined),
        30_000,
        250,
      );
      const ready = (await (await fetch(`${writer.url}/health/ready`)).json()) as { checks?: Record<string, boolean> };
      expect(ready.checks?.fabric).toBe(false);
      await startPeers();
      const receipts = await receiptsFor(eventIds, 90_000);
      expect(receipts.size).toBe(eventIds.length);
      await eventually('ledger-writer to be ready again', async () => ((await fetch(`${writer.url}/health/ready`)).ok ? true : undefined), 30_000, 250);
    } finally {
      await startPeers().catch(() => undefined);
    }
  });

  it('puts no name, birth date or identifier of any test patient on the chain', async () => {
    const blocks = Buffer.concat(await channelBlocks());
    expect(blocks.length).toBeGreaterThan(0);
    const leaks = patients.flatMap((p) => p.phi).filter((s) => blocks.includes(Buffer.from(s)));
    expect(leaks).toEqual([]);
  });
});
