// A payer reads, for payment, exactly the records a claim addressed to it bills for
// (basis claim), and nothing else of the patient; a cancelled claim discloses nothing.
import { randomUUID } from 'node:crypto';
import { CLAIM_CANCELLED_V1, CLAIM_SUBMITTED_V1, createEvent, PATIENT_ERASED_V1, Topics, type AccessDecidedV1, type AnyEvent } from '@carechain/contracts';
import { DenyReason } from '@carechain/consent-decision';
import { ClaimDisclosuresReplica } from './claim-disclosures.replica';
import { ReadRecordUseCase } from './read-record.use-case';
import type { Requester } from './requester';
import { WriteRecordUseCase } from './write-record.use-case';
import { condition, custodianClinician, CUSTODIAN, RecordsWorld } from './testing/records-world';

const payer: Requester = { subject: 'adjudicator-1', organisation: 'insurer-c', roles: ['payer'] };
const sealed = { alg: 'A256GCM', keyVersion: 1, iv: 'AAAAAAAAAAAAAAAA', ct: 'AAAA', tag: 'AAAAAAAAAAAAAAAAAAAAAA' } as const;

function submitted(claimId: string, patientId: string, insurer: string, documentingRecordIds: string[]): AnyEvent {
  return createEvent({
    type: CLAIM_SUBMITTED_V1,
    source: '/spec',
    subject: patientId,
    data: {
      claimId,
      patientId,
      provider: CUSTODIAN,
      insurer,
      coverageId: randomUUID(),
      use: 'claim',
      submittedBy: { subject: 'desk', organisation: CUSTODIAN },
      purpose: 'HPAYMT',
      documentingRecordIds,
      resource: sealed,
    },
  }) as AnyEvent;
}

describe('reads disclosed by a claim', () => {
  let world: RecordsWorld;
  let claims: ClaimDisclosuresReplica;
  let reads: ReadRecordUseCase;
  let patientId: string;
  let billed: string;
  let other: string;

  beforeEach(async () => {
    world = await RecordsWorld.create();
    claims = new ClaimDisclosuresReplica();
    reads = new ReadRecordUseCase(world.deps({ claims }));
    patientId = await world.registerPatient();
    const writes = new WriteRecordUseCase(world.deps());
    ({ recordId: billed } = await writes.create(patientId, condition(patientId), custodianClinician));
    ({ recordId: other } = await writes.create(patientId, condition(patientId), custodianClinician));
  });

  afterEach(() => world.dispose());

  const payment = (requester = payer) => ({ requester, purpose: 'HPAYMT' as const });

  it('opens the billed record to the insurer for payment, and records the basis and the claim', async () => {
    await expect(reads.latest(billed, payment())).rejects.toMatchObject({ details: { denyReason: DenyReason.NoGrant } });
    const claimId = randomUUID();
    claims.apply({ event: submitted(claimId, patientId, 'insurer-c', [billed]) });
    expect((await reads.latest(billed, payment())).resource.id).toBe(billed);
    const accesses = world.publisher.on(Topics.recordsAccess).map((p) => p.event.data as AccessDecidedV1);
    expect(accesses.map((a) => [a.decision, a.basis ?? a.denyReason, a.claimId ?? null])).toEqual([
      ['deny', 'no-grant', null],
      ['permit', 'claim', claimId],
    ]);
  });

  it('opens nothing else: another record, another insurer, another purpose, a cancelled claim', async () => {
    const claimId = randomUUID();
    claims.apply({ event: submitted(claimId, patientId, 'insurer-c', [billed]) });
    await expect(reads.latest(other, payment())).rejects.toMatchObject({ details: { denyReason: DenyReason.NoGrant } });
    await expect(reads.latest(billed, payment({ ...payer, organisation: 'insurer-d' }))).rejects.toMatchObject({ details: { denyReason: DenyReason.NoGrant } });
    await expect(reads.latest(billed, { requester: payer, purpose: 'TREAT' })).rejects.toMatchObject({ details: { denyReason: DenyReason.PurposeNotForRole } });
    claims.apply({
      event: createEvent({
        type: CLAIM_CANCELLED_V1,
        source: '/spec',
        subject: patientId,
        data: { claimId, patientId, cancelledBy: { subject: 'desk', organisation: CUSTODIAN } },
      }) as AnyEvent,
    });
    await expect(reads.latest(billed, payment())).rejects.toMatchObject({ details: { denyReason: DenyReason.NoGrant } });
  });

  it('forgets an erased patient’s claims, whichever arrives first', () => {
    const replica = new ClaimDisclosuresReplica();
    const erased = createEvent({
      type: PATIENT_ERASED_V1,
      source: '/spec',
      subject: patientId,
      data: { patientId, reason: 'data-subject-request', caseReference: 'DSR-9', alsoErased: [] },
    }) as AnyEvent;
    replica.apply({ event: submitted(randomUUID(), patientId, 'insurer-c', [billed]) });
    replica.apply({ event: erased });
    expect(replica.disclosing([patientId], 'insurer-c', billed)).toEqual([]);
    replica.apply({ event: submitted(randomUUID(), patientId, 'insurer-c', [billed]) });
    expect(replica.disclosing([patientId], 'insurer-c', billed)).toEqual([]);
  });
});
