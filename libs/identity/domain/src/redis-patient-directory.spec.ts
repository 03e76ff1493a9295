import { randomUUID } from 'node:crypto';
import { createEvent, PATIENT_ERASED_V1, PATIENT_LINKED_V1, PATIENT_MERGED_V1, PATIENT_REGISTERED_V2, Topics, type SealedPayload } from '@carechain/contracts';
import type { ConsumedRecord } from '@carechain/messaging';
import type { ProjectionCommand } from '@carechain/read-model';
import { patientDirectoryProjection } from './patient-directory.projection';
import { RedisPatientDirectory, type PatientDirectoryRedis } from './redis-patient-directory';

/** The strings and hashes the projection writes, kept as Redis would (only the commands it uses). */
class DirectoryKeys implements PatientDirectoryRedis {
  private readonly strings = new Map<string, string>();
  private readonly hashes = new Map<string, Map<string, string>>();

  apply(commands: readonly ProjectionCommand[]): void {
    for (const [command, key, ...args] of commands) {
      if (command === 'SET') this.strings.set(key, args[0]!);
      else if (command === 'DEL') [this.strings, this.hashes].forEach((m) => m.delete(key));
      else if (command === 'HSET') for (let i = 0; i + 1 < args.length; i += 2) this.hash(key).set(args[i]!, args[i + 1]!);
      else if (command === 'HDEL') for (const field of args) this.hash(key).delete(field);
      else throw new Error(`not a command the directory projection writes: ${command}`);
    }
  }

  private hash(key: string): Map<string, string> {
    if (!this.hashes.has(key)) this.hashes.set(key, new Map());
    return this.hashes.get(key)!;
  }

  async get(key: string): Promise<string | null> {
    return this.strings.get(key) ?? null;
  }

  async hgetall(key: string): Promise<Record<string, string>> {
    return Object.fromEntries(this.hashes.get(key) ?? []);
  }
}

const sealed = (n: number) => ({ sealed: `ciphertext-${n}` }) as unknown as SealedPayload;

describe('RedisPatientDirectory over what patientDirectoryProjection writes', () => {
  const keys = new DirectoryKeys();
  const directory = new RedisPatientDirectory(keys);
  let offset = 0;
  const project = (type: string, data: object, time: string) => {
    const event = createEvent({ type, source: 'test', subject: 'p', data, time: new Date(time) }) as ConsumedRecord['event'];
    keys.apply(
      patientDirectoryProjection.apply({
        topic: Topics.identityPatient,
        partition: 0,
        offset: String(offset++),
        event,
      } as ConsumedRecord) as ProjectionCommand[],
    );
  };

  it('knows no patient it never saw', async () => {
    expect(await directory.get(randomUUID())).toBeUndefined();
  });

  it('reads a registration, a linked one and a merge, registrations oldest first', async () => {
    const p = randomUUID();
    project(PATIENT_LINKED_V1, { patientId: p, registrationId: 'r2', organisation: 'clinic-b', details: sealed(2) }, '2026-02-02T00:00:00.000Z');
    project(PATIENT_REGISTERED_V2, { patientId: p, custodian: 'hospital-a', registrationId: 'r1', details: sealed(1) }, '2026-01-01T00:00:00.000Z');
    project(PATIENT_MERGED_V1, { mergedId: p, survivorId: 'survivor' }, '2026-03-03T00:00:00.000Z');
    expect(await directory.get(p)).toEqual({
      status: 'active',
      id: p,
      custodian: 'hospital-a',
      registeredAt: '2026-01-01T00:00:00.000Z',
      mergedInto: 'survivor',
      registrations: [
        { registrationId: 'r1', organisation: 'hospital-a', details: sealed(1), at: '2026-01-01T00:00:00.000Z' },
        { registrationId: 'r2', organisation: 'clinic-b', details: sealed(2), at: '2026-02-02T00:00:00.000Z' },
      ],
    });
  });

  it('answers erased, with when, for an erased patient and those erased with them', async () => {
    const [p, q] = [randomUUID(), randomUUID()];
    project(PATIENT_REGISTERED_V2, { patientId: p, custodian: 'hospital-a', registrationId: 'r1', details: sealed(1) }, '2026-01-01T00:00:00.000Z');
    project(PATIENT_ERASED_V1, { patientId: p, alsoErased: [q] }, '2026-04-04T00:00:00.000Z');
    expect(await directory.get(p)).toEqual({ status: 'erased', id: p, erasedAt: '2026-04-04T00:00:00.000Z' });
    expect(await directory.get(q)).toEqual({ status: 'erased', id: q, erasedAt: '2026-04-04T00:00:00.000Z' });
  });
});
