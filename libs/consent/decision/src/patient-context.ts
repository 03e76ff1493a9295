// What the decision needs to know about the patient, from the patient registry.
// `undefined` in its place means the registry does not know the patient.
import type { Grant } from './grant';
export interface PatientContext {
  readonly patientId: string;
  /** The organisation holding the patient's records, which may always read them for treatment. */
  readonly custodian: string;
  /** Erased (right to erasure): nothing is permitted, not even break-glass. */
  readonly erased: boolean;
  /**
   * Ids of patient records merged into this one: the same person. The grants they gave
   * count as this patient's, and a patient token carrying any of them is this patient.
   */
  readonly aliases?: readonly string[];
}

/**
 * The grants decide() needs for a patient and the patients merged into them (their
 * aliases): one person, so all of their grants. `grantsOf` is a GrantBook's
 * forPatient or a replica of it; without aliases its own list is returned as it is.
 */
export function groupGrants(patientId: string, aliases: readonly string[], grantsOf: (patientId: string) => readonly Grant[]): readonly Grant[] {
  return aliases.length === 0 ? grantsOf(patientId) : [patientId, ...aliases].flatMap((id) => grantsOf(id));
}
