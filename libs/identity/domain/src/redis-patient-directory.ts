// PatientDirectory over the Redis keys patientDirectoryProjection writes.
import { erasedKey, patientKey } from './patient-directory.projection';
import type { PatientDirectory, StoredPatient, StoredRegistration } from './patient-directory.port';

/** The Redis reads the directory makes: ioredis's `Redis` has them, and specs fake them. */
export interface PatientDirectoryRedis {
  get(key: string): Promise<string | null>;
  hgetall(key: string): Promise<Record<string, string>>;
}

export class RedisPatientDirectory implements PatientDirectory {
  constructor(private readonly redis: PatientDirectoryRedis) {}

  async get(patientId: string): Promise<StoredPatient | undefined> {
    const [hash, erasedAt] = await Promise.all([this.redis.hgetall(patientKey(patientId)), this.redis.get(erasedKey(patientId))]);
    if (erasedAt !== null) return { status: 'erased', id: patientId, erasedAt };
    if (!hash['custodian']) return undefined;
    const registrations = Object.entries(hash)
      .filter(([field]) => field.startsWith('reg:'))
      .map(([, json]) => JSON.parse(json) as StoredRegistration)
      .sort((a, b) => a.at.localeCompare(b.at));
    return {
      status: 'active',
      id: patientId,
      custodian: hash['custodian'],
      registeredAt: hash['registeredAt'] ?? '',
      ...(hash['mergedInto'] && { mergedInto: hash['mergedInto'] }),
      registrations,
    };
  }
}
