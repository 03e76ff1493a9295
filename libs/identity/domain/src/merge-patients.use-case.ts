// Explicit merge and unmerge by a data steward. Each patient keeps its key and its
// history; a merge only points one at the other, so unmerge restores it exactly.
//
// Custody never moves because one organisation decided alone. A steward merges
// patients of their own organisation at once; when the two patients have different
// custodians, the merge is a request (MergeRequested) that the other custodian's
// steward accepts — then, and only then, PatientMerged — or rejects. Either custodian
// may unmerge: separating the records again gives nobody access they did not have.
import { randomUUID } from 'node:crypto';
import {
  createEvent,
  MERGE_REQUEST_RESOLVED_V1,
  MERGE_REQUESTED_V1,
  PATIENT_MERGED_V1,
  PATIENT_UNMERGED_V1,
  Topics,
  type AnyEvent,
} from '@carechain/contracts';
import type { EventPublisher } from '@carechain/messaging';
import type { IdentityState, MergeRequestState, PatientState } from './identity-state';
import { IdentityError, IdentityErrorCode } from './identity.error';
import { actorOf, requireAccess, type Caller } from './patient-access';
import { IDENTITY_SOURCE } from './patient-key.issuer';

export type MergeOutcome =
  | { readonly status: 'merged'; readonly eventId: string }
  | { readonly status: 'pending'; readonly mergeRequestId: string; readonly awaiting: string; readonly eventId: string };

export class MergePatientsUseCase {
  constructor(
    private readonly state: IdentityState,
    private readonly publisher: EventPublisher,
    private readonly newId: () => string = randomUUID,
  ) {}

  async merge(survivorId: string, mergedId: string, caller: Caller): Promise<MergeOutcome> {
    const survivor = this.existing(survivorId);
    const merged = this.existing(mergedId);
    const custodians = [this.custodianOf(survivor), this.custodianOf(merged)];
    const mine = custodians.indexOf(caller.organisation);
    const custodial = mine !== -1 && !caller.roles.includes('patient');
    requireAccess(
      'identity.merge',
      caller,
      custodial ? 'custodian' : 'other',
      'only a data steward of the custodian of one of the two patients may merge them',
    );
    this.assertMergeable(survivor, merged);
    if (custodians[0] === custodians[1]) return { status: 'merged', eventId: await this.publishMerge(PATIENT_MERGED_V1, survivorId, mergedId, caller) };

    const awaiting = custodians[1 - mine];
    const mergeRequestId = this.newId();
    const event = createEvent({
      type: MERGE_REQUESTED_V1,
      source: IDENTITY_SOURCE,
      subject: mergedId,
      actor: caller.subject,
      actororg: caller.organisation,
      data: { mergeRequestId, survivorId, mergedId, requestedBy: caller.organisation, awaiting },
    });
    await this.emit(event, mergedId);
    return { status: 'pending', mergeRequestId, awaiting, eventId: event.id };
  }

  /** The awaited custodian's steward accepts (the merge happens) or rejects a merge request. */
  async resolve(mergeRequestId: string, outcome: 'accepted' | 'rejected', caller: Caller): Promise<{ status: 'merged' | 'rejected'; eventId: string }> {
    const request = this.state.mergeRequest(mergeRequestId);
    if (!request) throw new IdentityError(IdentityErrorCode.MergeRequestNotFound, `no merge request ${mergeRequestId}`);
    const awaited = caller.organisation === request.awaiting && !caller.roles.includes('patient');
    requireAccess(
      'identity.merge-request.resolve',
      caller,
      awaited ? 'custodian' : 'other',
      `only a data steward of ${request.awaiting}, which the request awaits, may accept or reject it`,
    );
    if (request.status !== 'pending')
      throw new IdentityError(IdentityErrorCode.MergeRequestClosed, `merge request ${mergeRequestId} was already ${request.status}`);
    if (outcome === 'accepted') {
      // The patients may have changed since the request: the same checks as a merge.
      this.assertMergeable(this.existing(request.survivorId), this.existing(request.mergedId));
    }
    const resolved = await this.publishResolution(request, outcome, caller);
    if (outcome === 'rejected') return { status: 'rejected', eventId: resolved };
    return { status: 'merged', eventId: await this.publishMerge(PATIENT_MERGED_V1, request.survivorId, request.mergedId, caller) };
  }

