import { ROOT_CONTEXT } from '@opentelemetry/api';
import {
  createEvent,
  PATIENT_ERASED_V1,
  PATIENT_MERGED_V1,
  PATIENT_REGISTERED_V2,
  PATIENT_UNMERGED_V1,
  SIGNING_KEY_REGISTERED_V1,
  validateEvent,
} from '@carechain/contracts';
import type { ReplicatedRecord } from '@carechain/messaging';
import { PatientRegistry } from './patient-registry';

const a = '6f1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f';
const b = '7f1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f';
const sealed = { alg: 'A256GCM', keyVersion: 1, iv: 'AAAAAAAAAAAAAAAA', ct: 'AAAA', tag: 'AAAAAAAAAAAAAAAAAAAAAA' } as const;

function rec(type: string, data: unknown, actor?: string): ReplicatedRecord {
  const event = validateEvent(createEvent({ type, source: '/test', data, ...(actor !== undefined && { actor }) }));
  return { topic: 'identity.patient.v1', partition: 0, offset: '0', key: null, event, traceContext: ROOT_CONTEXT };
}

const registered = (patientId: string, custodian: string) =>
  rec(PATIENT_REGISTERED_V2, { patientId, custodian, registrationId: '8f1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f', details: sealed, match: { decision: 'new' } });

describe('PatientRegistry', () => {
  it('knows custodians, follows merges both ways, and keeps the first custodian on replay', () => {
    const r = new PatientRegistry();
    r.apply(registered(a, 'hospital-a'));
    r.apply(registered(b, 'hospital-b'));
    r.apply(registered(a, 'elsewhere'));
    expect(r.get(a)?.custodian).toBe('hospital-a');
    r.apply(rec(PATIENT_MERGED_V1, { survivorId: a, mergedId: b }));
    expect(r.resolve(b)?.patientId).toBe(a);
    expect(r.mergedInto(a)).toEqual([b]);
    r.apply(rec(PATIENT_UNMERGED_V1, { survivorId: a, mergedId: b }));
    expect(r.resolve(b)?.patientId).toBe(b);
    expect(r.mergedInto(a)).toEqual([]);
  });

  it('lists a merged group recursively, and moves a patient merged again into another survivor', () => {
    const c = '8f1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f';
    const r = new PatientRegistry();
    for (const [id, org] of [
      [a, 'hospital-a'],
      [b, 'hospital-b'],
      [c, 'hospital-c'],
    ] as const)
      r.apply(registered(id, org));
    r.apply(rec(PATIENT_MERGED_V1, { survivorId: b, mergedId: c }));
    r.apply(rec(PATIENT_MERGED_V1, { survivorId: a, mergedId: b }));
    expect(r.mergedInto(a)).toEqual([b, c]);
    expect(r.resolve(c)?.patientId).toBe(a);
    r.apply(rec(PATIENT_MERGED_V1, { survivorId: a, mergedId: c }));
    expect(r.mergedInto(b)).toEqual([]);
    expect(r.mergedInto(a).sort()).toEqual([b, c].sort());
  });

  it('marks erased patients, with those merged into them, and forgets their signing keys', () => {
    const r = new PatientRegistry();
    r.apply(registered(a, 'hospital-a'));
    r.apply(registered(b, 'hospital-a'));
    const key = { patientId: a, keyId: 'k'.repeat(43), jwk: { kty: 'OKP', crv: 'Ed25519', x: 'x'.repeat(43) } };
    // A key registered by staff (or by nobody in particular) makes nothing patient-signed.
    r.apply(rec(SIGNING_KEY_REGISTERED_V1, { ...key, keyId: 's'.repeat(43) }, 'registrar-1'));
    r.apply(rec(SIGNING_KEY_REGISTERED_V1, { ...key, keyId: 'n'.repeat(43) }));
    expect(r.get(a)?.signingKeys.size).toBe(0);
    r.apply(rec(SIGNING_KEY_REGISTERED_V1, key, a));
    expect([...(r.get(a)?.signingKeys.keys() ?? [])]).toEqual(['k'.repeat(43)]);
    r.apply(rec(PATIENT_ERASED_V1, { patientId: a, reason: 'data-subject-request', caseReference: 'DSR-1', alsoErased: [b] }));
    expect(r.get(a)).toMatchObject({ erased: true });
    expect(r.get(a)?.signingKeys.size).toBe(0);
    expect(r.get(b)?.erased).toBe(true);
  });
});
