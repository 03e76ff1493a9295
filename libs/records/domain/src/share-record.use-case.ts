// Sharing a record with another organisation: telling it (RecordShared) that it
// may now fetch the record, which only holds when consent permits it. The caller
// must be able to read the record for treatment, and the receiving organisation
// must be permitted by consent for the record's category and the share's purpose:
// a share never widens access, it points at access the patient already gave.
import { createEvent, RECORD_SHARED_V1, Topics, type PurposeOfUse } from '@carechain/contracts';
import { staffRolesCarrying } from '@carechain/consent-decision';
import { recordsKit, type RecordsDeps, type RecordsKit } from './records.deps';
import { patientErased, recordNotFound, RecordsError, RecordsErrorCode } from './records.error';
import type { Requester } from './requester';
import { RECORDS_SOURCE } from './records-topology';

export interface ShareRequest {
  readonly organisation: string;
  readonly purpose: PurposeOfUse;
}

export interface SharedRecord {
  readonly shareId: string;
  readonly recordId: string;
  readonly eventId: string;
  /** The grant that lets the receiving organisation read it (absent when it is the custodian). */
  readonly grantId?: string;
}

export class ShareRecordUseCase {
  private readonly kit: RecordsKit;

  constructor(deps: RecordsDeps) {
    this.kit = recordsKit(deps);
  }

  async execute(recordId: string, share: ShareRequest, caller: Requester): Promise<SharedRecord> {
    const patientId = await this.kit.store.patientOf(recordId);
    if (patientId === undefined) throw recordNotFound(recordId);
    const patient = await this.kit.lookup.find(patientId);
    if (patient.erased) throw patientErased(patientId);
    const latest = await this.kit.store.latest(patientId, recordId);
    if (latest === undefined) throw recordNotFound(recordId);
    const own = this.kit.gate.decide(patient, caller, [latest.category], 'TREAT');
    if (own.effect === 'deny') {
      throw new RecordsError(RecordsErrorCode.AccessDenied, `${own.message} (${latest.category}, TREAT)`, { denyReason: own.reason });
    }
    // The receiving organisation as a whole: a grant limited to one of its practitioners does not count.
    // The receiving organisation, as the staff who would read for that purpose there.
    const recipient = { subject: share.organisation, organisation: share.organisation, roles: staffRolesCarrying(share.purpose) };
    const target = this.kit.gate.decide(patient, recipient, [latest.category], share.purpose);
    if (target.effect === 'deny') {
      throw new RecordsError(
        RecordsErrorCode.ShareNotPermitted,
        `${share.organisation} may not read ${latest.category} for ${share.purpose}: ${target.message}`,
        { denyReason: target.reason },
      );
    }
    const shareId = this.kit.newId();
    const event = createEvent({
      type: RECORD_SHARED_V1,
      source: RECORDS_SOURCE,
      subject: patientId,
      actor: caller.subject,
      actororg: caller.organisation,
      time: this.kit.now(),
      data: {
        shareId,
        recordId,
        patientId,
        category: latest.category,
        sharedBy: { subject: caller.subject, organisation: caller.organisation },
        sharedWith: share.organisation,
        purpose: share.purpose,
        ...(target.grantId !== undefined && { grantId: target.grantId }),
      },
    });
    await this.kit.publisher.publish(Topics.recordsRecord, event, { key: patientId });
    return { shareId, recordId, eventId: event.id, ...(target.grantId !== undefined && { grantId: target.grantId }) };
  }
}
