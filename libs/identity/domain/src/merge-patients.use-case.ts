// Explicit merge and unmerge by a data steward. Each patient keeps its key and its
// history; a merge only points one at the other, so unmerge restores it exactly.
import { createEvent, PATIENT_MERGED_V1, PATIENT_UNMERGED_V1, Topics } from '@carechain/contracts';
import type { EventPublisher } from '@carechain/messaging';
import type { IdentityState } from './identity-state';
import { IdentityError, IdentityErrorCode } from './identity.error';
import { IDENTITY_SOURCE } from './patient-key.issuer';
import type { Actor } from './register-patient.use-case';

export class MergePatientsUseCase {
  constructor(
    private readonly state: IdentityState,
    private readonly publisher: EventPublisher,
  ) {}

  async merge(survivorId: string, mergedId: string, actor: Actor): Promise<{ eventId: string }> {
    const survivor = this.existing(survivorId);
    const merged = this.existing(mergedId);
    if (survivorId === mergedId) throw new IdentityError(IdentityErrorCode.MergeRefused, 'a patient cannot be merged into itself');
    if (merged.mergedInto !== undefined) throw new IdentityError(IdentityErrorCode.MergeRefused, `patient ${mergedId} is already merged into ${merged.mergedInto}`);
    if (this.state.resolve(survivor.patientId)?.patientId === mergedId) throw new IdentityError(IdentityErrorCode.MergeRefused, 'the survivor is itself merged into the other patient: unmerge first');
    const event = createEvent({ type: PATIENT_MERGED_V1, source: IDENTITY_SOURCE, subject: mergedId, actor: actor.subject, actororg: actor.organisation, data: { survivorId, mergedId } });
    await this.publisher.publish(Topics.identityPatient, event, { key: mergedId });
    this.state.applyEvent(event);
    return { eventId: event.id };
  }

  async unmerge(survivorId: string, mergedId: string, actor: Actor): Promise<{ eventId: string }> {
    const merged = this.existing(mergedId);
    if (merged.mergedInto !== survivorId) throw new IdentityError(IdentityErrorCode.MergeRefused, `patient ${mergedId} is not merged into ${survivorId}`);
    const event = createEvent({ type: PATIENT_UNMERGED_V1, source: IDENTITY_SOURCE, subject: mergedId, actor: actor.subject, actororg: actor.organisation, data: { survivorId, mergedId } });
    await this.publisher.publish(Topics.identityPatient, event, { key: mergedId });
    this.state.applyEvent(event);
    return { eventId: event.id };
  }

  private existing(patientId: string) {
    if (this.state.isErased(patientId)) throw new IdentityError(IdentityErrorCode.PatientErased, `patient ${patientId} was erased`);
    const p = this.state.patient(patientId);
    if (!p) throw new IdentityError(IdentityErrorCode.PatientNotFound, `no patient ${patientId}`);
    return p;
  }
}
