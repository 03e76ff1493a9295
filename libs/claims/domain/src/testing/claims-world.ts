// One in-memory claims world per spec, on records' (a real local keyring KMS in a
// temp dir, the real PatientKeyTable and PatientRegistry): RecordsReplica fed with
// records' events,
// and the real projection writing into an in-memory Redis that RedisClaimStore
// reads. The recording publisher hands every claims event to the projection, as
// the read model's consumer would.
import { randomUUID } from 'node:crypto';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import {
  PATIENT_ERASED_V1,
  RECORD_WRITTEN_V1,
  Topics,
  createEvent,
  validateEvent,
  type AnyEvent,
  type CloudEvent,
  type RecordCategory,
} from '@carechain/contracts';
import { PlanBook, parseBenefitPlan } from '@carechain/claims-adjudication';
import { sealJson } from '@carechain/crypto';
import { RecordingPublisher } from '@carechain/messaging/testing';
import type { PatientKeyTable } from '@carechain/patient-keys';
import type { PatientRegistry } from '@carechain/patient-registry';
import { recordContext } from '@carechain/records-domain';
import { MemoryRedis, RecordsWorld } from '@carechain/records-domain/testing';
import { BenefitPlansReplica } from '../benefit-plans.replica';
import { ClaimVault } from '../claim-vault';
import type { ClaimsDeps } from '../claims.deps';
import { ClaimsError } from '../claims.error';
import { claimsProjection } from '../claims.projection';
import { RecordsReplica } from '../records.replica';
import { RedisClaimStore } from '../redis-claim.store';
import type { Requester } from '../requester';

export const HOSPITAL = 'hospital-a';
export const CLINIC = 'clinic-b';
export const PAYER = 'payer-c';
export const OTHER_PAYER = 'payer-d';
export const CPT = 'http://www.ama-assn.org/go/cpt';

export const billingClerk: Requester = { subject: 'clerk-1', organisation: HOSPITAL, roles: ['registrar'] };
export const clinicClerk: Requester = { subject: 'clerk-2', organisation: CLINIC, roles: ['registrar'] };
export const payerClerk: Requester = { subject: 'adjuster-1', organisation: PAYER, roles: ['payer'] };
export const otherPayerClerk: Requester = { subject: 'adjuster-2', organisation: OTHER_PAYER, roles: ['payer'] };
export const auditor: Requester = { subject: 'aud-1', organisation: HOSPITAL, roles: ['auditor'] };
export const patientOf = (patientId: string): Requester => ({ subject: patientId, organisation: HOSPITAL, roles: ['patient'] });

/** The ClaimsError `promise` rejects with; fails the spec on anything else. */
export async function failure(promise: Promise<unknown>): Promise<ClaimsError> {
  const outcome = await promise.then(
    () => 'resolved',
    (err: unknown) => err,
  );
  expect(outcome).toBeInstanceOf(ClaimsError);
  return outcome as ClaimsError;
}

export const GOLD = parseBenefitPlan({
  planId: 'gold-2026',
  version: 1,
  payer: PAYER,
  currency: 'EUR',
  codeSystem: CPT,
  deductible: 0,
  copay: 10,
  coinsurance: 0,
  timelyFilingDays: 90,
  services: { '99213': { allowed: 100 }, '70551': { allowed: 400, priorAuthorisation: true } },
});

export const coverage = (patientId: string, payer = PAYER, period = { start: '2026-01-01', end: '2026-12-31' }) => ({
  resourceType: 'Coverage',
  status: 'active',
  beneficiary: { reference: `Patient/${patientId}` },
  payor: [{ reference: `Organization/${payer}` }],
  period,
  class: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/coverage-class', code: 'plan' }] }, value: 'gold-2026' }],
});

export interface BilledItem {
  readonly code?: string;
  readonly date?: string;
  readonly price?: number;
  readonly quantity?: number;
  readonly recordId?: string;
}

export const claim = (patientId: string, coverageId: string, items: readonly BilledItem[], options: { provider?: string; use?: string } = {}) => ({
  resourceType: 'Claim',
  status: 'active',
  type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
  use: options.use ?? 'claim',
  patient: { reference: `Patient/${patientId}` },
  created: '2026-03-02T10:00:00Z',
  provider: { reference: `Organization/${options.provider ?? HOSPITAL}` },
  priority: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }] },
  insurance: [{ sequence: 1, focal: true, coverage: { reference: `Coverage/${coverageId}` } }],
  ...(items.some((i) => i.recordId) && {
    supportingInfo: items.flatMap((i, n) =>
      i.recordId
        ? [
            {
              sequence: n + 1,
              category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claiminformationcategory', code: 'info' }] },
              valueReference: { reference: `Encounter/${i.recordId}` },
            },
          ]
        : [],
    ),
  }),
  item: items.map((i, n) => ({
    sequence: n + 1,
    ...(i.recordId && { informationSequence: [n + 1] }),
    productOrService: { coding: [{ system: CPT, code: i.code ?? '99213' }] },
    servicedDate: i.date ?? '2026-03-01',
    quantity: { value: i.quantity ?? 1 },
    unitPrice: { value: i.price ?? 80, currency: 'EUR' },
  })),
});

