// The roles carechain's services authorise against. Source of truth for the list:
// tools/token imports this file directly (Node strips its types), so it must stay
// dependency-free and use only erasable TypeScript (no enums, no imports).

export const ROLES = ['patient', 'registrar', 'data-steward', 'clinician', 'practitioner', 'privacy-officer', 'payer', 'auditor', 'admin', 'service'] as const;

export type Role = (typeof ROLES)[number];

const KNOWN: ReadonlySet<string> = new Set(ROLES);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && KNOWN.has(value);
}
