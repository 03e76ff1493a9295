import { EVENT_PUBLISHER, REDIS, startService, type Redis } from '@carechain/runtime';
import { patientDirectoryProjection, PatientDirectoryReader, RegisterPatientUseCase } from '@carechain/identity-domain';
import type { EventPublisher } from '@carechain/messaging';
import { PatientsController } from './patients.controller';

export function start() {
  return startService({
    name: 'identity',
    description: 'Patients: one stable identity per person, demographics and identifiers.',
    defaultPort: 3001,
    projections: [patientDirectoryProjection],
    controllers: [PatientsController],
    providers: [
      { provide: RegisterPatientUseCase, useFactory: (p: EventPublisher) => new RegisterPatientUseCase(p), inject: [EVENT_PUBLISHER] },
      { provide: PatientDirectoryReader, useFactory: (r: Redis) => new PatientDirectoryReader(r), inject: [REDIS] },
    ],
  });
}
