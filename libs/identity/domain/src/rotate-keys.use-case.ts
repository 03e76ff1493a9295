// Rotating a patient's data key and commitment salt: new writes use the new version,
// old versions stay readable. The custodian's privacy officer or administrator does
// it, for the custodian's own patients only.
import { IdentityError, IdentityErrorCode } from './identity.error';
import type { IdentityState } from './identity-state';
import { actorOf, relationshipTo, requireAccess, type Caller } from './patient-access';
import type { PatientKeyIssuer } from './patient-key.issuer';

export class RotateKeysUseCase {
  constructor(
    private readonly state: IdentityState,
    private readonly issuer: PatientKeyIssuer,
  ) {}

  async execute(patientId: string, caller: Caller): Promise<{ keyVersion: number }> {
    if (this.state.isErased(patientId)) throw new IdentityError(IdentityErrorCode.PatientErased, `patient ${patientId} was erased`);
    const patient = this.state.patient(patientId);
    if (!patient) throw new IdentityError(IdentityErrorCode.PatientNotFound, `no patient ${patientId}`);
    requireAccess(
      'identity.keys.rotate',
      caller,
      relationshipTo(this.state, caller, patient),
      "only a privacy officer or administrator of the patient's custodian may rotate their keys",
    );
    return { keyVersion: await this.issuer.rotate(patientId, actorOf(caller)) };
  }
}
