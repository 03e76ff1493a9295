// Wires the records service: its replicas (patient keys, the patient registry, its
// own copy of the grants), its read model, and the use cases over them.
import { GrantReplica } from '@carechain/consent-decision';
import { SERVICE_CATALOGUE } from '@carechain/contracts';
import type { EventPublisher } from '@carechain/messaging';
import { kmsConfigShape, openKms, PatientKeyTable } from '@carechain/patient-keys';
import { PatientRegistry } from '@carechain/patient-registry';
import {
  ClaimDisclosuresReplica,
  ReadRecordUseCase,
  RECORDS_READ_MODEL,
  RedisRecordStore,
  SearchRecordsUseCase,
  ShareRecordUseCase,
  WriteRecordUseCase,
  type RecordsDeps,
} from '@carechain/records-domain';
import {
  EVENT_PUBLISHER,
  EVENT_TRANSPORT,
  REDIS,
  startService,
  type KafkaEventTransport,
  type Redis,
  type ServiceDefinition,
  type ServiceHttp,
} from '@carechain/runtime';
import { FhirJsonBodies } from '@carechain/http';
import { PatientRecordsController } from './patient-records.controller';
import { RecordsController } from './records.controller';
import { RecordsEvents } from './records.events';
import { RECORDS_PROBLEMS } from './records.problems';

const RECORDS_DEPS = Symbol('carechain.records.deps');

/** What records answers over HTTP (its OpenAPI document, checked by records.openapi.spec.ts). */
export const RECORDS_HTTP: ServiceHttp = { controllers: [PatientRecordsController, RecordsController], problems: [RECORDS_PROBLEMS] };

export const recordsService: ServiceDefinition<typeof kmsConfigShape> = {
  name: 'records',
  description: 'Records: encrypted clinical records (FHIR R4), every read checked against consent and recorded.',
  defaultPort: SERVICE_CATALOGUE.records.defaultPort,
  config: kmsConfigShape,
  async parts(settings, logger) {
    const keys = new PatientKeyTable(await openKms(settings));
    const patients = new PatientRegistry();
    const grants = new GrantReplica();
    const claims = new ClaimDisclosuresReplica();
    const log = logger.child({ component: 'grants-replica' });
    grants.onRejected(({ eventId, type }) => log.warn({ eventId, type }, 'grant event refused by the grant book; skipped'));
    const useCase = <T>(make: (deps: RecordsDeps) => T) => ({ useFactory: make, inject: [RECORDS_DEPS] });
    return {
      problems: RECORDS_HTTP.problems,
      controllers: [RecordsEvents, ...RECORDS_HTTP.controllers],
      providers: [
        { provide: PatientKeyTable, useValue: keys },
        { provide: PatientRegistry, useValue: patients },
        { provide: GrantReplica, useValue: grants },
        { provide: ClaimDisclosuresReplica, useValue: claims },
        FhirJsonBodies,
        {
          provide: RECORDS_DEPS,
          useFactory: (redis: Redis, publisher: EventPublisher, transport: KafkaEventTransport): RecordsDeps => ({
            patients,
            keys,
            grants,
            claims,
            store: new RedisRecordStore(redis),
            publisher,
            progress: { replicas: transport.replicaProgress, readModel: transport.readModelProgress(RECORDS_READ_MODEL) },
          }),
          inject: [REDIS, EVENT_PUBLISHER, EVENT_TRANSPORT],
        },
        { provide: WriteRecordUseCase, ...useCase((d) => new WriteRecordUseCase(d)) },
        { provide: ReadRecordUseCase, ...useCase((d) => new ReadRecordUseCase(d)) },
        { provide: SearchRecordsUseCase, ...useCase((d) => new SearchRecordsUseCase(d)) },
        { provide: ShareRecordUseCase, ...useCase((d) => new ShareRecordUseCase(d)) },
      ],
    };
  },
};

export function start() {
  return startService(recordsService);
}
