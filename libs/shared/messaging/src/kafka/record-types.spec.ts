// Which records a consumer parses: the type header decides a pass-over only where the
// consumer declared its types and the header names a known type it does not handle.
import { ContractError, ContractErrorCode, createEvent, encodeEvent, PATIENT_ERASED_V1, PATIENT_REGISTERED_V1 } from '@carechain/contracts';
import { CE_TYPE_HEADER, decodeRecord, passesOver, typeHeaderOf } from './record-types';

const patientId = '0b0f4c3e-6a8e-4b2a-9d7e-3f1f1a2b3c4d';
const registered = createEvent({
  type: PATIENT_REGISTERED_V1,
  source: '/identity',
  subject: patientId,
  data: {
    patientId,
    custodian: 'hospital-a',
    demographics: { name: { given: ['Ada'], family: 'Lovelace' }, birthDate: '1815-12-10', gender: 'female' },
    identifiers: [{ system: 'urn:carechain:mrn:hospital-a', value: 'MRN-1' }],
  },
});
const erased = createEvent({
  type: PATIENT_ERASED_V1,
  source: '/identity',
  subject: patientId,
  data: { patientId, reason: 'data-subject-request', caseReference: 'DSR-1', alsoErased: [] },
});
const onlyErasures = new Set<string>([PATIENT_ERASED_V1]);

function message(value: Buffer | string | null, type?: string | Buffer) {
  return { value: typeof value === 'string' ? Buffer.from(value) : value, headers: type === undefined ? {} : { [CE_TYPE_HEADER]: type } };
}

function codeOf(fn: () => unknown): ContractErrorCode | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof ContractError) return err.code;
    throw err;
  }
  return undefined;
}

describe('the type header', () => {
  it('is read as Kafka hands it over (bytes) or as a string, and is absent otherwise', () => {
    expect(typeHeaderOf(message(null, Buffer.from(PATIENT_ERASED_V1)))).toBe(PATIENT_ERASED_V1);
    expect(typeHeaderOf(message(null, PATIENT_ERASED_V1))).toBe(PATIENT_ERASED_V1);
    expect(typeHeaderOf(message(null))).toBeUndefined();
    expect(typeHeaderOf({ headers: { [CE_TYPE_HEADER]: [Buffer.from('a'), Buffer.from('b')] } })).toBeUndefined();
  });

  it('passes a record over only for a known type that the consumer declared it does not handle', () => {
    expect(passesOver(onlyErasures, PATIENT_REGISTERED_V1)).toBe(true);
    expect(passesOver(onlyErasures, PATIENT_ERASED_V1)).toBe(false);
    expect(passesOver(onlyErasures, undefined)).toBe(false);
    expect(passesOver(onlyErasures, 'carechain.identity.patient.exploded.v1')).toBe(false);
    expect(passesOver(undefined, PATIENT_REGISTERED_V1)).toBe(false);
  });
});

describe('decodeRecord', () => {
  it('passes over a record of a type not handled without parsing its value', () => {
    expect(decodeRecord(message('not even json', PATIENT_REGISTERED_V1), onlyErasures)).toBeUndefined();
  });

  it('decodes a record of a handled type', () => {
    expect(decodeRecord(message(encodeEvent(erased), PATIENT_ERASED_V1), onlyErasures)?.id).toBe(erased.id);
  });

  it('parses a record without a type header, or with one naming no known type, and rejects it as today when malformed', () => {
    expect(decodeRecord(message(encodeEvent(registered)), onlyErasures)?.type).toBe(PATIENT_REGISTERED_V1);
    expect(codeOf(() => decodeRecord(message('not even json'), onlyErasures))).toBe(ContractErrorCode.NotJson);
    expect(codeOf(() => decodeRecord(message('{"this is": "not a cloud event"}', 'PatientRegistered'), onlyErasures))).toBe(ContractErrorCode.BadEnvelope);
    expect(codeOf(() => decodeRecord(message(null), onlyErasures))).toBe(ContractErrorCode.NotJson);
  });

  it('parses every record of a topic the consumer declared no types for', () => {
    expect(decodeRecord(message(encodeEvent(registered), PATIENT_REGISTERED_V1), undefined)?.type).toBe(PATIENT_REGISTERED_V1);
    expect(codeOf(() => decodeRecord(message('not even json', PATIENT_REGISTERED_V1), undefined))).toBe(ContractErrorCode.NotJson);
  });

  it('rejects a record whose header names a handled type but whose value is another type', () => {
    expect(codeOf(() => decodeRecord(message(encodeEvent(registered), PATIENT_ERASED_V1), onlyErasures))).toBe(ContractErrorCode.TypeMismatch);
    // Where nothing is passed over, a lying header is caught all the same: no consumer applies the record.
    expect(codeOf(() => decodeRecord(message(encodeEvent(erased), PATIENT_REGISTERED_V1), undefined))).toBe(ContractErrorCode.TypeMismatch);
  });
});