function replicated(topic: string, event: AnyEvent | null, key: string) {
  return { topic, partition: 0, offset: '0', key, event, traceContext: ROOT_CONTEXT };
}

export class ClaimsWorld {
  readonly redis = new MemoryRedis();
  readonly store = new RedisClaimStore(this.redis);
  readonly publisher = new RecordingPublisher();
  readonly plans = new PlanBook();
  readonly planReplica = new BenefitPlansReplica(this.plans);
  readonly projection = claimsProjection({ isErased: (id) => this.registry.get(id)?.erased === true });
  readonly records: RecordsReplica;
  /** The RecordWritten event id of each record written through `record`. */
  readonly recordEvents = new Map<string, string>();
  at = new Date('2026-03-02T10:00:00.000Z');

  /** records' spec world: the patient registry and key table, and patients registered as identity does. */
  private constructor(private readonly base: RecordsWorld) {
    this.records = new RecordsReplica(new ClaimVault(base.keys, 0));
    this.plans.add(GOLD);
    this.publisher.onPublish(({ topic, key, event }) => {
      if (topic !== Topics.claimsClaim) return;
      this.project(topic, event, key ?? '');
      this.planReplica.apply(replicated(topic, event, key ?? ''));
    });
  }

  static async create(): Promise<ClaimsWorld> {
    return new ClaimsWorld(await RecordsWorld.create());
  }

  get registry(): PatientRegistry {
    return this.base.registry;
  }

  get keys(): PatientKeyTable {
    return this.base.keys;
  }

  dispose(): void {
    this.base.dispose();
  }

  deps(overrides: Partial<ClaimsDeps> = {}): ClaimsDeps {
    return {
      patients: this.registry,
      keys: this.keys,
      store: this.store,
      publisher: this.publisher,
      documents: this.records,
      plans: this.plans,
      // Fed directly (replicas and the projection as each event is published): complete at every moment.
      progress: {
        replicas: { caughtUpTo: async () => true, caughtUpToEnd: async () => true },
        readModel: { caughtUpTo: async () => true },
      },
      now: () => this.at,
      timing: { patientWaitMs: 0, keyWaitMs: 0, visibleWaitMs: 0 },
      ...overrides,
    };
  }

  registerPatient(custodian = HOSPITAL): Promise<string> {
    return this.base.registerPatient(custodian);
  }

  /** An Encounter as records publishes it (sealed under the patient's key), into claims' replica. */
  recordEncounter(patientId: string, options: { author?: string; code?: string; date?: string } = {}): string {
    return this.record(
      patientId,
      {
        resourceType: 'Encounter',
        status: 'finished',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
        type: [{ coding: [{ system: CPT, code: options.code ?? '99213' }] }],
        subject: { reference: `Patient/${patientId}` },
        period: { start: `${options.date ?? '2026-03-01'}T09:00:00Z` },
      },
      options.author,
    );
  }

  /** Any resource as records publishes it: version 1 of a new record by `author`. */
  record(patientId: string, resource: { resourceType: string } & Record<string, unknown>, author = HOSPITAL, category: RecordCategory = 'encounters'): string {
    const recordId = randomUUID();
    const sealed = sealJson(this.keys.current(patientId)!, { ...resource, id: recordId }, recordContext(patientId, recordId, 1));
    const data = {
      recordId,
      patientId,
      version: 1,
      category,
      resourceType: resource.resourceType,
      author: { subject: 'dr-1', organisation: author },
      resource: sealed,
    };
    const written = this.event({ type: RECORD_WRITTEN_V1, subject: patientId, data });
    this.recordEvents.set(recordId, written.id);
    this.records.apply(replicated(Topics.recordsRecord, written, patientId));
    return recordId;
  }

  /** What identity's erasure does, as records' world applies it and claims' replica and read model see it. */
  erase(patientId: string): void {
    this.base.erase(patientId);
    const erased = this.event({
      type: PATIENT_ERASED_V1,
      subject: patientId,
      data: { patientId, reason: 'data-subject-request', caseReference: 'DSR-1', alsoErased: [] },
    });
    this.records.apply(replicated(Topics.identityPatient, erased, patientId));
    this.project(Topics.identityPatient, erased, patientId);
  }

  private project(topic: string, event: AnyEvent, key: string): void {
    this.redis.apply(this.projection.apply({ ...replicated(topic, event, key), value: Buffer.alloc(0), event }));
  }

  private event<T extends string, D>(input: { type: T; subject: string; data: D }): AnyEvent {
    return validateEvent(createEvent({ ...input, source: '/spec', time: this.at }) as CloudEvent);
  }
}
