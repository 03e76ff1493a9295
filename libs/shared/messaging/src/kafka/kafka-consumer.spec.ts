// One fetched batch through KafkaEventConsumer, against kafkajs played in memory: what
// the handler is given, what is dead-lettered and which offset is committed when some
// records are of types the handler does not handle.
import type { EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { encodeEvent, PATIENT_ERASED_V1, PATIENT_REGISTERED_V1, type CloudEvent } from '@carechain/contracts';
import { createLogger } from '@carechain/telemetry';
import { DlqHeaders } from '../dead-letter';
import type { RecordBatch } from '../ports';
import { RecordingPublisher, SAMPLE_PATIENT_ID as patientId, samplePatientErased as erased, samplePatientRegistered as registered } from '../testing';
import { KafkaEventConsumer } from './kafka-consumer';
import { CE_TYPE_HEADER } from './record-types';

const TOPIC = 'identity.patient.v1';

/** A record as the publisher writes it: the envelope as the value, its type in the header. */
function published(event: CloudEvent, header: string | undefined = event.type): [Buffer, string | undefined] {
  return [encodeEvent(event), header];
}

function messages(values: (Buffer | [Buffer, string | undefined])[]): KafkaMessage[] {
  return values.map((v, i) => {
    const [value, type] = Array.isArray(v) ? v : [v, undefined];
    return {
      offset: String(10 + i),
      key: Buffer.from(patientId),
      value,
      timestamp: '0',
      attributes: 0,
      headers: type === undefined ? {} : { [CE_TYPE_HEADER]: Buffer.from(type) },
    } as KafkaMessage;
  });
}

/** kafkajs's consumer reduced to what KafkaEventConsumer calls; `deliver` hands it one batch. */
function memoryKafka() {
  const committed: { topic: string; partition: number; offset: string }[] = [];
  let eachBatch: ((payload: EachBatchPayload) => Promise<void>) | undefined;
  const consumer = {
    events: { GROUP_JOIN: 'join', CRASH: 'crash', FETCH_START: 'fetch' },
    on: () => undefined,
    connect: async () => undefined,
    disconnect: async () => undefined,
    subscribe: async () => undefined,
    run: async (config: { eachBatch: (payload: EachBatchPayload) => Promise<void> }) => void (eachBatch = config.eachBatch),
    commitOffsets: async (offsets: typeof committed) => void committed.push(...offsets),
    seek: () => undefined,
  };
  const kafka = { consumer: () => consumer } as unknown as Kafka;
  async function deliver(batch: KafkaMessage[]): Promise<void> {
    await eachBatch!({
      batch: {
        topic: TOPIC,
        partition: 0,
        highWatermark: String(10 + batch.length),
        messages: batch,
        isEmpty: () => batch.length === 0,
        firstOffset: () => batch[0]?.offset ?? null,
        lastOffset: () => batch[batch.length - 1]!.offset,
      },
      resolveOffset: () => undefined,
      isRunning: () => true,
      isStale: () => false,
      heartbeat: async () => undefined,
    } as unknown as EachBatchPayload);
  }
  return { kafka, committed, deliver };
}

async function run(handledTypes: ReadonlyMap<string, ReadonlySet<string>> | undefined, batch: KafkaMessage[]) {
  const { kafka, committed, deliver } = memoryKafka();
  const publisher = new RecordingPublisher();
  const handled: RecordBatch[] = [];
  const consumer = new KafkaEventConsumer(kafka, {
    groupId: 'spec.group',
    topics: [TOPIC],
    logger: createLogger('spec', 'silent'),
    publisher,
    ...(handledTypes && { handledTypes }),
  });
  await consumer.start({ handle: async (b) => void handled.push(b) });
  await deliver(batch);
  await consumer.stop();
  const dlq = publisher.raw.map((r) => ({ offset: r.message.headers[DlqHeaders.sourceOffset], reason: r.message.headers[DlqHeaders.reason] }));
  return { handled, committed, dlq };
}

describe('KafkaEventConsumer with declared event types', () => {
  const onlyErasures = new Map([[TOPIC, new Set<string>([PATIENT_ERASED_V1])]]);

  it('hands over only the handled records, and stores and commits the batch past those it passed over', async () => {
    const first = erased();
    const last = erased();
    const batch = messages([published(first), published(registered()), published(registered()), published(last), published(registered())]);
    const { handled, committed, dlq } = await run(onlyErasures, batch);
    expect(handled).toHaveLength(1);
    expect(handled[0]!.records.map((r) => [r.offset, r.event.id])).toEqual([
      ['10', first.id],
      ['13', last.id],
    ]);
    expect(handled[0]!.lastOffset).toBe('14');
    expect(committed).toEqual([{ topic: TOPIC, partition: 0, offset: '15' }]);
    expect(dlq).toEqual([]);
  });

  it('calls the handler with no records for a batch it passes over entirely, so a projection stores the offset', async () => {
    const { handled, committed } = await run(onlyErasures, messages([published(registered()), published(registered())]));
    expect(handled.map((b) => [b.records.length, b.lastOffset])).toEqual([[0, '11']]);
    expect(committed).toEqual([{ topic: TOPIC, partition: 0, offset: '12' }]);
  });

  it('does not parse a passed-over record: a malformed value under a type not handled is not its to dead-letter', async () => {
    const { handled, dlq } = await run(onlyErasures, messages([[Buffer.from('not even json'), PATIENT_REGISTERED_V1]]));
    expect(handled.map((b) => b.records.length)).toEqual([0]);
    expect(dlq).toEqual([]);
  });

  it('dead-letters as today a malformed record without a type header, or with one it handles or does not know', async () => {
    const batch = messages([
      Buffer.from('not even json'),
      [Buffer.from('{"this is": "not a cloud event"}'), PATIENT_ERASED_V1],
      [Buffer.from('{"this is": "not a cloud event"}'), 'PatientRegistered'],
    ]);
    const { handled, committed, dlq } = await run(onlyErasures, batch);
    expect(dlq.map((d) => d.offset)).toEqual(['10', '11', '12']);
    expect(dlq[0]!.reason).toMatch(/^contract\(not_json\)/);
    expect(dlq[1]!.reason).toMatch(/^contract\(bad_envelope\)/);
    expect(dlq[2]!.reason).toMatch(/^contract\(bad_envelope\)/);
    expect(handled.map((b) => [b.records.length, b.lastOffset])).toEqual([[0, '12']]);
    expect(committed).toEqual([{ topic: TOPIC, partition: 0, offset: '13' }]);
  });

  it('dead-letters a record whose header names a handled type but whose value is another', async () => {
    const { handled, dlq } = await run(onlyErasures, messages([published(registered(), PATIENT_ERASED_V1)]));
    expect(handled.map((b) => b.records.length)).toEqual([0]);
    expect(dlq.map((d) => d.reason)).toEqual([expect.stringMatching(/^contract\(type_mismatch\)/)]);
  });

  it('parses and hands over every record where no types are declared (anchoring, the audit trail)', async () => {
    const { handled, dlq } = await run(
      undefined,
      messages([published(registered()), published(erased()), [Buffer.from('not even json'), PATIENT_REGISTERED_V1]]),
    );
    expect(handled[0]!.records.map((r) => r.event.type)).toEqual([PATIENT_REGISTERED_V1, PATIENT_ERASED_V1]);
    expect(dlq.map((d) => d.offset)).toEqual(['12']);
  });
});
