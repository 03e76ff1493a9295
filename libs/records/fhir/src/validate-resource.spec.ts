import { categoryOf, SUPPORTED_RESOURCE_TYPES } from './record-category';
import { fullObservation, minimalCondition } from './testing/clinical.examples';
import { EXAMPLES } from './testing/examples';
import { issuesOf, problemsOf } from './testing/issues';
import { MAX_NESTING_DEPTH, validateResource } from './validate-resource';

const EXTENSION = { url: 'https://carechain.example/fhir/StructureDefinition/source-system', valueUri: 'urn:oid:1.2.3' };

describe('validateResource', () => {
  it.each(SUPPORTED_RESOURCE_TYPES.flatMap((type) => [[type, 'full'] as const, [type, 'minimal'] as const]))('accepts the %s example (%s)', (type, kind) => {
    const result = validateResource(EXAMPLES[type][kind]());
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result).toEqual({ ok: true, resourceType: type, category: categoryOf(type), resource: EXAMPLES[type][kind]() });
  });

  it('gives the category of the resource type', () => {
    expect(validateResource(EXAMPLES.ChargeItem.minimal())).toMatchObject({ ok: true, category: 'billing' });
    expect(validateResource(EXAMPLES.AllergyIntolerance.minimal())).toMatchObject({ ok: true, category: 'allergies' });
  });

  it('returns a copy the caller cannot change through its input', () => {
    const input = minimalCondition();
    const result = validateResource(input);
    input.subject.reference = 'Patient/someone-else';
    expect(result).toMatchObject({ ok: true, resource: { subject: { reference: 'Patient/p-123' } } });
  });

  it('refuses a resource type carechain does not store as not-supported', () => {
    expect(issuesOf({ resourceType: 'Patient', id: 'p-123' })).toEqual([
      {
        path: 'Patient',
        code: 'not-supported',
        message: `resourceType "Patient" is not stored by carechain; supported: ${SUPPORTED_RESOURCE_TYPES.join(', ')}`,
      },
    ]);
    expect(problemsOf({ resourceType: 'Medication', code: { text: 'metformin' } })).toEqual([['Medication', 'not-supported']]);
    expect(problemsOf({ resourceType: 'condition', subject: { reference: 'Patient/p-123' } })).toEqual([['resourceType', 'not-supported']]);
    expect(problemsOf({ resourceType: 42 })).toEqual([['resourceType', 'not-supported']]);
    expect(problemsOf({ resourceType: 'toString' })).toEqual([['resourceType', 'not-supported']]);
  });

  it('requires a JSON object with a resourceType', () => {
    expect(issuesOf({ subject: { reference: 'Patient/p-123' } })).toEqual([
      { path: 'resourceType', code: 'required', message: "missing required property 'resourceType'" },
    ]);
    for (const json of [null, 'Condition', 3, [minimalCondition()]]) expect(problemsOf(json)).toEqual([['', 'structure']]);
  });

  it('refuses unknown elements, at the root and nested', () => {
    expect(issuesOf({ ...minimalCondition(), onset: '2019', subject: { reference: 'Patient/p-123', patientId: 'p-123' } })).toEqual([
      { path: 'Condition.subject.patientId', code: 'structure', message: 'unknown element "patientId"' },
      { path: 'Condition.onset', code: 'structure', message: 'unknown element "onset"' },
    ]);
  });

  it('accepts extensions and modifierExtensions at the root, and _name companions of primitives', () => {
    const observation = { ...fullObservation(), extension: [EXTENSION], modifierExtension: [EXTENSION], _status: { extension: [EXTENSION] } };
    expect(problemsOf(observation)).toEqual([]);
  });

  it('refuses a companion for a complex element', () => {
    expect(problemsOf({ ...fullObservation(), _code: { extension: [EXTENSION] } })).toEqual([['Observation._code', 'structure']]);
  });

  it('refuses empty strings, arrays and objects', () => {
    expect(issuesOf({ ...minimalCondition(), recordedDate: '' })).toEqual([
      { path: 'Condition.recordedDate', code: 'value', message: 'empty strings are not allowed in FHIR JSON: omit the element instead' },
    ]);
    expect(problemsOf({ ...minimalCondition(), bodySite: [] })).toEqual([['Condition.bodySite', 'structure']]);
    expect(problemsOf({ ...minimalCondition(), severity: {} })).toEqual([['Condition.severity', 'structure']]);
  });

  it('refuses nulls', () => {
    expect(issuesOf({ ...minimalCondition(), code: null })).toEqual([
      { path: 'Condition.code', code: 'structure', message: 'null is not allowed in FHIR JSON: omit the element instead' },
    ]);
  });

  it('refuses a bad dateTime with what a dateTime looks like', () => {
    const [issue] = issuesOf({ ...minimalCondition(), recordedDate: '2024-03-01T10:00' });
    expect(issue).toEqual({
      path: 'Condition.recordedDate',
      code: 'value',
      message: expect.stringContaining('not a valid FHIR dateTime: YYYY, YYYY-MM, YYYY-MM-DD'),
    });
  });

  it('checks the resource id and meta', () => {
    expect(problemsOf({ ...minimalCondition(), id: 'cond/1', meta: { lastUpdated: 'yesterday' } })).toEqual([
      ['Condition.id', 'value'],
      ['Condition.meta.lastUpdated', 'value'],
    ]);
  });

  it('refuses contained resources as not-supported', () => {
    expect(problemsOf({ ...minimalCondition(), contained: [{ resourceType: 'Practitioner', id: 'pr' }] })).toEqual([['Condition.contained', 'not-supported']]);
  });

  it('refuses absurdly deep nesting before parsing it', () => {
    let extension: Record<string, unknown> = { url: 'leaf', valueString: 'x' };
    for (let depth = 0; depth < MAX_NESTING_DEPTH; depth++) extension = { url: 'node', extension: [extension] };
    expect(issuesOf({ ...minimalCondition(), extension: [extension] })).toEqual([
      { path: 'Condition', code: 'structure', message: `the resource nests deeper than ${MAX_NESTING_DEPTH} levels` },
    ]);
  });

  it('reports every problem at once, in document order', () => {
    const observation = { ...fullObservation(), status: 'done', effectiveDateTime: '2024-3-1', foo: true, component: [{ valueString: '' }] };
    expect(problemsOf(observation)).toEqual([
      ['Observation.status', 'code-invalid'],
      ['Observation.effectiveDateTime', 'value'],
      ['Observation.component[0].code', 'required'],
      ['Observation.component[0].valueString', 'value'],
      ['Observation.foo', 'structure'],
    ]);
  });
});
