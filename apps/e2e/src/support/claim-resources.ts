// FHIR resources the claims specs send: a Coverage with a payer's gold-2026 plan, and
// a one-item Claim billing a CPT code documented by an Encounter record.
export const CPT = 'http://www.ama-assn.org/go/cpt';

export const coverage = (patientId: string, payer = 'payer-c') => ({
  resourceType: 'Coverage',
  status: 'active',
  beneficiary: { reference: `Patient/${patientId}` },
  payor: [{ reference: `Organization/${payer}` }],
  class: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/coverage-class', code: 'plan' }] }, value: 'gold-2026' }],
});

/** An outpatient Encounter coded with a CPT code on `day`: the record a claim item bills for. */
export const encounter = (patientId: string, code: string, day: string) => ({
  resourceType: 'Encounter',
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
  type: [{ coding: [{ system: CPT, code }] }],
  subject: { reference: `Patient/${patientId}` },
  period: { start: `${day}T09:00:00Z` },
});

export const claim = (patientId: string, coverageId: string, recordId: string, code: string, price: number, servicedDate: string) => ({
  resourceType: 'Claim',
  status: 'active',
  type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
  use: 'claim',
  patient: { reference: `Patient/${patientId}` },
  created: new Date().toISOString(),
  provider: { reference: 'Organization/hospital-a' },
  priority: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }] },
  insurance: [{ sequence: 1, focal: true, coverage: { reference: `Coverage/${coverageId}` } }],
  supportingInfo: [{ sequence: 1, category: { coding: [{ code: 'info' }] }, valueReference: { reference: `Encounter/${recordId}` } }],
  item: [
    {
      sequence: 1,
      informationSequence: [1],
      productOrService: { coding: [{ system: CPT, code }] },
      servicedDate,
      unitPrice: { value: price, currency: 'EUR' },
    },
  ],
});
