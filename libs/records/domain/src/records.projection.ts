// records' Redis read model over records.record.v1: every version of every record,
// sealed (ciphertext under the patient's data key; opened in memory per request),
// and per patient an index of record ids by category, newest first.
//
// Keys, all under rm:records.records:
//   record:<recordId>                 string  the patient id (ids only: finds the
//                                             patient, and answers 410 after erasure)
//   patient:<id>:versions             hash    v:<recordId>:<n> → StoredVersion JSON,
//                                             latest:<recordId> → n
//   patient:<id>:category:<category>  zset    recordId, scored by its last write (epoch ms)
//
// Everything about a patient's records sits under keys named by the patient alone,
// so erasure deletes a fixed list of keys: a projection cannot read Redis to find
// which per-record keys exist. Only the record→patient pointers stay; they hold no
// more than the RecordWritten events keep in clear in Kafka.
//
// Records of a patient the registry already knows as erased are not projected
// (pointer aside): a rebuild replays identity.patient.v1 and records.record.v1
// independently, so an erasure may be applied before the records it erased.
import { isEventOf, PATIENT_ERASED_V1, RECORD_CATEGORIES, RECORD_WRITTEN_V1, Topics, type RecordCategory } from '@carechain/contracts';
import type { ConsumedRecord } from '@carechain/messaging';
import { keyPrefix, type Projection, type ProjectionCommand } from '@carechain/read-model';
import { RECORDS_READ_MODEL, RECORDS_READ_MODEL_GROUP } from './records-topology';
import { encodeStoredVersion } from './stored-version';

const prefix = keyPrefix(RECORDS_READ_MODEL);

export const RecordKeys = {
  record: (recordId: string) => `${prefix}record:${recordId}`,
  versions: (patientId: string) => `${prefix}patient:${patientId}:versions`,
  category: (patientId: string, category: RecordCategory) => `${prefix}patient:${patientId}:category:${category}`,
  versionField: (recordId: string, version: number) => `v:${recordId}:${version}`,
  latestField: (recordId: string) => `latest:${recordId}`,
} as const;

/** Every key holding anything of the patient's records (the pointers aside). */
export function patientKeys(patientId: string): string[] {
  return [RecordKeys.versions(patientId), ...RECORD_CATEGORIES.map((c) => RecordKeys.category(patientId, c))];
}

/** What the read model handles: every other event on its topics is passed over by its type header, unparsed. */
export const RECORDS_PROJECTION_EVENTS = [RECORD_WRITTEN_V1, PATIENT_ERASED_V1] as const;

export interface RecordsProjectionOptions {
  /** Whether the patient is erased (the patient registry replica, caught up before projections start). */
  readonly isErased: (patientId: string) => boolean;
}

export function recordsProjection(options: RecordsProjectionOptions): Projection {
  return {
    name: RECORDS_READ_MODEL,
    topics: [Topics.recordsRecord, Topics.identityPatient],
    consumerGroup: RECORDS_READ_MODEL_GROUP,
    eventTypes: RECORDS_PROJECTION_EVENTS,
    apply({ event }: ConsumedRecord): ProjectionCommand[] {
      if (!isEventOf(RECORDS_PROJECTION_EVENTS, event)) return [];
      switch (event.type) {
        case RECORD_WRITTEN_V1: {
          const { recordId, patientId, version, category, resourceType, author, resource } = event.data;
          const pointer: ProjectionCommand = ['SET', RecordKeys.record(recordId), patientId];
          if (options.isErased(patientId)) return [pointer];
          const stored = encodeStoredVersion({
            recordId,
            patientId,
            version,
            category,
            resourceType,
            author,
            writtenAt: event.time,
            eventId: event.id,
            resource,
          });
          return [
            pointer,
            ['HSET', RecordKeys.versions(patientId), RecordKeys.versionField(recordId, version), stored, RecordKeys.latestField(recordId), String(version)],
            ['ZADD', RecordKeys.category(patientId, category), String(Date.parse(event.time)), recordId],
          ];
        }
        case PATIENT_ERASED_V1:
          return [event.data.patientId, ...event.data.alsoErased].flatMap((id) => patientKeys(id).map((key): ProjectionCommand => ['DEL', key]));
        default:
          return [];
      }
    },
  };
}
