// Reads ledger receipts from Kafka: every receipt ever issued for the given events,
// so a spec can check that each event was anchored in exactly one batch. A receipt
// is one per batch (its event ids in leaf order) or, before, one per event.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import { testKafkaConfig } from './test-env';

export interface ReceiptData {
  eventId: string;
  batchId: string;
  merkleRoot: string;
  txId: string;
}

interface BatchReceiptData {
  eventIds: string[];
  batchId: string;
  merkleRoot: string;
  txId: string;
}

export async function receiptsFor(eventIds: readonly string[], timeoutMs = 60_000): Promise<Map<string, ReceiptData[]>> {
  const wanted = new Set(eventIds);
  const found = new Map<string, ReceiptData[]>();
  const kafka = new Kafka({ ...testKafkaConfig('e2e-receipts'), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `e2e-receipts-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic: 'ledger.receipt.v1', fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const data = (JSON.parse(message.value?.toString() ?? '{}') as { data?: ReceiptData | BatchReceiptData }).data;
      const perEvent = data === undefined ? [] : 'eventIds' in data ? data.eventIds.map((eventId) => ({ ...data, eventId })) : [data];
      for (const r of perEvent) if (wanted.has(r.eventId)) found.set(r.eventId, [...(found.get(r.eventId) ?? []), r]);
    },
  });
  const deadline = Date.now() + timeoutMs;
  while (found.size < wanted.size && Date.now() < deadline) await sleep(200);
  await sleep(1_000); // late duplicates, if any, must be seen too
  await consumer.disconnect();
  return found;
}
