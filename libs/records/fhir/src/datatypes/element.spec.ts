import { schemaProblems } from '../testing/issues';
import { Coding, CodeableConcept } from './coding.schema';
import { element } from './element';
import './extension.schema';
import { attribute, choice, many, opt, some } from './field';
import { code, dateTime, fhirString, uri } from './primitive.schema';

const Thing = element(
  {
    status: code,
    label: opt(fhirString),
    alias: many(fhirString),
    tags: some(Coding),
    link: opt(attribute(uri)),
    ...choice('when', { dateTime, string: fhirString }, '1..1'),
  },
  { backbone: true, invariants: [{ key: 'thg-1', human: 'a label is not the status', holds: (t) => t.label !== t.status }] },
);
const thing = { status: 'active', tags: [{ code: 'x' }], whenDateTime: '2024' };
const EXT = { url: 'https://carechain.example/fhir/StructureDefinition/source', valueString: 'import' };

describe('element', () => {
  it('accepts a valid element with id, extension and modifierExtension', () => {
    expect(schemaProblems(Thing, { ...thing, id: 'a1', extension: [EXT], modifierExtension: [EXT] })).toEqual([]);
  });

  it('refuses unknown properties, each at its own path', () => {
    expect(schemaProblems(Thing, { ...thing, colour: 'red', tags: [{ code: 'x', weight: 1 }] })).toEqual([
      ['T.tags[0].weight', 'structure'],
      ['T.colour', 'structure'],
    ]);
  });

  it('allows modifierExtension only on backbone elements', () => {
    expect(schemaProblems(CodeableConcept, { text: 'x', modifierExtension: [EXT] })).toEqual([['T.modifierExtension', 'structure']]);
  });

  it('accepts a _name companion for primitive fields only', () => {
    const companion = { extension: [EXT] };
    expect(schemaProblems(Thing, { ...thing, _status: companion, _whenDateTime: companion, _alias: [companion, null], alias: ['a', 'b'] })).toEqual([]);
    expect(schemaProblems(Thing, { ...thing, _tags: companion })).toEqual([['T._tags', 'structure']]);
    expect(schemaProblems(Thing, { ...thing, link: 'urn:x', _link: companion })).toEqual([['T._link', 'structure']]);
  });

  it('reports problems inside a companion at the primitive path', () => {
    expect(schemaProblems(Thing, { ...thing, _status: { extension: [{ url: 'https://x.example/e' }] } })).toEqual([['T.status.extension[0]', 'invariant']]);
    expect(schemaProblems(Thing, { ...thing, _status: {} })).toEqual([['T.status', 'structure']]);
  });

  it('counts a companion-only variant as present in its choice', () => {
    expect(schemaProblems(Thing, { ...thing, _whenString: { extension: [EXT] } })).toEqual([['T.when[x]', 'structure']]);
    const { whenDateTime: _omitted, ...noWhen } = thing;
    expect(schemaProblems(Thing, { ...noWhen, _whenString: { extension: [EXT] } })).toEqual([]);
  });

  it('reports a missing required choice and a bad variant together', () => {
    const { whenDateTime: _omitted, ...noWhen } = thing;
    expect(schemaProblems(Thing, noWhen)).toEqual([['T.when[x]', 'required']]);
    expect(schemaProblems(Thing, { ...thing, whenString: '', status: 'ok' })).toEqual([
      ['T.whenString', 'value'],
      ['T.when[x]', 'structure'],
    ]);
  });

  it('refuses empty objects, empty arrays and empty 1..* arrays', () => {
    expect(schemaProblems(Thing, { ...thing, alias: [] })).toEqual([['T.alias', 'structure']]);
    expect(schemaProblems(Thing, { ...thing, tags: [] })).toEqual([['T.tags', 'required']]);
    expect(schemaProblems(Thing, { ...thing, tags: [{}] })).toEqual([['T.tags[0]', 'structure']]);
    expect(schemaProblems(Thing, { ...thing, extension: [] })).toEqual([['T.extension', 'structure']]);
  });

  it('reports an object of unknown properties once, not also as empty', () => {
    expect(schemaProblems(Thing, { ...thing, tags: [{ weight: 1 }] })).toEqual([['T.tags[0].weight', 'structure']]);
  });

  it('checks invariants once the element is otherwise valid', () => {
    expect(schemaProblems(Thing, { ...thing, label: 'active' })).toEqual([['T', 'invariant']]);
    expect(schemaProblems(Thing, { ...thing, label: 'active', tags: 'x' })).toEqual([['T.tags', 'structure']]);
  });
});
