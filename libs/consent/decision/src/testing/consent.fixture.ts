// Builders for specs: a valid grant, request and patient that each spec bends one way.
import type { AccessRequest } from '../access-request';
import type { Grant } from '../grant';
import type { PatientContext } from '../patient-context';

export const PATIENT = 'patient-1';
export const CUSTODIAN = 'org-custodian';
export const CLINIC = 'org-clinic';
export const NOW = new Date('2025-06-01T12:00:00Z');

export function aGrant(overrides: Partial<Grant> = {}): Grant {
  return {
    grantId: 'grant-1',
    patientId: PATIENT,
    grantee: { organisation: CLINIC },
    categories: ['conditions', 'medications'],
    purposes: ['TREAT'],
    validFrom: '2025-01-01T00:00:00Z',
    validUntil: '2026-01-01T00:00:00Z',
    grantedBy: { kind: 'patient', subject: PATIENT, signed: true },
    grantedAt: '2024-12-31T09:00:00Z',
    status: 'active',
    ...overrides,
  };
}

export function aRequest(overrides: Partial<AccessRequest> = {}): AccessRequest {
  return {
    patientId: PATIENT,
    requester: { subject: 'dr-who', organisation: CLINIC, roles: ['clinician'] },
    categories: ['conditions'],
    purpose: 'TREAT',
    at: NOW,
    ...overrides,
  };
}

export function aPatient(overrides: Partial<PatientContext> = {}): PatientContext {
  return { patientId: PATIENT, custodian: CUSTODIAN, erased: false, ...overrides };
}
