// Binds identity's state to its topics: the patient keys; the registrations, decrypted
// into the match index as they are replayed (one whose key has not arrived yet is
// parked until it does), with the grants, since a read of demographics is decided like
// a read of records; and the patient directory read model.
import { Controller } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { Topics } from '@carechain/contracts';
import { IdentityState, patientDirectoryProjection } from '@carechain/identity-domain';
import type { ConsumedRecord, ReplicatedRecord } from '@carechain/messaging';
import { PatientKeyTable } from '@carechain/patient-keys';
import type { ProjectionCommand } from '@carechain/read-model';
import { projection, replica } from '@carechain/runtime';

@Controller()
export class IdentityEvents {
  constructor(
    private readonly keys: PatientKeyTable,
    private readonly state: IdentityState,
  ) {}

  @EventPattern([Topics.identityKeys], replica('carechain.identity.keys'))
  patientKeys(record: ReplicatedRecord): void | Promise<void> {
    return this.keys.apply(record);
  }

  @EventPattern([Topics.identityPatient, Topics.consentGrant], replica('carechain.identity.patients'))
  patients(record: ReplicatedRecord): void | Promise<void> {
    return this.state.apply(record);
  }

  @EventPattern([...patientDirectoryProjection.topics], projection(patientDirectoryProjection))
  patientDirectory(record: ConsumedRecord): readonly ProjectionCommand[] {
    return patientDirectoryProjection.apply(record);
  }
}
