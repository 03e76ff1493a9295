import type { Redis } from 'ioredis';
import type { SealedPayload } from '@carechain/contracts';
import { erasedKey, patientKey } from './patient-directory.projection';

export interface StoredRegistration {
  readonly registrationId: string;
  readonly organisation: string;
  readonly details: SealedPayload;
  readonly at: string;
}

export type StoredPatient =
  | {
      readonly status: 'active';
      readonly id: string;
      readonly custodian: string;
      readonly registeredAt: string;
      readonly mergedInto?: string;
      readonly registrations: StoredRegistration[];
    }
  | { readonly status: 'erased'; readonly id: string; readonly erasedAt: string };

export class PatientDirectoryReader {
  constructor(private readonly redis: Redis) {}

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
