// Which records a consumer parses: the type header decides a pass-over only where the
// consumer declared its types and the header names a known type it does not handle.
import { encodeEvent, PATIENT_ERASED_V1, PATIENT_REGISTERED_V1 } from '@carechain/contracts';
import { samplePatientErased, samplePatientRegistered } from '../testing';
import { CE_TYPE_HEADER, decodeRecord, passesOver, typeHeaderOf } from './record-types';

const registered = samplePatientRegistered();
const erased = samplePatientErased();
const onlyErasures = new Set<string>([PATIENT_ERASED_V1]);

function message(value: Buffer | string | null, type?: string | Buffer) {
  return { value: typeof value === 'string' ? Buffer.from(value) : value, headers: type === undefined ? {} : { [CE_TYPE_HEADER]: type } };
}

const notJson = /not JSON|has no value/;
const badEnvelope = /not a valid CloudEvents 1.0 envelope/;
const mismatch = /type header .* does not match the event's type/;

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
    expect(() => decodeRecord(message('not even json'), onlyErasures)).toThrow(notJson);
    expect(() => decodeRecord(message('{"this is": "not a cloud event"}', 'PatientRegistered'), onlyErasures)).toThrow(badEnvelope);
    expect(() => decodeRecord(message(null), onlyErasures)).toThrow(notJson);
  });

  it('parses every record of a topic the consumer declared no types for', () => {
    expect(decodeRecord(message(encodeEvent(registered), PATIENT_REGISTERED_V1), undefined)?.type).toBe(PATIENT_REGISTERED_V1);
    expect(() => decodeRecord(message('not even json', PATIENT_REGISTERED_V1), undefined)).toThrow(notJson);
  });

  it('rejects a record whose header names a handled type but whose value is another type', () => {
    expect(() => decodeRecord(message(encodeEvent(registered), PATIENT_ERASED_V1), onlyErasures)).toThrow(mismatch);
    // Where nothing is passed over, a lying header is caught all the same: no consumer applies the record.
    expect(() => decodeRecord(message(encodeEvent(erased), PATIENT_REGISTERED_V1), undefined)).toThrow(mismatch);
  });
});
