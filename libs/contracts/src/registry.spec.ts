import { ContractError, ContractErrorCode } from './contract.error';
import { createEvent } from './envelope';
import { PATIENT_REGISTERED_V1 } from './identity/patient-registered.v1';
import { decodeEvent, encodeEvent, payloadJsonSchemas, validateEvent } from './registry';
import { dlqTopic, TOPIC_SPECS, Topics } from './topics';

const data = {
  patientId: '0b0f4c3e-6a8e-4b2a-9d7e-3f1f1a2b3c4d',
  custodian: 'hospital-a',
  demographics: { name: { given: ['Ada'], family: 'Lovelace' }, birthDate: '1815-12-10', gender: 'female' },
  identifiers: [{ system: 'urn:carechain:mrn:hospital-a', value: 'MRN-1' }],
};

function event(overrides: Record<string, unknown> = {}) {
  return { ...createEvent({ type: PATIENT_REGISTERED_V1, source: '/identity', subject: data.patientId, data }), ...overrides };
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

describe('event contracts', () => {
  it('accepts a well-formed PatientRegistered and round-trips it through bytes', () => {
    const decoded = decodeEvent(encodeEvent(validateEvent(event())));
    if (decoded.type !== PATIENT_REGISTERED_V1) throw new Error(`decoded as ${decoded.type}`);
    expect(decoded.data.demographics.telecom).toEqual([]);
    expect(decoded.dataschema).toBe('https://carechain.dev/schemas/identity/patient/registered/v1.json');
  });

  it('rejects bytes that are not JSON', () => {
    expect(codeOf(() => decodeEvent(Buffer.from('{nope')))).toBe(ContractErrorCode.NotJson);
    expect(codeOf(() => decodeEvent(null))).toBe(ContractErrorCode.NotJson);
  });

  it('does not quote the bytes of a record that is not JSON (they may be PHI, and the message reaches logs)', () => {
    let message = '';
    try {
      decodeEvent(Buffer.from('{"name": Grace Hopper'));
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/not JSON/);
    expect(message).not.toContain('Grace');
  });

  it('rejects a broken envelope', () => {
    expect(codeOf(() => validateEvent(event({ specversion: '0.3' })))).toBe(ContractErrorCode.BadEnvelope);
    expect(codeOf(() => validateEvent(event({ time: 'yesterday' })))).toBe(ContractErrorCode.BadEnvelope);
    expect(codeOf(() => validateEvent(event({ type: 'PatientRegistered' })))).toBe(ContractErrorCode.BadEnvelope);
    expect(codeOf(() => validateEvent(event({ traceparent: 'xx' })))).toBe(ContractErrorCode.BadEnvelope);
  });

  it('rejects an unknown event type', () => {
    expect(codeOf(() => validateEvent(event({ type: 'carechain.identity.patient.exploded.v1' })))).toBe(ContractErrorCode.UnknownType);
  });

  it('names the failing field when data is wrong', () => {
    try {
      validateEvent(event({ data: { ...data, demographics: { ...data.demographics, birthDate: '2999-01-01' } } }));
      throw new Error('expected a ContractError');
    } catch (err) {
      expect(err).toBeInstanceOf(ContractError);
      expect((err as ContractError).code).toBe(ContractErrorCode.BadData);
      expect((err as ContractError).issues.map((i) => i.path)).toContain('data.demographics.birthDate');
    }
  });

  it('requires at least one identifier', () => {
    expect(codeOf(() => validateEvent(event({ data: { ...data, identifiers: [] } })))).toBe(ContractErrorCode.BadData);
  });

  it('declares a dead-letter topic for every domain topic', () => {
    const names = TOPIC_SPECS.map((t) => t.name);
    for (const topic of Object.values(Topics)) {
      expect(names).toContain(topic);
      expect(names).toContain(dlqTopic(topic));
    }
    expect(TOPIC_SPECS.find((t) => t.name === Topics.identityKeys)?.cleanupPolicy).toBe('compact');
  });

  it('publishes a JSON Schema per event type', () => {
    const schemas = payloadJsonSchemas();
    expect(Object.keys(schemas)).toContain(PATIENT_REGISTERED_V1);
    expect(JSON.stringify(schemas[PATIENT_REGISTERED_V1])).toContain('birthDate');
  });
});
