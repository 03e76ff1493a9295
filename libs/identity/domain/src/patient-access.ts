// The authorisation of identity's use cases: the caller's relationship to a patient
// (the patient, staff of their custodian, of an organisation related to them, anyone
// else) and the shared ACCESS_POLICY table decide whether an operation may run.
import { isPermitted, relationshipOf, type Caller, type Operation, type PatientRelation, type Relationship } from '@carechain/auth';
import type { IdentityState, PatientState } from './identity-state';
import { IdentityError, IdentityErrorCode } from './identity.error';

export type { Caller } from '@carechain/auth';

/**
 * How `caller` relates to the patient: custody follows merges (the survivor's
 * custodian), and an organisation is related when it registered the patient (or a
 * patient merged into them) or holds one of their grants.
 */
export function relationshipTo(state: IdentityState, caller: Caller, patient: PatientState): Relationship {
  return relationshipOf(caller, relationOf(state, patient));
}

export function relationOf(state: IdentityState, patient: PatientState): PatientRelation {
  const governing = state.resolve(patient.patientId) ?? patient;
  const group = [governing.patientId, ...state.mergedInto(governing.patientId)];
  return {
    patientId: governing.patientId,
    custodian: governing.custodian,
    aliases: group.slice(1),
    related: (organisation) => group.some((id) => state.isRelated(id, organisation)),
  };
}

/** Throws FORBIDDEN unless the policy lets a caller so related perform `operation`. */
export function requireAccess(operation: Operation, caller: Caller, relationship: Relationship, refusal: string): void {
  if (!isPermitted(operation, caller.roles, relationship)) throw new IdentityError(IdentityErrorCode.Forbidden, refusal);
}

/** The subject and organisation an event records as its actor. */
export function actorOf(caller: Caller): { subject: string; organisation: string } {
  return { subject: caller.subject, organisation: caller.organisation };
}
