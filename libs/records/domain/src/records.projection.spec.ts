import { randomUUID } from 'node:crypto';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import {
  createEvent,
  PATIENT_ERASED_V1,
  RECORD_CATEGORIES,
  RECORD_SHARED_V1,
  RECORD_WRITTEN_V1,
  Topics,
  validateEvent,
  type AnyEvent,
  type CloudEvent,
} from '@carechain/contracts';
import { generatePatientKeyVersion, openJson, sealJson } from '@carechain/crypto';
import type { ConsumedRecord } from '@carechain/messaging';
import { keyPrefix } from '@carechain/read-model';
import { RecordKeys, recordsProjection } from './records.projection';
import { recordContext } from './record-vault';
import { decodeStoredVersion } from './stored-version';
import { MemoryRedis } from './testing/memory-redis';

const patientId = randomUUID();
const other = randomUUID();
const recordId = randomUUID();
const key = generatePatientKeyVersion(1);
const author = { subject: 'dr-house', organisation: 'hospital-a' };
const resource = { resourceType: 'Condition', id: recordId, code: { text: 'Type 2 diabetes' }, subject: { reference: `Patient/${patientId}` } };

function consumed(event: AnyEvent, topic: string = Topics.recordsRecord): ConsumedRecord {
  return { topic, partition: 0, offset: '1', key: event.subject ?? null, value: Buffer.alloc(0), event, traceContext: ROOT_CONTEXT };
}

function written(version: number, time: string, forPatient = patientId, id = recordId, category: 'conditions' | 'allergies' = 'conditions'): AnyEvent {
  return validateEvent(
    createEvent({
      type: RECORD_WRITTEN_V1,
      source: '/spec',
      subject: forPatient,
      time: new Date(time),
      data: {
        recordId: id,
        patientId: forPatient,
        version,
        category,
        resourceType: 'Condition',
        author,
        resource: sealJson(key, { ...resource, v: version }, recordContext(forPatient, id, version)),
      },
    }) as CloudEvent,
  );
}

function erasure(id: string, alsoErased: string[] = []): AnyEvent {
  return validateEvent(
    createEvent({
      type: PATIENT_ERASED_V1,
      source: '/spec',
      subject: id,
      data: { patientId: id, reason: 'data-subject-request', caseReference: 'DSR-1', alsoErased },
    }) as CloudEvent,
  );
}

describe('recordsProjection', () => {
  const erased = new Set<string>();
  const projection = recordsProjection({ isErased: (id) => erased.has(id) });
  let redis: MemoryRedis;
  const project = (event: AnyEvent, topic?: string) => {
    const commands = projection.apply(consumed(event, topic));
    redis.apply(commands);
    return commands;
  };

  beforeEach(() => {
    redis = new MemoryRedis();
    erased.clear();
  });

  it('reads the records topic and the patient topic (for erasures), and writes only in its own namespace', () => {
    expect(projection.topics).toEqual([Topics.recordsRecord, Topics.identityPatient]);
    const commands = [
      ...projection.apply(consumed(written(1, '2026-03-01T10:00:00Z'))),
      ...projection.apply(consumed(erasure(patientId), Topics.identityPatient)),
    ];
    for (const [, k] of commands) expect(k.startsWith(keyPrefix(projection.name))).toBe(true);
  });

  it('keeps a version sealed, with its category, type, author and time, the pointer to its patient, and its place in the category index', async () => {
    const event = written(1, '2026-03-01T10:00:00Z');
    project(event);
    expect(await redis.get(RecordKeys.record(recordId))).toBe(patientId);
    expect(await redis.hget(RecordKeys.versions(patientId), RecordKeys.latestField(recordId))).toBe('1');
    const stored = decodeStoredVersion((await redis.hget(RecordKeys.versions(patientId), RecordKeys.versionField(recordId, 1)))!);
    expect(stored).toEqual({
      recordId,
      patientId,
      version: 1,
      category: 'conditions',
      resourceType: 'Condition',
      author,
      writtenAt: event.time,
      eventId: event.id,
      resource: expect.objectContaining({ alg: 'A256GCM', keyVersion: 1 }),
    });
    expect(openJson(key, stored.resource, recordContext(patientId, recordId, 1))).toEqual({ ...resource, v: 1 });
    expect(await redis.zrevrange(RecordKeys.category(patientId, 'conditions'), 0, -1, 'WITHSCORES')).toEqual([recordId, String(Date.parse(event.time))]);
  });

  it('holds the resource only as ciphertext: no clinical text reaches Redis', () => {
    project(written(1, '2026-03-01T10:00:00Z'));
    const dump = redis.dump();
    expect(dump).toContain(recordId);
    expect(dump).not.toContain('diabetes');
    expect(dump).not.toContain(Buffer.from('Type 2 diabetes').toString('base64url'));
  });

  it('keeps earlier versions when a record is amended, moves latest on, and re-scores the record by its last write', async () => {
    project(written(1, '2026-03-01T10:00:00Z'));
    project(written(2, '2026-03-02T10:00:00Z'));
    expect(await redis.hget(RecordKeys.versions(patientId), RecordKeys.latestField(recordId))).toBe('2');
    expect(await redis.hget(RecordKeys.versions(patientId), RecordKeys.versionField(recordId, 1))).not.toBeNull();
    expect(await redis.zrevrange(RecordKeys.category(patientId, 'conditions'), 0, -1, 'WITHSCORES')).toEqual([
      recordId,
      String(Date.parse('2026-03-02T10:00:00Z')),
    ]);
  });

  it('on erasure deletes every key holding the patient and those erased with them, and nobody else', async () => {
    const merged = randomUUID();
    project(written(1, '2026-03-01T10:00:00Z'));
    project(written(1, '2026-03-01T11:00:00Z', patientId, randomUUID(), 'allergies'));
    project(written(1, '2026-03-01T12:00:00Z', merged, randomUUID()));
    project(written(1, '2026-03-01T13:00:00Z', other, randomUUID()));
    const commands = project(erasure(patientId, [merged]), Topics.identityPatient);
    expect(commands).toHaveLength(2 * (1 + RECORD_CATEGORIES.length));
    const names = [...redis.data.keys()];
    expect(names.filter((k) => k.includes(patientId) || k.includes(merged))).toEqual([]);
    expect(names.filter((k) => k.includes(other))).toHaveLength(2);
    // What stays of the erased: record → patient pointers, ids only, to answer 410.
    const left = names.filter((k) => !k.includes(other));
    expect(left.every((k) => k.startsWith(RecordKeys.record('')))).toBe(true);
    expect(await redis.get(RecordKeys.record(recordId))).toBe(patientId);
  });

  it('does not bring back the records of a patient already erased (a rebuild may replay the erasure first)', async () => {
    erased.add(patientId);
    project(written(1, '2026-03-01T10:00:00Z'));
    expect([...redis.data.keys()]).toEqual([RecordKeys.record(recordId)]);
  });

  it('ignores shares and every other event', () => {
    const share = validateEvent(
      createEvent({
        type: RECORD_SHARED_V1,
        source: '/spec',
        subject: patientId,
        data: { shareId: randomUUID(), recordId, patientId, category: 'conditions', sharedBy: author, sharedWith: 'clinic-b', purpose: 'TREAT' },
      }) as CloudEvent,
    );
    expect(projection.apply(consumed(share))).toEqual([]);
  });
});
