import { toOperationOutcome } from './operation-outcome';
import { fullObservation } from './testing/clinical.examples';
import { issuesOf, schemaProblems } from './testing/issues';
import { R4OperationOutcome } from './testing/r4-outcome-and-bundle.schema';

describe('toOperationOutcome', () => {
  it('turns each issue into an error with its FHIRPath expression', () => {
    const outcome = toOperationOutcome(issuesOf({ ...fullObservation(), status: 'done', colour: 'red' }));
    expect(outcome).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'code-invalid',
          diagnostics:
            '"done" is not in the required value set (registered | preliminary | final | amended | corrected | cancelled | entered-in-error | unknown)',
          expression: ['Observation.status'],
        },
        { severity: 'error', code: 'structure', diagnostics: 'unknown element "colour"', expression: ['Observation.colour'] },
      ],
    });
    expect(schemaProblems(R4OperationOutcome, outcome)).toEqual([]);
  });

  it('leaves out the expression of an issue about the whole input', () => {
    const outcome = toOperationOutcome(issuesOf('not a resource'));
    expect(outcome.issue).toEqual([{ severity: 'error', code: 'structure', diagnostics: 'a FHIR resource is a JSON object' }]);
    expect(schemaProblems(R4OperationOutcome, outcome)).toEqual([]);
  });

  it('gives a valid "All OK" outcome for no issues (issue is 1..*)', () => {
    const outcome = toOperationOutcome([]);
    expect(outcome.issue).toEqual([{ severity: 'information', code: 'informational', diagnostics: 'All OK' }]);
    expect(schemaProblems(R4OperationOutcome, outcome)).toEqual([]);
  });

  it('produces valid R4 for every issue code the validator emits', () => {
    const issues = [
      ...issuesOf({ resourceType: 'Patient' }),
      ...issuesOf({
        resourceType: 'Condition',
        note: [{}],
        contained: [{}],
        code: { coding: [{ code: ' x' }] },
        onsetAge: { value: -1 },
        verificationStatus: { text: 'confirmed' },
        extra: 1,
      }),
    ];
    expect(new Set(issues.map((i) => i.code))).toEqual(new Set(['not-supported', 'required', 'structure', 'value', 'invariant', 'code-invalid']));
    expect(schemaProblems(R4OperationOutcome, toOperationOutcome(issues))).toEqual([]);
  });
});
