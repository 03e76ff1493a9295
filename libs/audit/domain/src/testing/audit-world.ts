// One in-memory audit world per spec: the real projection writing into an in-memory
// Redis that the real RedisAuditTrailStore reads, and the real patient registry, fed
// with validated events as audit's consumers would be.
import { randomUUID } from 'node:crypto';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import {
  ACCESS_DECIDED_V1,
  createEvent,
  PATIENT_REGISTERED_V1,
  RECORD_SHARED_V1,
  RECORD_WRITTEN_V1,
  CLAIM_SUBMITTED_V1,
  Topics,
  validateEvent,
  type AccessDecidedV1,
  RECEIPT_ISSUED_V1,
  RECEIPT_ISSUED_V2,
  type AnyEvent,
  type PurposeOfUse,
  type RecordCategory,
} from '@carechain/contracts';
import { createHash } from 'node:crypto';
import { buildTree, toHex } from '@carechain/ledger-merkle';
import { PatientRegistry } from '@carechain/patient-registry';
import { AuditOversight } from '../audit-oversight';
import { auditTrailProjection } from '../audit-trail.projection';
import { receiptProjection } from '../receipt.projection';
import { RedisAuditTrailStore } from '../redis-audit-trail.store';
import { MemoryAuditRedis } from './memory-audit-redis';

export const CUSTODIAN = 'hospital-a';
const SEALED = { alg: 'A256GCM', keyVersion: 1, iv: 'AAAAAAAAAAAAAAAA', ct: 'AAAA', tag: 'AAAAAAAAAAAAAAAAAAAAAA' } as const;
export const CLINIC = 'clinic-b';

export interface AccessInput {
  readonly patientId: string;
  readonly actor: string;
  readonly organisation: string;
  readonly time: Date;
  readonly decision?: 'permit' | 'deny';
  readonly basis?: AccessDecidedV1['basis'];
  readonly grantId?: string;
  readonly breakGlassReason?: string;
  readonly categories?: readonly RecordCategory[];
  readonly purpose?: PurposeOfUse;
  readonly denyReason?: string;
}

export class AuditWorld {
  readonly redis = new MemoryAuditRedis();
  readonly registry = new PatientRegistry();
  readonly store = new RedisAuditTrailStore(this.redis);
  readonly oversight = new AuditOversight(this.registry);
  private offset = 0;

  publish(topic: string, raw: unknown): AnyEvent {
    const event = validateEvent(raw);
    if (topic === Topics.identityPatient) this.registry.applyEvent(event);
    this.redis.apply(
      auditTrailProjection.apply({ topic, partition: 0, offset: String(this.offset++), key: null, value: Buffer.alloc(0), event, traceContext: ROOT_CONTEXT }),
    );
    return event;
  }

  registerPatient(custodian = CUSTODIAN, time = new Date('2020-01-01T00:00:00Z')): string {
    const patientId = randomUUID();
    this.publish(
      Topics.identityPatient,
      createEvent({
        type: PATIENT_REGISTERED_V1,
        source: '/carechain/identity',
        subject: patientId,
        actor: 'desk-1',
        actororg: custodian,
        time,
        data: {
          patientId,
          custodian,
          demographics: { name: { given: ['Ada'], family: 'Lovelace' }, birthDate: '1815-12-10', gender: 'female' },
          identifiers: [{ system: 'urn:x', value: 'MRN-1' }],
        },
      }),
    );
    return patientId;
  }

  access(a: AccessInput): AnyEvent {
    const decision = a.decision ?? 'permit';
    const breakGlass = a.breakGlassReason !== undefined;
    const data: AccessDecidedV1 = {
      accessId: randomUUID(),
      patientId: a.patientId,
      operation: 'read',
      actor: { subject: a.actor, organisation: a.organisation },
      categories: [...(a.categories ?? ['conditions'])],
      purpose: a.purpose ?? (breakGlass ? 'ETREAT' : 'TREAT'),
      decision,
      ...(decision === 'permit' && { basis: a.basis ?? (breakGlass ? 'break-glass' : 'grant') }),
      ...(a.grantId !== undefined && { grantId: a.grantId }),
      ...(decision === 'deny' && { denyReason: a.denyReason ?? 'no-grant' }),
      breakGlass,
      ...(breakGlass && { breakGlassReason: a.breakGlassReason }),
      recordIds: decision === 'permit' ? [randomUUID()] : [],
    };
    return this.publish(
      Topics.recordsAccess,
      createEvent({
        type: ACCESS_DECIDED_V1,
        source: '/carechain/records',
        subject: a.patientId,
        actor: a.actor,
        actororg: a.organisation,
        time: a.time,
        data,
      }),
    );
  }

