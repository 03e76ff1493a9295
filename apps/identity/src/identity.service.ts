import { positiveInt } from '@carechain/config';
import { KEYS_TOPIC_CONFIGS, SERVICE_CATALOGUE } from '@carechain/contracts';
import {
  ErasePatientUseCase,
  IdentityState,
  ListReviewsUseCase,
  MergePatientsUseCase,
  PatientKeyIssuer,
  ReadDidDocumentUseCase,
  ReadPatientUseCase,
  RedisPatientDirectory,
  RegisterPatientUseCase,
  RotateKeysUseCase,
  RegisterSigningKeyUseCase,
  ResolveReviewUseCase,
} from '@carechain/identity-domain';
import type { EventPublisher } from '@carechain/messaging';
import { kmsConfigShape, openKms, PatientKeyTable } from '@carechain/patient-keys';
import { EVENT_PUBLISHER, REDIS, startService, type Redis, type ServiceDefinition, type ServiceHttp } from '@carechain/runtime';
import { IdentityEvents } from './identity.events';
import { MpiController } from './mpi.controller';
import { PatientsController } from './patients.controller';
import { IDENTITY_PROBLEMS } from './identity.problems';

const config = {
  ...kmsConfigShape,
  /** Must match identity.keys.v1's max.compaction.lag.ms (see KEYS_TOPIC_CONFIGS). */
  KEYS_MAX_COMPACTION_LAG_MS: positiveInt(Number(KEYS_TOPIC_CONFIGS['max.compaction.lag.ms'])),
};

/** What identity answers over HTTP (its OpenAPI document, checked by identity.openapi.spec.ts). */
export const IDENTITY_HTTP: ServiceHttp = { controllers: [PatientsController, MpiController], problems: [IDENTITY_PROBLEMS] };

export const identityService: ServiceDefinition<typeof config> = {
  name: 'identity',
  description: 'Patients: one stable identity per person (master patient index), their keys, their DID, erasure.',
  defaultPort: SERVICE_CATALOGUE.identity.defaultPort,
  config,
  async parts(settings) {
    const kms = await openKms(settings);
    const keys = new PatientKeyTable(kms);
    const state = new IdentityState(keys);
    keys.onKeys((patientId) => state.onKeysArrived(patientId));
    return {
      problems: IDENTITY_HTTP.problems,
      controllers: [IdentityEvents, ...IDENTITY_HTTP.controllers],
      providers: [
        { provide: IdentityState, useValue: state },
        { provide: PatientKeyTable, useValue: keys },
        {
          provide: PatientKeyIssuer,
          useFactory: (p: EventPublisher) => new PatientKeyIssuer(kms, keys, p, { compactionLagMs: settings.KEYS_MAX_COMPACTION_LAG_MS }),
          inject: [EVENT_PUBLISHER],
        },
        {
          provide: RegisterPatientUseCase,
          useFactory: (i: PatientKeyIssuer, p: EventPublisher) => new RegisterPatientUseCase(state, keys, i, p),
          inject: [PatientKeyIssuer, EVENT_PUBLISHER],
        },
        {
          provide: ResolveReviewUseCase,
          useFactory: (i: PatientKeyIssuer, p: EventPublisher) => new ResolveReviewUseCase(state, keys, i, p),
          inject: [PatientKeyIssuer, EVENT_PUBLISHER],
        },
        { provide: MergePatientsUseCase, useFactory: (p: EventPublisher) => new MergePatientsUseCase(state, p), inject: [EVENT_PUBLISHER] },
        {
          provide: ErasePatientUseCase,
          useFactory: (i: PatientKeyIssuer, p: EventPublisher) => new ErasePatientUseCase(state, i, p),
          inject: [PatientKeyIssuer, EVENT_PUBLISHER],
        },
        { provide: RegisterSigningKeyUseCase, useFactory: (p: EventPublisher) => new RegisterSigningKeyUseCase(state, p), inject: [EVENT_PUBLISHER] },
        {
          provide: ReadPatientUseCase,
          useFactory: (r: Redis, p: EventPublisher) => new ReadPatientUseCase(state, new RedisPatientDirectory(r), p),
          inject: [REDIS, EVENT_PUBLISHER],
        },
        { provide: ListReviewsUseCase, useValue: new ListReviewsUseCase(state) },
        { provide: ReadDidDocumentUseCase, useValue: new ReadDidDocumentUseCase(state) },
        { provide: RotateKeysUseCase, useFactory: (i: PatientKeyIssuer) => new RotateKeysUseCase(state, i), inject: [PatientKeyIssuer] },
      ],
    };
  },
};

export function start() {
  return startService(identityService);
}
