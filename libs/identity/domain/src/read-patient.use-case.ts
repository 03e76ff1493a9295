// A patient's demographics, decided like any read of their data: the consent decision
// for the category demographics (the patient themself for PATRQT; staff of the
// custodian in a role that needs them; a grant covering demographics). An
// organisation that registered the patient but is not otherwise permitted sees what
// it registered itself, never another organisation's details. Every read of a known
// patient, permitted or denied, is published as DemographicsRead on
// identity.access.v1 (acks=all) before the answer: audited and anchored like a
// read of records.
import { randomUUID } from 'node:crypto';
import { decide, groupGrants, usualPurpose, type Decision } from '@carechain/consent-decision';
import { createEvent, DEMOGRAPHICS_READ_V1, Topics, type DemographicsReadV1, type PurposeOfUse, type RegistrationDetails } from '@carechain/contracts';
import type { EventPublisher } from '@carechain/messaging';
import type { IdentityState } from './identity-state';
import { IdentityError, IdentityErrorCode } from './identity.error';
import { IDENTITY_SOURCE } from './patient-key.issuer';
import { relationOf, relationshipTo, type Caller } from './patient-access';
import { isPermitted } from '@carechain/auth';
import type { PatientDirectory, StoredRegistration } from './patient-directory.port';

export interface PatientView {
  readonly id: string;
  readonly custodian: string;
  readonly registeredAt: string;
  readonly demographics: RegistrationDetails['demographics'];
  readonly identifiers: RegistrationDetails['identifiers'];
  readonly registrations: readonly { registrationId: string; organisation: string; at: string }[];
  readonly mergedInto?: string;
  readonly did: string;
  /** all: every registration; own-registrations: only what the caller's organisation registered. */
  readonly scope: 'all' | 'own-registrations';
}

export class ReadPatientUseCase {
  constructor(
    private readonly state: IdentityState,
    private readonly directory: PatientDirectory,
    private readonly publisher: EventPublisher,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = randomUUID,
  ) {}

  async execute(patientId: string, caller: Caller): Promise<PatientView> {
    const stored = await this.directory.get(patientId);
    if (!stored) throw new IdentityError(IdentityErrorCode.PatientNotFound, `no patient ${patientId}`);
    if (stored.status === 'erased') throw new IdentityError(IdentityErrorCode.PatientErased, `patient ${patientId} was erased`);
    const patient = this.state.patient(patientId);
    if (!patient) throw new IdentityError(IdentityErrorCode.KeysUnavailable, 'the patient exists but has not reached this instance yet; retry shortly');
    const relationship = relationshipTo(this.state, caller, patient);
    // A service identity reads for the purpose its deployment granted it (PATRQT for one bound to the patient).
    const purpose = usualPurpose(caller.roles) ?? (caller.purposes?.[0] as PurposeOfUse | undefined) ?? 'HOPERAT';
    if (!isPermitted('identity.patient.read', caller.roles, relationship)) {
      await this.record(patientId, caller, purpose, { decision: 'deny', denyReason: 'no-relationship' });
      throw new IdentityError(
        IdentityErrorCode.Forbidden,
        "only the patient, staff of the patient's custodian, or an organisation the patient granted demographics or that registered them may read their demographics",
      );
    }

    const relation = relationOf(this.state, patient);
    const decision = decide(
      { patientId: relation.patientId, requester: caller, categories: ['demographics'], purpose, at: this.now() },
      { patientId: relation.patientId, custodian: relation.custodian, erased: false, aliases: relation.aliases ?? [] },
      groupGrants(relation.patientId, relation.aliases ?? [], (id) => this.state.grants.forPatient(id)),
    );
    let visible: readonly StoredRegistration[] = stored.registrations;
    let scope: PatientView['scope'] = 'all';
    if (decision.effect !== 'permit') {
      visible = stored.registrations.filter((r) => r.organisation === caller.organisation);
      scope = 'own-registrations';
      if (visible.length === 0) {
        await this.record(patientId, caller, purpose, { decision: 'deny', denyReason: decision.reason });
        throw new IdentityError(IdentityErrorCode.Forbidden, `demographics not permitted: ${decision.message}`);
      }
    }
    await this.record(patientId, caller, purpose, { decision: 'permit', ...basisOf(decision), scope });
    const readable = visible.flatMap((r) => {
      const details = this.state.open(patientId, r);
      return details ? [details] : [];
    });
    const first = readable[0];
    if (!first) throw new IdentityError(IdentityErrorCode.KeysUnavailable, "the patient's key has not reached this instance yet; retry shortly");
    const identifiers = new Map<string, { system: string; value: string }>();
    for (const details of readable) for (const i of details.identifiers) identifiers.set(`${i.system}|${i.value}`, i);
    return {
      id: patientId,
      custodian: stored.custodian,
      registeredAt: stored.registeredAt,
      demographics: first.demographics,
      identifiers: [...identifiers.values()],
      registrations: visible.map((r) => ({ registrationId: r.registrationId, organisation: r.organisation, at: r.at })),
      ...(stored.mergedInto && { mergedInto: stored.mergedInto }),
      did: `did:carechain:${patientId}`,
      scope,
    };
  }

  private async record(
    patientId: string,
    caller: Caller,
    purpose: PurposeOfUse,
    outcome: Pick<DemographicsReadV1, 'decision' | 'basis' | 'grantId' | 'denyReason' | 'scope'>,
  ): Promise<void> {
    const data: DemographicsReadV1 = {
      accessId: this.newId(),
      patientId,
      actor: { subject: caller.subject, organisation: caller.organisation },
      purpose,
      ...outcome,
    };
    const event = createEvent({
      type: DEMOGRAPHICS_READ_V1,
      source: IDENTITY_SOURCE,
      subject: patientId,
      actor: data.actor.subject,
      actororg: caller.organisation,
      data,
    });
    await this.publisher.publish(Topics.identityAccess, event, { key: patientId });
  }
}

function basisOf(decision: Decision): Pick<DemographicsReadV1, 'basis' | 'grantId'> {
  if (decision.effect !== 'permit') return { basis: 'own-registration' };
  if (decision.basis === 'grant') return { basis: 'grant', ...(decision.grantId !== undefined && { grantId: decision.grantId }) };
  // Break-glass is for clinical categories; demographics are decided without it.
  return { basis: decision.basis === 'patient' ? 'patient' : 'custodian' };
}