  /** The requests that involve the caller's organisation. */
  requests(caller: Caller): MergeRequestState[] {
    return this.state.mergeRequestsOf(caller.organisation);
  }

  async unmerge(survivorId: string, mergedId: string, caller: Caller): Promise<{ eventId: string }> {
    const merged = this.existing(mergedId);
    const survivor = this.existing(survivorId);
    const custodial = [survivor.custodian, merged.custodian].includes(caller.organisation) && !caller.roles.includes('patient');
    requireAccess(
      'identity.unmerge',
      caller,
      custodial ? 'custodian' : 'other',
      'only a data steward of the custodian of one of the two patients may unmerge them',
    );
    if (merged.mergedInto !== survivorId) throw new IdentityError(IdentityErrorCode.MergeRefused, `patient ${mergedId} is not merged into ${survivorId}`);
    return { eventId: await this.publishMerge(PATIENT_UNMERGED_V1, survivorId, mergedId, caller) };
  }

  private assertMergeable(survivor: PatientState, merged: PatientState): void {
    if (survivor.patientId === merged.patientId) throw new IdentityError(IdentityErrorCode.MergeRefused, 'a patient cannot be merged into itself');
    if (merged.mergedInto !== undefined)
      throw new IdentityError(IdentityErrorCode.MergeRefused, `patient ${merged.patientId} is already merged into ${merged.mergedInto}`);
    if (this.state.resolve(survivor.patientId)?.patientId === merged.patientId)
      throw new IdentityError(IdentityErrorCode.MergeRefused, 'the survivor is itself merged into the other patient: unmerge first');
  }

  /** Who is responsible for the patient now: the survivor's custodian if it was merged. */
  private custodianOf(patient: PatientState): string {
    return (this.state.resolve(patient.patientId) ?? patient).custodian;
  }

  /** PatientMerged or PatientUnmerged: the same pair, keyed by the merged patient. */
  private async publishMerge(
    type: typeof PATIENT_MERGED_V1 | typeof PATIENT_UNMERGED_V1,
    survivorId: string,
    mergedId: string,
    caller: Caller,
  ): Promise<string> {
    const actor = actorOf(caller);
    const event = createEvent({
      type,
      source: IDENTITY_SOURCE,
      subject: mergedId,
      actor: actor.subject,
      actororg: actor.organisation,
      data: { survivorId, mergedId },
    });
    await this.emit(event, mergedId);
    return event.id;
  }

  private async publishResolution(request: MergeRequestState, outcome: 'accepted' | 'rejected', caller: Caller): Promise<string> {
    const event = createEvent({
      type: MERGE_REQUEST_RESOLVED_V1,
      source: IDENTITY_SOURCE,
      subject: request.mergedId,
      actor: caller.subject,
      actororg: caller.organisation,
      data: { mergeRequestId: request.mergeRequestId, survivorId: request.survivorId, mergedId: request.mergedId, outcome },
    });
    await this.emit(event, request.mergedId);
    return event.id;
  }

  private async emit(event: AnyEvent, key: string): Promise<void> {
    await this.publisher.publish(Topics.identityPatient, event, { key });
    this.state.applyEvent(event);
  }

  private existing(patientId: string): PatientState {
    if (this.state.isErased(patientId)) throw new IdentityError(IdentityErrorCode.PatientErased, `patient ${patientId} was erased`);
    const p = this.state.patient(patientId);
    if (!p) throw new IdentityError(IdentityErrorCode.PatientNotFound, `no patient ${patientId}`);
    return p;
  }
}
