// A patient's grants, ended ones included, each with its status as of now: the
// patient sees whom they let read what; the custodian's staff see what they hold; the
// auditor and the privacy officer see it for oversight. Nobody else: which
// organisations a patient shares with says something about their care.
import type { Grant, Grantee, GrantedBy } from '@carechain/consent-decision';
import type { PurposeOfUse, RecordCategory } from '@carechain/contracts';
import { hasOversight, isCustodianStaff, isPatientSelf, type Caller } from './consent-caller';
import type { ConsentState } from './consent-state';
import { ConsentError, ConsentErrorCode } from './consent.error';

/**
 * active: in force now; scheduled: active, validFrom still ahead; expired: by its
 * event or because validUntil has passed; revoked.
 */
export type ConsentStatus = 'active' | 'scheduled' | 'expired' | 'revoked';

export interface ConsentView {
  readonly grantId: string;
  readonly grantee: Grantee;
  readonly categories: readonly RecordCategory[];
  readonly purposes: readonly PurposeOfUse[];
  readonly validFrom: string;
  readonly validUntil?: string;
  readonly grantedBy: GrantedBy;
  readonly grantedAt: string;
  readonly status: ConsentStatus;
  readonly revokedAt?: string;
  readonly expiredAt?: string;
}

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
    if (!isPatientSelf(caller, patientId) && !isCustodianStaff(caller, patient.custodian) && !hasOversight(caller)) {
      throw new ConsentError(ConsentErrorCode.Forbidden, "only the patient, staff of the patient's custodian, auditors and privacy officers may list their consents");
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
  return {
    grantId: grant.grantId,
    grantee: grant.grantee,
    categories: grant.categories,
    purposes: grant.purposes,
    validFrom: grant.validFrom,
    ...(grant.validUntil !== undefined && { validUntil: grant.validUntil }),
    grantedBy: grant.grantedBy,
    grantedAt: grant.grantedAt,
    status: statusAt(grant, nowMs),
    ...(grant.revokedAt !== undefined && { revokedAt: grant.revokedAt }),
    ...(grant.expiredAt !== undefined && { expiredAt: grant.expiredAt }),
  };
}