  share(patientId: string, sharedWith: string, time: Date, grantId?: string): AnyEvent {
    const data = {
      shareId: randomUUID(),
      recordId: randomUUID(),
      patientId,
      category: 'conditions' as const,
      sharedBy: { subject: 'dr-house', organisation: CUSTODIAN },
      sharedWith,
      purpose: 'TREAT' as const,
      ...(grantId && { grantId }),
    };
    return this.publish(
      Topics.recordsRecord,
      createEvent({ type: RECORD_SHARED_V1, source: '/carechain/records', subject: patientId, actor: 'dr-house', actororg: CUSTODIAN, time, data }),
    );
  }

  /** A record the custodian wrote (version 1); returns its record id. */
  record(patientId: string, category: RecordCategory, resourceType: string, time: Date): string {
    const recordId = randomUUID();
    const data = { recordId, patientId, version: 1, category, resourceType, author: { subject: 'dr-house', organisation: CUSTODIAN }, resource: SEALED };
    this.publish(
      Topics.recordsRecord,
      createEvent({ type: RECORD_WRITTEN_V1, source: '/carechain/records', subject: patientId, actor: 'dr-house', actororg: CUSTODIAN, time, data }),
    );
    return recordId;
  }

  /** A claim the custodian submitted to `insurer`, billing for `records` documenting records (or these record ids). */
  claim(patientId: string, insurer: string, time: Date, records: number | readonly string[] = 2): AnyEvent {
    const sealed = SEALED;
    const data = {
      claimId: randomUUID(),
      patientId,
      provider: CUSTODIAN,
      insurer,
      coverageId: randomUUID(),
      use: 'claim' as const,
      submittedBy: { subject: 'desk', organisation: CUSTODIAN },
      purpose: 'HPAYMT' as const,
      documentingRecordIds: typeof records === 'number' ? Array.from({ length: records }, () => randomUUID()) : [...records],
      resource: sealed,
    };
    return this.publish(
      Topics.claimsClaim,
      createEvent({ type: CLAIM_SUBMITTED_V1, source: '/carechain/claims', subject: patientId, actor: 'desk', actororg: CUSTODIAN, time, data }),
    );
  }

  /** Anchors an event: its receipt, with a proof that checks out unless `tamper`. */
  anchor(event: AnyEvent, tamper = false): void {
    const leaves = [Buffer.alloc(32, 1), Buffer.alloc(32, 2)];
    const tree = buildTree(leaves);
    const data = {
      eventId: event.id,
      eventType: event.type,
      source: { topic: Topics.recordsAccess, partition: 0, offset: '0' },
      commitment: toHex(leaves[tamper ? 1 : 0]!),
      saltVersion: 'v1',
      batchId: 'b'.repeat(64),
      leafIndex: 0,
      treeSize: 2,
      proof: tree.proof(0).map(toHex),
      merkleRoot: toHex(tree.root),
      txId: 'tx-1',
      blockNumber: '42',
      anchoredAt: event.time,
    };
    const receipt = validateEvent(
      createEvent({ type: RECEIPT_ISSUED_V1, source: '/carechain/ledger-writer', subject: event.subject, time: new Date(event.time), data }),
    );
    this.redis.apply(
      receiptProjection.apply({
        topic: Topics.ledgerReceipt,
        partition: 0,
        offset: String(this.offset++),
        key: null,
        value: Buffer.alloc(0),
        event: receipt,
        traceContext: ROOT_CONTEXT,
      }),
    );
  }

  /** Anchors events in one batch: one receipt for them all, as ledger-writer issues it; its root is wrong if `tamper`. */
  anchorBatch(events: readonly AnyEvent[], tamper = false): { batchId: string; merkleRoot: string } {
    const commitments = events.map((e) => createHash('sha256').update(e.id).digest('hex'));
    const tree = buildTree(commitments.map((c) => Buffer.from(c, 'hex')));
    const batchId = createHash('sha256')
      .update(events.map((e) => e.id).join())
      .digest('hex');
    const merkleRoot = tamper ? 'f'.repeat(64) : toHex(tree.root);
    const types = [...new Set(events.map((e) => e.type))];
    const data = {
      batchId,
      merkleRoot,
      treeSize: events.length,
      txId: `tx-${batchId.slice(0, 8)}`,
      blockNumber: '43',
      anchoredAt: events[events.length - 1]!.time,
      source: { topic: Topics.recordsAccess, partition: 1, firstOffset: '100', lastOffset: String(100 + 2 * (events.length - 1)) },
      eventIds: events.map((e) => e.id),
      offsets: events.map((_, i) => 2 * i),
      commitments,
      eventTypes: types,
      typeOf: events.map((e) => types.indexOf(e.type)),
      saltVersions: ['patient:v1'],
      saltOf: events.map(() => 0),
    };
    const receipt = validateEvent(createEvent({ type: RECEIPT_ISSUED_V2, source: '/carechain/ledger-writer', data }));
    this.redis.apply(
      receiptProjection.apply({
        topic: Topics.ledgerReceipt,
        partition: 0,
        offset: String(this.offset++),
        key: batchId,
        value: Buffer.alloc(0),
        event: receipt,
        traceContext: ROOT_CONTEXT,
      }),
    );
    return { batchId, merkleRoot };
  }
}
