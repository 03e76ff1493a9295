// One in-memory records world per spec: a real local keyring KMS in a temp dir, the
// real replicas (PatientKeyTable, PatientRegistry, GrantReplica) fed with events,
// and the real projection writing into an in-memory Redis that RedisRecordStore
// reads. The fake publisher hands every RecordWritten to the projection, as the
// read model's consumer would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import {
  createEvent,
  GRANT_GRANTED_V1,
  GRANT_REVOKED_V1,
  KEYS_ISSUED_V1,
  PATIENT_ERASED_V1,
  PATIENT_MERGED_V1,
  PATIENT_UNMERGED_V1,
  PATIENT_REGISTERED_V2,
  Topics,
  validateEvent,
  type AnyEvent,
  type CloudEvent,
  type PurposeOfUse,
  type RecordCategory,
} from '@carechain/contracts';
import { generatePatientKeyVersion, LocalKeyringKms, sealJson, wrapPatientKeyVersion } from '@carechain/crypto';
import { GrantReplica } from '@carechain/consent-decision';
import { PatientKeyTable } from '@carechain/patient-keys';
import { PatientRegistry } from '@carechain/patient-registry';
import type { RecordsDeps } from '../records.deps';
import { recordsProjection } from '../records.projection';
import { RecordsError } from '../records.error';
import { RedisRecordStore } from '../redis-record.store';
import type { Requester } from '../requester';
import { FakePublisher } from './fake-publisher';
import { MemoryRedis } from './memory-redis';

/** The RecordsError `promise` rejects with; fails the spec on anything else. */
export async function failure(promise: Promise<unknown>): Promise<RecordsError> {
  const outcome = await promise.then(
    () => 'resolved',
    (err: unknown) => err,
  );
  expect(outcome).toBeInstanceOf(RecordsError);
  return outcome as RecordsError;
}

export const CUSTODIAN = 'hospital-a';
export const CLINIC = 'clinic-b';
export const PAYER = 'payer-c';

export const custodianClinician: Requester = { subject: 'dr-house', organisation: CUSTODIAN, roles: ['clinician'] };
export const clinicClinician: Requester = { subject: 'dr-who', organisation: CLINIC, roles: ['clinician'] };
export const clinicPractitioner: Requester = { subject: 'nurse-joy', organisation: CLINIC, roles: ['practitioner'] };
export const payerClerk: Requester = { subject: 'clerk-1', organisation: PAYER, roles: ['payer'] };

/** Words the example resources contain, which must never appear in Redis or Kafka in clear. */
export const PHI_MARKERS = ['Type 2 diabetes', 'Allergy to penicillin', 'HbA1c laboratory test'];

export const condition = (patientId: string, text = 'Type 2 diabetes') => ({
  resourceType: 'Condition',
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  code: { coding: [{ system: 'http://snomed.info/sct', code: '44054006' }], text },
  subject: { reference: `Patient/${patientId}` },
});

export const allergy = (patientId: string) => ({
  resourceType: 'AllergyIntolerance',
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
  code: { text: 'Allergy to penicillin' },
  patient: { reference: `Patient/${patientId}` },
});

export const chargeItem = (patientId: string) => ({
  resourceType: 'ChargeItem',
  status: 'planned',
  code: { text: 'HbA1c laboratory test' },
  subject: { reference: `Patient/${patientId}` },
});

function replicated(topic: string, event: AnyEvent | null, key: string) {
  return { topic, partition: 0, offset: '0', key, event, traceContext: ROOT_CONTEXT };
}

export class RecordsWorld {
  readonly registry = new PatientRegistry();
  readonly grants = new GrantReplica();
  readonly redis = new MemoryRedis();
  readonly store = new RedisRecordStore(this.redis);
  readonly publisher = new FakePublisher();
  readonly projection = recordsProjection({ isErased: (id) => this.registry.get(id)?.erased === true });
  /** The clock every use case reads; move it with tick(). */
  at = new Date('2026-03-01T10:00:00.000Z');

  private constructor(
    readonly keys: PatientKeyTable,
    private readonly kms: LocalKeyringKms,
    private readonly dir: string,
  ) {
    this.publisher.onPublish(({ topic, key, event }) => {
      if (topic === Topics.recordsRecord) this.project(topic, event, key ?? '');
    });
  }

