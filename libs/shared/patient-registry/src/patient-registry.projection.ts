// Which patients exist and who their custodian is, as any service other than
// identity needs to know it (consent: the custodian may always read for
// treatment; records: no record for an unknown patient). Ids only, no PHI.
import { PATIENT_REGISTERED_V1, Topics } from '@carechain/contracts';
import type { ConsumedRecord } from '@carechain/messaging';
import { keyPrefix, type Projection, type ProjectionCommand } from '@carechain/read-model';
import type { Redis } from 'ioredis';

export function patientRegistryProjection(owner: string, consumerGroup: string): Projection {
  const name = `${owner}.patient-registry`;
  return {
    name,
    topics: [Topics.identityPatient],
    consumerGroup,
    apply({ event }: ConsumedRecord): ProjectionCommand[] {
      switch (event.type) {
        case PATIENT_REGISTERED_V1:
          return [['HSET', `${keyPrefix(name)}patients`, event.data.patientId, event.data.custodian]];
        default:
          return [];
      }
    },
  };
}

export class PatientRegistryReader {
  private readonly key: string;

  constructor(
    private readonly redis: Redis,
    projection: Projection,
  ) {
    this.key = `${keyPrefix(projection.name)}patients`;
  }

  /** The custodian organisation of a known patient, or undefined. */
  custodianOf(patientId: string): Promise<string | null> {
    return this.redis.hget(this.key, patientId);
  }
}
