import type { Redis } from 'ioredis';
import type { Demographics, Identifier } from '@carechain/contracts';
import { patientKey } from './patient-directory.projection';

export interface PatientView {
  readonly id: string;
  readonly custodian: string;
  readonly demographics: Demographics;
  readonly identifiers: readonly Identifier[];
  readonly registeredAt: string;
  readonly version: number;
}

export class PatientDirectoryReader {
  constructor(private readonly redis: Redis) {}

  async get(patientId: string): Promise<PatientView | undefined> {
    const doc = await this.redis.hget(patientKey(patientId), 'doc');
    return doc === null ? undefined : (JSON.parse(doc) as PatientView);
  }
}
