// Reads Jest's --json result files and adds them up, so `npm test` can end with
// one plain "N passed, N failed" line covering every tier.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  failedSuites: string[];
}

export const emptyTally = (): Tally => ({ passed: 0, failed: 0, skipped: 0, failedSuites: [] });

interface JestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numRuntimeErrorTestSuites: number;
  testResults: { name: string; status: string }[];
}

export function readJestJson(file: string, into: Tally = emptyTally()): Tally {
  if (!existsSync(file)) {
    into.failed += 1;
    into.failedSuites.push(`${file} (no result: the runner did not finish)`);
    return into;
  }
  const r = JSON.parse(readFileSync(file, 'utf8')) as JestJson;
  into.passed += r.numPassedTests;
  into.failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  into.skipped += r.numPendingTests + r.numTodoTests;
  into.failedSuites.push(...r.testResults.filter((t) => t.status !== 'passed').map((t) => t.name));
  return into;
}

export function readJestDir(dir: string): Tally {
  const tally = emptyTally();
  if (!existsSync(dir)) return tally;
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) readJestJson(join(dir, f), tally);
  return tally;
}