  static async create(): Promise<RecordsWorld> {
    const dir = mkdtempSync(join(tmpdir(), 'records-world-'));
    const kms = await LocalKeyringKms.open(join(dir, 'keyring.json'), { createIfMissing: true });
    return new RecordsWorld(new PatientKeyTable(kms), kms, dir);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  deps(overrides: Partial<RecordsDeps> = {}): RecordsDeps {
    return {
      patients: this.registry,
      keys: this.keys,
      grants: this.grants,
      store: this.store,
      publisher: this.publisher,
      // Fed directly (the projection as each event is published): complete at every moment.
      progress: { replicas: { caughtUpToEnd: async () => true }, readModel: { caughtUpTo: async () => true } },
      now: () => this.at,
      timing: { patientWaitMs: 0, keyWaitMs: 0, visibleWaitMs: 0 },
      ...overrides,
    };
  }

  tick(ms = 1000): void {
    this.at = new Date(this.at.getTime() + ms);
  }

  /** A patient of `custodian` with keys issued (as identity does: keys first, then the registration). */
  async registerPatient(custodian = CUSTODIAN): Promise<string> {
    const patientId = randomUUID();
    const key = generatePatientKeyVersion(1, this.at);
    const versions = [await wrapPatientKeyVersion(this.kms, patientId, key)];
    await this.keys.apply(replicated(Topics.identityKeys, this.event({ type: KEYS_ISSUED_V1, subject: patientId, data: { patientId, versions } }), patientId));
    const registrationId = randomUUID();
    const details = sealJson(key, { demographics: 'sealed in these specs' }, { patientId, registrationId });
    this.identity(
      this.event({ type: PATIENT_REGISTERED_V2, subject: patientId, data: { patientId, custodian, registrationId, details, match: { decision: 'new' } } }),
    );
    return patientId;
  }

  grant(patientId: string, organisation: string, categories: RecordCategory[], purposes: PurposeOfUse[] = ['TREAT'], practitioner?: string): string {
    const grantId = randomUUID();
    const event = this.event({
      type: GRANT_GRANTED_V1,
      subject: patientId,
      data: {
        grantId,
        patientId,
        grantee: { organisation, ...(practitioner && { practitioner }) },
        categories,
        purposes,
        validFrom: '2026-01-01T00:00:00.000Z',
        grantedBy: { kind: 'patient', subject: patientId, signed: false },
      },
    });
    this.grants.apply(replicated(Topics.consentGrant, event, patientId));
    return grantId;
  }

  revoke(patientId: string, grantId: string): void {
    const event = this.event({
      type: GRANT_REVOKED_V1,
      subject: patientId,
      data: { grantId, patientId, revokedAt: this.at.toISOString(), revokedBy: { kind: 'patient', subject: patientId, signed: false } },
    });
    this.grants.apply(replicated(Topics.consentGrant, event, patientId));
  }

  merge(survivorId: string, mergedId: string): void {
    this.identity(this.event({ type: PATIENT_MERGED_V1, subject: survivorId, data: { survivorId, mergedId } }));
  }

  unmerge(survivorId: string, mergedId: string): void {
    this.identity(this.event({ type: PATIENT_UNMERGED_V1, subject: survivorId, data: { survivorId, mergedId } }));
  }

  /** What identity's erasure does, as every records replica and the read model see it. */
  erase(patientId: string): void {
    this.identity(
      this.event({ type: PATIENT_ERASED_V1, subject: patientId, data: { patientId, reason: 'data-subject-request', caseReference: 'DSR-1', alsoErased: [] } }),
    );
    this.keys.shred(patientId);
  }

  private identity(event: AnyEvent): void {
    const key = event.subject ?? '';
    this.registry.apply(replicated(Topics.identityPatient, event, key));
    this.grants.apply(replicated(Topics.identityPatient, event, key));
    this.project(Topics.identityPatient, event, key);
  }

  private project(topic: string, event: AnyEvent, key: string): void {
    this.redis.apply(this.projection.apply({ ...replicated(topic, event, key), value: Buffer.alloc(0), event }));
  }

  private event<T extends string, D>(input: { type: T; subject: string; data: D }): AnyEvent {
    return validateEvent(createEvent({ ...input, source: '/spec', time: this.at }) as CloudEvent);
  }
}
