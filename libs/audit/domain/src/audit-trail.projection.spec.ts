import { ROOT_CONTEXT } from '@opentelemetry/api';
import { createEvent, PATIENT_REGISTERED_V1, Topics, validateEvent } from '@carechain/contracts';
import { buildTree, toHex } from '@carechain/ledger-merkle';
import { auditEntryKey, auditTrailProjection, patientTimelineKey, trailIndexKey } from './audit-trail.projection';
import { inclusionHolds } from './receipt.projection';

describe('audit trail projection', () => {
  it('records ids and metadata of an event, never its payload', () => {
    const event = validateEvent(
      createEvent({
        type: PATIENT_REGISTERED_V1,
        source: '/carechain/identity',
        subject: '6f1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f',
        actor: 'clerk-1',
        actororg: 'hospital-a',
        time: new Date('2026-11-25T10:00:00Z'),
        data: {
          patientId: '6f1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f',
          custodian: 'hospital-a',
          demographics: { name: { given: ['Grace'], family: 'Hopper' }, birthDate: '1906-12-09', gender: 'female' },
          identifiers: [{ system: 'urn:x', value: 'MRN-7' }],
        },
      }),
    );
    const commands = auditTrailProjection.apply({
      topic: Topics.identityPatient,
      partition: 1,
      offset: '9',
      key: null,
      value: Buffer.alloc(0),
      event,
      traceContext: ROOT_CONTEXT,
    });
    expect(commands).toEqual([
      ['SET', auditEntryKey(event.id), expect.any(String)],
      ['ZADD', patientTimelineKey(event.subject!), String(Date.parse('2026-11-25T10:00:00Z')), event.id],
      [
        'ZADD',
        trailIndexKey({ kind: 'patient-organisation', patientId: event.subject!, organisation: 'hospital-a' }),
        String(Date.parse('2026-11-25T10:00:00Z')),
        event.id,
      ],
      ['ZADD', trailIndexKey({ kind: 'actor', organisation: 'hospital-a', actor: 'clerk-1' }), String(Date.parse('2026-11-25T10:00:00Z')), event.id],
    ]);
    const stored = commands[0]![2]!;
    expect(JSON.parse(stored)).toEqual({
      eventId: event.id,
      type: PATIENT_REGISTERED_V1,
      subject: event.subject,
      actor: 'clerk-1',
      actorOrganisation: 'hospital-a',
      time: '2026-11-25T10:00:00.000Z',
      source: { topic: Topics.identityPatient, partition: 1, offset: '9' },
    });
    expect(stored).not.toMatch(/Hopper|1906|MRN-7/);
  });
});

describe('receipt projection', () => {
  it('checks the inclusion proof of a receipt on arrival', () => {
    const leaves = [1, 2, 3, 4, 5].map((n) => Buffer.alloc(32, n));
    const tree = buildTree(leaves);
    const receipt = {
      eventId: 'e',
      eventType: 't',
      source: { topic: 't', partition: 0, offset: '2' },
      commitment: toHex(leaves[2]!),
      saltVersion: 'v1',
      batchId: 'a'.repeat(64),
      leafIndex: 2,
      treeSize: 5,
      proof: tree.proof(2).map(toHex),
      merkleRoot: toHex(tree.root),
      txId: 'tx',
      blockNumber: '7',
      anchoredAt: '2026-01-01T00:00:00.000Z',
    };
    expect(inclusionHolds(receipt)).toBe(true);
    expect(inclusionHolds({ ...receipt, commitment: toHex(leaves[3]!) })).toBe(false);
    expect(inclusionHolds({ ...receipt, leafIndex: 3 })).toBe(false);
    expect(inclusionHolds({ ...receipt, proof: ['zz'] })).toBe(false);
  });
});
