import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { domainProblems, problemTypesOf } from './domain-problems';
import { sharedProblemTypes, toProblem, undocumentedProblemTypes } from './problem';

const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');

class SpecError extends Error {
  constructor(readonly code: 'gone' | 'refused') {
    super(code);
  }
}
const SPEC_PROBLEMS = domainProblems<SpecError>({ domain: 'spec', errorClass: SpecError, status: { gone: 410, refused: 403 } });

describe('problem types', () => {
  it('documents every type any service answers whatever its domain, each once', () => {
    const types = sharedProblemTypes().map((t) => t.type);
    expect(undocumentedProblemTypes(sharedProblemTypes(), readme)).toEqual([]);
    expect(new Set(types).size).toBe(types.length);
  });

  it('maps a domain error by its code, and every 403 to the one forbidden type', () => {
    expect(toProblem(new SpecError('gone'), '/x', [SPEC_PROBLEMS])).toMatchObject({
      type: 'https://carechain.dev/problems/spec/gone',
      status: 410,
      detail: 'gone',
      instance: '/x',
    });
    expect(toProblem(new SpecError('refused'), undefined, [SPEC_PROBLEMS])).toMatchObject({ type: 'https://carechain.dev/problems/forbidden', status: 403 });
    expect(problemTypesOf(SPEC_PROBLEMS).map((t) => t.type)).toEqual(['https://carechain.dev/problems/spec/gone', 'https://carechain.dev/problems/forbidden']);
    // An error no mapping knows is not described to the client.
    expect(toProblem(new SpecError('gone'))).toMatchObject({ type: 'https://carechain.dev/problems/internal', status: 500 });
  });

  it('finds a type the README does not list', () => {
    expect(undocumentedProblemTypes(problemTypesOf(SPEC_PROBLEMS), readme)).toEqual(['spec/gone']);
  });
});
