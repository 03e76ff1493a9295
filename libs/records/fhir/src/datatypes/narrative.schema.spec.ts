import { schemaProblems } from '../testing/issues';
import { Meta, Narrative } from './narrative.schema';

const narrative = (div: string) => ({ status: 'generated', div });

describe('Narrative', () => {
  it('accepts a <div> in the XHTML namespace with basic formatting', () => {
    expect(schemaProblems(Narrative, narrative('<div xmlns="http://www.w3.org/1999/xhtml"><p>BP <b>142/91</b> mmHg</p></div>'))).toEqual([]);
    expect(schemaProblems(Narrative, narrative('<div xmlns="http://www.w3.org/1999/xhtml"><img src="#chart" alt=""/></div>'))).toEqual([]);
  });

  it('refuses plain text and a div without the namespace', () => {
    expect(schemaProblems(Narrative, narrative('BP 142/91'))).toEqual([['T.div', 'value']]);
    expect(schemaProblems(Narrative, narrative('<div>BP 142/91</div>'))).toEqual([['T.div', 'value']]);
  });

  it('txt-1: no active content', () => {
    expect(schemaProblems(Narrative, narrative('<div xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script>x</div>'))).toEqual([
      ['T.div', 'invariant'],
    ]);
    expect(schemaProblems(Narrative, narrative('<div xmlns="http://www.w3.org/1999/xhtml"><p onclick="steal()">x</p></div>'))).toEqual([
      ['T.div', 'invariant'],
    ]);
  });

  it('txt-2: some content', () => {
    expect(schemaProblems(Narrative, narrative('<div xmlns="http://www.w3.org/1999/xhtml"> <p></p> </div>'))).toEqual([['T.div', 'invariant']]);
  });

  it('checks the narrative status and allows no _div companion (div is an attribute-like xhtml element)', () => {
    const div = '<div xmlns="http://www.w3.org/1999/xhtml">x</div>';
    expect(schemaProblems(Narrative, { status: 'automatic', div })).toEqual([['T.status', 'code-invalid']]);
    expect(schemaProblems(Narrative, { status: 'generated', div, _div: { id: 'a' } })).toEqual([['T._div', 'structure']]);
  });
});

describe('Meta', () => {
  it('takes an id versionId, an instant lastUpdated and codings', () => {
    expect(
      schemaProblems(Meta, { versionId: '3', lastUpdated: '2024-03-01T10:15:00Z', tag: [{ system: 'https://carechain.example/tags', code: 'imported' }] }),
    ).toEqual([]);
    expect(schemaProblems(Meta, { versionId: 'v 3', lastUpdated: '2024-03-01' })).toEqual([
      ['T.versionId', 'value'],
      ['T.lastUpdated', 'value'],
    ]);
  });
});
