// Records a consent: the patient grants an organisation (optionally one practitioner
// there) some record categories for some purposes, for a period. Either the patient
// themself, or staff of the patient's custodian recording a consent on paper (given by
// the patient, or by a delegate). A patient signature, when present, must verify
// against a key the patient registered; the grant is then recorded as signed.
// Answers once Kafka acknowledged the event, and applies it to the local state at
// once so that a decision made right after sees the grant.
import { randomUUID } from 'node:crypto';
import { createEvent, GRANT_GRANTED_V1, grantSigningPayload, Topics, type ConsentActor, type GrantGrantedV1 } from '@carechain/contracts';
import type { EventPublisher, ReplicaProgress } from '@carechain/messaging';
import type { RegisteredPatient } from '@carechain/patient-registry';
import { assertRecordable, isCustodianStaff, isPatientSelf, type Caller } from './consent-caller';
import { CONSENT_SOURCE } from './consent-source';
import type { ConsentState } from './consent-state';
import { ConsentError, ConsentErrorCode } from './consent.error';
import type { GrantConsentCommand } from './grant-consent.command';
import { verifyPatientSignature } from './patient-signature';

export interface GrantConsentResult {
  readonly grantId: string;
  readonly eventId: string;
}

/** Far above the replica's usual lag (tens of ms), well below a client's patience. */
const PATIENT_ARRIVAL_WAIT_MS = 3_000;

/** A state fed directly (as in specs) is complete at every moment: nothing to wait for. */
const FED_DIRECTLY: Pick<ReplicaProgress, 'caughtUpToEnd'> = { caughtUpToEnd: async () => true };

export class GrantConsentUseCase {
  constructor(
    private readonly state: ConsentState,
    private readonly publisher: EventPublisher,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = randomUUID,
    private readonly replicas: Pick<ReplicaProgress, 'caughtUpToEnd'> = FED_DIRECTLY,
    private readonly patientArrivalMs = PATIENT_ARRIVAL_WAIT_MS,
  ) {}

  /**
   * A patient registered a moment ago may not have reached this replica yet: a grant
   * made right after registration waits (briefly) for the replica to reach the end of
   * the patient topic as it is now, instead of answering 404.
   */
  private async knownPatient(patientId: string) {
    const known = this.state.patient(patientId);
    if (known !== undefined) return known;
    await this.replicas.caughtUpToEnd([Topics.identityPatient], this.patientArrivalMs);
    return this.state.patient(patientId);
  }

  async execute(command: GrantConsentCommand, caller: Caller): Promise<GrantConsentResult> {
    const patient = await this.knownPatient(command.patientId);
    if (patient === undefined) throw new ConsentError(ConsentErrorCode.PatientNotFound, `no patient ${command.patientId}`);
    if (patient.erased) throw new ConsentError(ConsentErrorCode.PatientErased, `patient ${command.patientId} was erased`);
    if (patient.mergedInto !== undefined) {
      throw new ConsentError(
        ConsentErrorCode.PatientMerged,
        `patient ${command.patientId} was merged into ${patient.mergedInto}: grant consent on the survivor`,
      );
    }
    const kind = grantorKind(command, caller, patient);
    assertRecordable(caller);

    const now = this.now();
    if (command.signature !== undefined && command.validFrom === undefined) {
      // The signature covers validFrom: a default chosen here is one the patient never signed.
      throw new ConsentError(ConsentErrorCode.InvalidRequest, 'a signed grant must state validFrom');
    }
    const validFrom = command.validFrom ?? now.toISOString();
    if (command.validUntil !== undefined) {
      const until = Date.parse(command.validUntil);
      if (until <= Date.parse(validFrom)) throw new ConsentError(ConsentErrorCode.InvalidRequest, 'validUntil must be later than validFrom');
      if (until <= now.getTime()) throw new ConsentError(ConsentErrorCode.InvalidRequest, 'validUntil has already passed');
    }
    const terms = {
      patientId: command.patientId,
      grantee: command.grantee,
      categories: command.categories,
      purposes: command.purposes,
      validFrom,
      ...(command.validUntil !== undefined && { validUntil: command.validUntil }),
    };
    if (command.signature !== undefined) verifyPatientSignature(patient, command.signature, grantSigningPayload(terms));

    const grantedBy: ConsentActor = {
      kind,
      subject: kind === 'delegate' ? command.grantedBy!.subject : caller.subject,
      ...(kind !== 'patient' && { organisation: caller.organisation }),
      signed: command.signature !== undefined,
    };
    const data: GrantGrantedV1 = { grantId: this.newId(), ...terms, grantedBy, ...(command.signature !== undefined && { signature: command.signature }) };
    const event = createEvent({
      type: GRANT_GRANTED_V1,
      source: CONSENT_SOURCE,
      subject: data.patientId,
      actor: caller.subject,
      actororg: caller.organisation,
      time: now,
      data,
    });
    await this.publisher.publish(Topics.consentGrant, event, { key: data.patientId });
    this.state.applyEvent(event);
    return { grantId: data.grantId, eventId: event.id };
  }
}

/** Who the grant is recorded as given by; throws FORBIDDEN or INVALID_REQUEST for anyone else. */
function grantorKind(command: GrantConsentCommand, caller: Caller, patient: RegisteredPatient): ConsentActor['kind'] {
  if (isPatientSelf(caller, patient.patientId)) {
    if (command.grantedBy !== undefined)
      throw new ConsentError(ConsentErrorCode.InvalidRequest, 'grantedBy is for custodian staff recording a delegate’s consent, not for the patient');
    return 'patient';
  }
  if (isCustodianStaff(caller, patient.custodian)) return command.grantedBy === undefined ? 'custodian' : 'delegate';
  throw new ConsentError(ConsentErrorCode.Forbidden, "only the patient, or staff of the patient's custodian, may record their consent");
}
