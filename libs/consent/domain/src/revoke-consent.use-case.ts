// Ends a grant before its time. Only the patient themself, or staff of the patient's
// custodian (recording a revocation on paper), may revoke: not the grantee, whose
// access it is, and who can simply stop using it. A grant that already ended (revoked,
// expired by event, or past its validUntil) cannot be revoked again: 409, so a client
// retrying after a lost answer learns the grant is over either way. Two revocations of
// one grant at once: the second is refused while the first is being published.
import { createEvent, GRANT_REVOKED_V1, revokeSigningPayload, Topics, type ConsentActor, type GrantRevokedV1 } from '@carechain/contracts';
import type { EventPublisher } from '@carechain/messaging';
import { assertRecordable, isCustodianStaff, isPatientSelf, type Caller } from './consent-caller';
import { CONSENT_SOURCE } from './consent-source';
import type { ConsentState } from './consent-state';
import { ConsentError, ConsentErrorCode } from './consent.error';
import { verifyPatientSignature } from './patient-signature';
import type { RevokeConsentCommand } from './revoke-consent.command';

export interface RevokeConsentResult {
  readonly grantId: string;
  readonly eventId: string;
  readonly revokedAt: string;
}

export class RevokeConsentUseCase {
  private readonly pending = new Set<string>();

  constructor(
    private readonly state: ConsentState,
    private readonly publisher: EventPublisher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(grantId: string, command: RevokeConsentCommand, caller: Caller): Promise<RevokeConsentResult> {
    const grant = this.state.grant(grantId);
    if (grant === undefined) throw new ConsentError(ConsentErrorCode.GrantNotFound, `no grant ${grantId}`);
    const patient = this.state.patient(grant.patientId);
    if (patient === undefined) throw new ConsentError(ConsentErrorCode.PatientNotFound, `no patient ${grant.patientId}`);
    if (patient.erased) throw new ConsentError(ConsentErrorCode.PatientErased, `patient ${grant.patientId} was erased`);
    let kind: ConsentActor['kind'];
    if (isPatientSelf(caller, patient.patientId)) kind = 'patient';
    else if (isCustodianStaff(caller, patient.custodian)) kind = 'custodian';
    else throw new ConsentError(ConsentErrorCode.Forbidden, "only the patient, or staff of the patient's custodian, may revoke their consent");
    assertRecordable(caller);

    const now = this.now();
    // Not yet valid is still revocable; revoked, expired or past validUntil is over.
    const over = grant.status !== 'active' || (grant.validUntil !== undefined && now.getTime() >= Date.parse(grant.validUntil));
    if (over) throw new ConsentError(ConsentErrorCode.GrantEnded, `grant ${grantId} has already ended`);
    if (this.pending.has(grantId)) throw new ConsentError(ConsentErrorCode.RevocationPending, `grant ${grantId} is being revoked`);
    if (command.signature !== undefined) verifyPatientSignature(patient, command.signature, revokeSigningPayload({ patientId: grant.patientId, grantId }));

    const revokedBy: ConsentActor = {
      kind,
      subject: caller.subject,
      ...(kind === 'custodian' && { organisation: caller.organisation }),
      signed: command.signature !== undefined,
    };
    const data: GrantRevokedV1 = {
      grantId,
      patientId: grant.patientId,
      revokedAt: now.toISOString(),
      revokedBy,
      ...(command.signature !== undefined && { signature: command.signature }),
    };
    const event = createEvent({
      type: GRANT_REVOKED_V1,
      source: CONSENT_SOURCE,
      subject: grant.patientId,
      actor: caller.subject,
      actororg: caller.organisation,
      time: now,
      data,
    });
    this.pending.add(grantId);
    try {
      await this.publisher.publish(Topics.consentGrant, event, { key: grant.patientId });
      this.state.applyEvent(event);
    } finally {
      this.pending.delete(grantId);
    }
    return { grantId, eventId: event.id, revokedAt: data.revokedAt };
  }
}
