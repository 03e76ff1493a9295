// GDPR Art. 17 as crypto-shredding. PatientErased first (PHI-free, durable: the
// intent survives a crash), then a tombstone for each key on identity.keys.v1. Every
// service drops the patient on PatientErased and forgets the keys on the tombstone;
// the encrypted events left in Kafka can then be read by no one.
import { createEvent, PATIENT_ERASED_V1, Topics, type ErasureReason } from '@carechain/contracts';
import type { EventPublisher } from '@carechain/messaging';
import type { IdentityState } from './identity-state';
import { IdentityError, IdentityErrorCode } from './identity.error';
import { IDENTITY_SOURCE, type PatientKeyIssuer } from './patient-key.issuer';
import { actorOf, relationshipTo, requireAccess, type Caller } from './patient-access';

export class ErasePatientUseCase {
  constructor(
    private readonly state: IdentityState,
    private readonly issuer: PatientKeyIssuer,
    private readonly publisher: EventPublisher,
  ) {}

  async execute(patientId: string, reason: ErasureReason, caseReference: string, caller: Caller): Promise<{ eventId: string; erased: string[] }> {
    if (this.state.isErased(patientId)) throw new IdentityError(IdentityErrorCode.PatientErased, `patient ${patientId} was already erased`);
    const patient = this.state.patient(patientId);
    if (!patient) throw new IdentityError(IdentityErrorCode.PatientNotFound, `no patient ${patientId}`);
    requireAccess(
      'identity.patient.erase',
      caller,
      relationshipTo(this.state, caller, patient),
      "only a privacy officer of the patient's custodian may erase them",
    );
    const actor = actorOf(caller);
    const alsoErased = this.state.mergedInto(patientId);
    const event = createEvent({
      type: PATIENT_ERASED_V1,
      source: IDENTITY_SOURCE,
      subject: patientId,
      actor: actor.subject,
      actororg: actor.organisation,
      data: { patientId, reason, caseReference, alsoErased },
    });
    await this.publisher.publish(Topics.identityPatient, event, { key: patientId });
    const erased = [patientId, ...alsoErased];
    await Promise.all(erased.map((id) => this.issuer.shred(id)));
    this.state.applyEvent(event);
    return { eventId: event.id, erased };
  }
}
