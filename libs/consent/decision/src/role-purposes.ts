// Roles carry purposes. A token's roles say what its holder does; each role may
// assert only the purposes of use that go with that work (HL7 PurposeOfUse): care
// for treatment, a payer for payment, the registration desk, data stewards and
// administrators for operations. Auditors and privacy officers oversee processing
// through audit and read no clinical data; a service identity reads nothing unless its
// deployment grants it a purpose. A purpose none of the requester's roles carries is
// denied before any custodian rule or grant is looked at, so no grant and no
// relationship lets a payer read for treatment or an auditor read at all. A service
// identity carries the purposes its deployment granted it (its token's `purposes`).
import type { DataCategory, PurposeOfUse } from '@carechain/contracts';

export const ROLE_PURPOSES: Readonly<Record<string, readonly PurposeOfUse[]>> = Object.freeze({
  patient: ['PATRQT'],
  clinician: ['TREAT', 'ETREAT'],
  practitioner: ['TREAT', 'ETREAT'],
  registrar: ['HOPERAT'],
  'data-steward': ['HOPERAT'],
  admin: ['HOPERAT'],
  payer: ['HPAYMT'],
  auditor: [],
  'privacy-officer': [],
  service: [],
});

/** Roles whose work is care: at the patient's custodian they read every category for treatment. */
export const CLINICAL_ROLES: readonly string[] = ['clinician', 'practitioner'];

/** Roles of the custodian's staff that handle who the patient is: they read demographics for operations. */
export const DEMOGRAPHICS_ROLES: readonly string[] = ['registrar', 'data-steward', 'admin'];

/**
 * The purpose a caller reads for when it does not say: PATRQT for a patient, else the
 * first purpose one of its roles carries (TREAT for care, HPAYMT for a payer, HOPERAT
 * for the desk); undefined for roles that carry none.
 */
export function usualPurpose(roles: readonly string[]): PurposeOfUse | undefined {
  if (roles.includes('patient')) return 'PATRQT';
  for (const role of roles) {
    const usual = ROLE_PURPOSES[role]?.[0];
    if (usual !== undefined) return usual;
  }
  return undefined;
}

/** Whether some role of the requester may assert `purpose` (a service: what its deployment granted it). */
export function mayAssertPurpose(roles: readonly string[], purpose: PurposeOfUse, servicePurposes: readonly string[] = []): boolean {
  for (const role of roles) if (ROLE_PURPOSES[role]?.includes(purpose)) return true;
  return roles.includes('service') && servicePurposes.includes(purpose);
}

/**
 * The staff roles that carry `purpose`: whom an organisation receiving data for that
 * purpose stands for when a disclosure to it is decided (the patient role excepted).
 */
export function staffRolesCarrying(purpose: PurposeOfUse): string[] {
  return Object.keys(ROLE_PURPOSES).filter((role) => role !== 'patient' && ROLE_PURPOSES[role].includes(purpose));
}

/**
 * The categories the patient's custodian may read without a grant, for a requester
 * of the custodian with these roles and this purpose: every category for a clinical
 * role reading for treatment; demographics alone for the desk, data stewards and
 * administrators reading for operations; nothing otherwise.
 */
export function custodianCategories(roles: readonly string[], purpose: PurposeOfUse): 'all' | 'demographics' | 'none' {
  if ((purpose === 'TREAT' || purpose === 'ETREAT') && roles.some((r) => CLINICAL_ROLES.includes(r))) return 'all';
  if (purpose === 'HOPERAT' && roles.some((r) => DEMOGRAPHICS_ROLES.includes(r))) return 'demographics';
  return 'none';
}

export const DEMOGRAPHICS: DataCategory = 'demographics';
