import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { problemTypesOf, undocumentedProblemTypes } from '@carechain/http';
import { CLAIMS_PROBLEMS } from './claims.problems';

it('documents every problem type claims answers in the README, one type per code but the shared forbidden', () => {
  const types = problemTypesOf(CLAIMS_PROBLEMS);
  expect(undocumentedProblemTypes(types, readFileSync(join(__dirname, '../../../README.md'), 'utf8'))).toEqual([]);
  const own = types.filter((t) => t.status !== 403).map((t) => t.type);
  expect(new Set(own).size).toBe(own.length);
});
