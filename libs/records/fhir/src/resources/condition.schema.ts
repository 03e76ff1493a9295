// Condition (R4, http://hl7.org/fhir/R4/condition.html): a problem, diagnosis or
// other clinical concern. Category: conditions.
import { Annotation } from '../datatypes/attachment.schema';
import { CodeableConcept, requiredConcept } from '../datatypes/coding.schema';
import { element } from '../datatypes/element';
import { choice, many, opt } from '../datatypes/field';
import { Period } from '../datatypes/period.schema';
import { dateTime, fhirString } from '../datatypes/primitive.schema';
import { Age, Range } from '../datatypes/quantity.schema';
import { Identifier, Reference, referenceTo } from '../datatypes/reference.schema';
import { domainResource } from './domain-resource';

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';

const Stage = element(
  { summary: opt(CodeableConcept), assessment: many(Reference), type: opt(CodeableConcept) },
  {
    backbone: true,
    invariants: [{ key: 'con-1', human: 'stage SHALL have summary or assessment', holds: (s) => s.summary !== undefined || s.assessment !== undefined }],
  },
);

const Evidence = element(
  { code: many(CodeableConcept), detail: many(Reference) },
  {
    backbone: true,
    invariants: [{ key: 'con-2', human: 'evidence SHALL have code or details', holds: (e) => e.code !== undefined || e.detail !== undefined }],
  },
);

const onsetTypes = { dateTime, Age, Period, Range, string: fhirString };

type Concept = { coding?: { system?: string; code?: string }[] };
const hasCode = (concept: Concept | undefined, system: string, codes: readonly string[]) =>
  concept?.coding?.some((c) => c.system === system && c.code !== undefined && codes.includes(c.code)) ?? false;

export const ConditionSchema = domainResource(
  'Condition',
  {
    identifier: many(Identifier),
    clinicalStatus: opt(requiredConcept(CLINICAL, ['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved'])),
    verificationStatus: opt(requiredConcept(VERIFICATION, ['unconfirmed', 'provisional', 'differential', 'confirmed', 'refuted', 'entered-in-error'])),
    category: many(CodeableConcept),
    severity: opt(CodeableConcept),
    code: opt(CodeableConcept),
    bodySite: many(CodeableConcept),
    subject: referenceTo('Patient', 'Group'),
    encounter: opt(Reference),
    ...choice('onset', onsetTypes),
    ...choice('abatement', onsetTypes),
    recordedDate: opt(dateTime),
    recorder: opt(Reference),
    asserter: opt(Reference),
    stage: many(Stage),
    evidence: many(Evidence),
    note: many(Annotation),
  },
  [
    {
      key: 'con-4',
      human: 'if condition is abated, then clinicalStatus must be either inactive, resolved, or remission',
      holds: (c) =>
        [c.abatementDateTime, c.abatementAge, c.abatementPeriod, c.abatementRange, c.abatementString].every((a) => a === undefined) ||
        hasCode(c.clinicalStatus, CLINICAL, ['inactive', 'resolved', 'remission']),
    },
    {
      key: 'con-5',
      human: 'Condition.clinicalStatus SHALL NOT be present if verification Status is entered-in-error',
      holds: (c) => c.clinicalStatus === undefined || !hasCode(c.verificationStatus, VERIFICATION, ['entered-in-error']),
    },
  ],
);
