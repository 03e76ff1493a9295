// How much of a patient's audit trail a caller sees. The patient reads their own; an
// auditor or privacy officer of the patient's custodian (the survivor's, after a merge)
// oversees the custodian's patients and reads their whole trail; oversight of any
// other organisation reads what its own organisation did to the patient (its accesses
// to others' patients), nothing else. Another patient reads nothing.
import { isPermitted, relationshipOf, type Caller, type Operation, type Relationship } from '@carechain/auth';
import type { PatientRegistry } from '@carechain/patient-registry';
import { AuditAccessError } from './audit-access.error';

export type OversightScope = 'whole' | 'own-organisation';

export class AuditOversight {
  constructor(private readonly registry: PatientRegistry) {}

  /** whole: the patient, or oversight of their custodian; own-organisation: another organisation's oversight. */
  scope(patientId: string, caller: Caller, operation: Operation, refusal: string): OversightScope {
    const relationship = this.relationship(patientId, caller);
    if (!isPermitted(operation, caller.roles, relationship)) throw new AuditAccessError('forbidden', refusal);
    return relationship === 'self' || relationship === 'custodian' ? 'whole' : 'own-organisation';
  }

  /** The organisation responsible for the patient now (the survivor's custodian after a merge), if known. */
  custodianOf(patientId: string): string | undefined {
    return this.registry.resolve(patientId)?.custodian;
  }

  private relationship(patientId: string, caller: Caller): Relationship {
    const survivor = this.registry.resolve(patientId);
    if (survivor === undefined) return relationshipOf(caller, { patientId, custodian: '' });
    return relationshipOf(caller, {
      patientId: survivor.patientId,
      custodian: survivor.custodian,
      aliases: [patientId, ...this.registry.mergedInto(survivor.patientId)],
    });
  }
}
