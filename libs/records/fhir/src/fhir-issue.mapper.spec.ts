import { z } from 'zod';
import { preview } from './fhir-issue';
import { fhirPath, toFhirIssues } from './fhir-issue.mapper';

describe('fhirPath', () => {
  it('writes indexes in brackets and names primitive companions as their primitive', () => {
    expect(fhirPath('Observation', [])).toBe('Observation');
    expect(fhirPath('Observation', ['component', 0, 'code', 'coding', 1, 'system'])).toBe('Observation.component[0].code.coding[1].system');
    expect(fhirPath('Observation', ['_status', 'extension', 0, 'url'])).toBe('Observation.status.extension[0].url');
  });
});

describe('toFhirIssues', () => {
  it('uses the code a custom check carries, and invariant by default', () => {
    const schema = z.object({
      a: z.string().refine(() => false, { error: 'a is wrong', params: { fhir: 'not-supported' } }),
      b: z.string().refine(() => false, { error: 'b is wrong' }),
    });
    const input = { a: 'x', b: 'y' };
    const { error } = schema.safeParse(input);
    expect(toFhirIssues('R', input, error?.issues ?? [])).toEqual([
      { path: 'R.a', code: 'not-supported', message: 'a is wrong' },
      { path: 'R.b', code: 'invariant', message: 'b is wrong' },
    ]);
  });

  it('keeps messages short when the client sends huge values', () => {
    const input = { status: 'x'.repeat(10_000) };
    const { error } = z.strictObject({ status: z.enum(['a', 'b']) }).safeParse(input);
    const [issue] = toFhirIssues('R', input, error?.issues ?? []);
    expect(issue?.message.length).toBeLessThan(120);
    expect(preview('y'.repeat(100))).toBe(`"${'y'.repeat(63)}…`);
  });
});
