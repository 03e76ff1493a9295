// A patient's grants, ended ones included, each with its status as of now: the
// patient sees whom they let read what; the custodian's staff see what they hold; the
// custodian's auditor and privacy officer see it for oversight. Nobody else, not even
// another organisation's oversight: which organisations a patient shares with says
// something about their care.
import type { Grant } from '@carechain/consent-decision';
import { isPermitted, relationshipOf } from '@carechain/auth';
import type { Caller } from './consent-caller';
import type { ConsentState } from './consent-state';
import { ConsentError, ConsentErrorCode } from './consent.error';

/**
 * active: in force now; scheduled: active, validFrom still ahead; expired: by its
 * event or because validUntil has passed; revoked.
 */
export type ConsentStatus = 'active' | 'scheduled' | 'expired' | 'revoked';

/** A grant as its patient and their custodian see it: its status as of now, no patient id. */
export type ConsentView = Omit<Grant, 'patientId' | 'status'> & { readonly status: ConsentStatus };

export interface PatientConsents {
  readonly patientId: string;
  readonly consents: readonly ConsentView[];
}

export class ListConsentsUseCase {
  constructor(
    private readonly state: ConsentState,
    private readonly now: () => Date = () => new Date(),
  ) {}

  execute(patientId: string, caller: Caller): PatientConsents {
    const patient = this.state.patient(patientId);
    if (patient === undefined) throw new ConsentError(ConsentErrorCode.PatientNotFound, `no patient ${patientId}`);
    if (patient.erased) throw new ConsentError(ConsentErrorCode.PatientErased, `patient ${patientId} was erased`);
    // The survivor's custodian is responsible for a merged patient.
    const custodian = this.state.survivor(patientId)?.custodian ?? patient.custodian;
    const relationship = relationshipOf(caller, { patientId, custodian });
    if (!isPermitted('consent.list', caller.roles, relationship)) {
      throw new ConsentError(
        ConsentErrorCode.Forbidden,
        "only the patient, or staff, auditors and privacy officers of the patient's custodian, may list their consents",
      );
    }
    const nowMs = this.now().getTime();
    return { patientId, consents: this.state.grants(patientId).map((g) => viewOf(g, nowMs)) };
  }
}

function statusAt(grant: Grant, nowMs: number): ConsentStatus {
  if (grant.status !== 'active') return grant.status;
  if (grant.validUntil !== undefined && nowMs >= Date.parse(grant.validUntil)) return 'expired';
  return nowMs < Date.parse(grant.validFrom) ? 'scheduled' : 'active';
}

function viewOf(grant: Grant, nowMs: number): ConsentView {
  const { patientId: _patientId, ...shown } = grant;
  return { ...shown, status: statusAt(grant, nowMs) };
}
