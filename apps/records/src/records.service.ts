// Wires the records service: its replicas (patient keys, the patient registry, its
// own copy of the grants), its read model, and the use cases over them.
import { GrantReplica } from '@carechain/consent-decision';
import { SERVICE_CATALOGUE, Topics } from '@carechain/contracts';
import type { EventPublisher } from '@carechain/messaging';
import { kmsConfigShape, openKms, PatientKeyTable } from '@carechain/patient-keys';
import { PatientRegistry } from '@carechain/patient-registry';
import {
  ClaimDisclosuresReplica,
  ReadRecordUseCase,
  recordsProjection,
  RedisRecordStore,
  SearchRecordsUseCase,
  ShareRecordUseCase,
  WriteRecordUseCase,
  type RecordsDeps,
} from '@carechain/records-domain';
import { FhirJsonBodies } from '@carechain/http';
import { EVENT_PUBLISHER, REDIS, startService, type Redis, type ServiceDefinition } from '@carechain/runtime';
import { PatientRecordsController } from './patient-records.controller';
import { RecordsController } from './records.controller';
import { RECORDS_PROBLEMS } from './records.problems';

const RECORDS_DEPS = Symbol('carechain.records.deps');

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
      // The registry replica is caught up before projections start: the projection skips erased patients with it.
      projections: [recordsProjection({ isErased: (patientId) => patients.get(patientId)?.erased === true })],
      replicas: [
        { name: 'carechain.records.keys', topics: [Topics.identityKeys], handler: keys },
        { name: 'carechain.records.patients', topics: [Topics.identityPatient], handler: patients },
        { name: 'carechain.records.grants', topics: [Topics.consentGrant, Topics.identityPatient], handler: grants },
        // What claims disclose to payers (their documenting records), for payers' reads for payment.
        { name: 'carechain.records.claims', topics: [Topics.claimsClaim, Topics.identityPatient], handler: claims },
      ],
      problems: [RECORDS_PROBLEMS],
      controllers: [PatientRecordsController, RecordsController],
      providers: [
        FhirJsonBodies,
        {
          provide: RECORDS_DEPS,
          useFactory: (redis: Redis, publisher: EventPublisher): RecordsDeps => ({
            patients,
            keys,
            grants,
            claims,
            store: new RedisRecordStore(redis),
            publisher,
          }),
          inject: [REDIS, EVENT_PUBLISHER],
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
