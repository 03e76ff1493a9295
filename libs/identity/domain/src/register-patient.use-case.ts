// Registers a patient: one PatientRegistered event on identity's topic, keyed by
// the new patient id. The answer waits for Kafka's acknowledgement (acks=all),
// so a 201 means the registration is durable, not merely accepted.
import { randomUUID } from 'node:crypto';
import { createEvent, PATIENT_REGISTERED_V1, Topics } from '@carechain/contracts';
import type { EventPublisher } from '@carechain/messaging';
import type { RegisterPatientCommand } from './register-patient.command';

export interface Actor {
  readonly subject: string;
  readonly organisation: string;
}

export const IDENTITY_SOURCE = '/carechain/identity';

export class RegisterPatientUseCase {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly newId: () => string = randomUUID,
  ) {}

  async execute(command: RegisterPatientCommand, actor: Actor): Promise<{ patientId: string; eventId: string }> {
    const patientId = this.newId();
    const event = createEvent({
      type: PATIENT_REGISTERED_V1,
      source: IDENTITY_SOURCE,
      subject: patientId,
      actor: actor.subject,
      actororg: actor.organisation,
      data: { patientId, custodian: actor.organisation, demographics: command.demographics, identifiers: command.identifiers },
    });
    await this.publisher.publish(Topics.identityPatient, event, { key: patientId });
    return { patientId, eventId: event.id };
  }
}
