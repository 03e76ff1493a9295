import { schemaProblems } from '../testing/issues';
import { Extension } from './extension.schema';

const URL = 'https://carechain.example/fhir/StructureDefinition/consent-note';

describe('Extension', () => {
  it.each([
    { valueString: 'imported from hospital A' },
    { valueCode: 'unknown' },
    { valueBoolean: false },
    { valueDecimal: 1.25 },
    { valueDateTime: '2024-03' },
    { valueCodeableConcept: { text: 'x' } },
    { valueReference: { reference: 'Practitioner/pr-9' } },
    { valueQuantity: { value: 3 } },
    { valuePeriod: { start: '2024-01-01' } },
    { valueIdentifier: { system: 'https://x.example/ids', value: '42' } },
    { valueTiming: { code: { text: 'BID' } } },
    {
      extension: [
        { url: 'part', valueString: 'a' },
        { url: 'part', valueString: 'b' },
      ],
    },
  ])('accepts %j', (content) => {
    expect(schemaProblems(Extension, { url: URL, ...content }, 'Extension')).toEqual([]);
  });

  it('requires its url', () => {
    expect(schemaProblems(Extension, { valueString: 'x' }, 'Extension')).toEqual([['Extension.url', 'required']]);
  });

  it('ext-1: a value or nested extensions, not both and not neither', () => {
    expect(schemaProblems(Extension, { url: URL }, 'Extension')).toEqual([['Extension', 'invariant']]);
    expect(schemaProblems(Extension, { url: URL, valueString: 'x', extension: [{ url: 'a', valueString: 'y' }] }, 'Extension')).toEqual([
      ['Extension', 'invariant'],
    ]);
  });

  it('validates nested extensions recursively, with precise paths', () => {
    const nested = {
      url: URL,
      extension: [
        { url: 'a', valueString: 'y' },
        { url: 'b', extension: [{ url: 'c', valueInteger: 1.5 }] },
      ],
    };
    expect(schemaProblems(Extension, nested, 'Extension')).toEqual([['Extension.extension[1].extension[0].valueInteger', 'value']]);
  });

  it('refuses the value types carechain does not validate, as not-supported', () => {
    expect(schemaProblems(Extension, { url: URL, valueHumanName: { family: 'Ruiz' } }, 'Extension')).toEqual([['Extension.valueHumanName', 'not-supported']]);
  });

  it('refuses an unknown value type, and two value types', () => {
    expect(schemaProblems(Extension, { url: URL, valueWhatever: 1 }, 'Extension')).toEqual([['Extension.valueWhatever', 'structure']]);
    expect(schemaProblems(Extension, { url: URL, valueString: 'a', valueCode: 'b' }, 'Extension')).toEqual([['Extension.value[x]', 'structure']]);
  });
});
