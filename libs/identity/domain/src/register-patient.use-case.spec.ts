import { ROOT_CONTEXT } from '@opentelemetry/api';
import { PATIENT_REGISTERED_V1, Topics, validateEvent, type CloudEvent } from '@carechain/contracts';
import type { ConsumedRecord, EventPublisher, RawMessage } from '@carechain/messaging';
import { RegisterPatientUseCase } from './register-patient.use-case';
import { registerPatientSchema } from './register-patient.command';
import { patientDirectoryProjection, patientKey } from './patient-directory.projection';

class FakePublisher implements EventPublisher {
  readonly sent: { topic: string; event: CloudEvent; key?: string }[] = [];
  async publish(topic: string, event: CloudEvent, options: { key?: string } = {}): Promise<void> {
    validateEvent(event);
    this.sent.push({ topic, event, ...(options.key !== undefined && { key: options.key }) });
  }
  async publishAll(topic: string, events: readonly CloudEvent[]): Promise<void> {
    for (const e of events) await this.publish(topic, e);
  }
  async publishRaw(_topic: string, _message: RawMessage): Promise<void> {
    throw new Error('not used');
  }
}

const body = {
  demographics: { name: { given: ['Grace'], family: 'Hopper' }, birthDate: '1906-12-09', gender: 'female' },
  identifiers: [{ system: 'urn:carechain:mrn:hospital-a', value: 'MRN-7' }],
};

describe('registering a patient', () => {
  it('publishes one valid PatientRegistered keyed by the new id, custodian from the caller', async () => {
    const publisher = new FakePublisher();
    const result = await new RegisterPatientUseCase(publisher, () => '6f1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f').execute(registerPatientSchema.parse(body), {
      subject: 'clerk-1',
      organisation: 'hospital-a',
    });
    expect(result.patientId).toBe('6f1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f');
    expect(publisher.sent).toHaveLength(1);
    const [{ topic, event, key }] = publisher.sent as [(typeof publisher.sent)[number]];
    expect(topic).toBe(Topics.identityPatient);
    expect(key).toBe(result.patientId);
    expect(event).toMatchObject({ type: PATIENT_REGISTERED_V1, subject: result.patientId, actor: 'clerk-1', actororg: 'hospital-a', id: result.eventId });
  });

  it('refuses unknown fields and a missing identifier', () => {
    expect(registerPatientSchema.safeParse({ ...body, custodian: 'elsewhere' }).success).toBe(false);
    expect(registerPatientSchema.safeParse({ ...body, identifiers: [] }).success).toBe(false);
  });

  it('projects the registration into the directory', async () => {
    const publisher = new FakePublisher();
    await new RegisterPatientUseCase(publisher).execute(registerPatientSchema.parse(body), { subject: 'c', organisation: 'hospital-a' });
    const event = validateEvent(publisher.sent[0]!.event);
    const record: ConsumedRecord = { topic: Topics.identityPatient, partition: 0, offset: '0', key: event.subject ?? null, value: Buffer.alloc(0), event, traceContext: ROOT_CONTEXT };
    const [command] = patientDirectoryProjection.apply(record);
    expect(command?.slice(0, 3)).toEqual(['HSET', patientKey(event.subject!), 'doc']);
    expect(JSON.parse(command![3]!)).toMatchObject({ custodian: 'hospital-a', version: 1, demographics: { name: { family: 'Hopper' } } });
  });
});
