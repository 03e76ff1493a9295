// Every service's API fuzzed against its own /openapi.json by schemathesis (installed
// by the test runner into a cached venv, tools/test/schemathesis.ts): generated valid
// and invalid requests, with a token of staff roles, checked for server errors,
// undeclared statuses, content types and response schemas. Bounded per service in
// examples and time. Read-model rebuilds are destructive admin operations with
// their own spec (read-model-rebuild-burst), not fuzzed.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServiceProcess, type ServiceProcess } from './support/service-process';
import { token } from './support/tokens';

const SERVICES = ['identity', 'consent', 'records', 'claims', 'ledger-writer', 'audit'] as const;
// Staff roles together reach every operation past its role check; a patient's or a
// service's token would be refused there (or bound to one patient) and exercise less.
const STAFF_ROLES = ['registrar', 'data-steward', 'clinician', 'practitioner', 'privacy-officer', 'payer', 'auditor', 'admin'];
const CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance'];
// The services are fuzzed at once; each gets this much time and these many examples per operation.
const MAX_TIME_SEC = 60;
const MAX_EXAMPLES = 15;
// schemathesis keeps its cache (crashes to replay) in its working directory: the run's own, not the repository.
const WORK_DIR = join(__dirname, '..', '..', '..', 'tmp', 'schemathesis');

interface Run {
  readonly code: number | null;
  readonly output: string;
}

function schemathesis(python: string, service: ServiceProcess, bearer: string): Promise<Run> {
  const args = [
    '-c',
    'from schemathesis.cli import schemathesis; schemathesis()',
    '--config-file',
    join(__dirname, 'api-contract-fuzz.schemathesis.toml'),
    'run',
    `${service.url}/openapi.json`,
    '--checks',
    CHECKS.join(','),
    '--phases',
    'examples,coverage,fuzzing,stateful',
    '--max-examples',
    String(MAX_EXAMPLES),
    '--max-time',
    String(MAX_TIME_SEC),
    '--workers',
    '1',
    '--seed',
    '20261205',
    '--request-timeout',
    '10',
    '--exclude-path-regex',
    '^/admin/read-models/[^/]+/rebuild$',
    '--suppress-health-check',
    'all',
    '--header',
    `Authorization: Bearer ${bearer}`,
    '--output-sanitize',
    'true',
  ];
  return new Promise((resolve) => {
    mkdirSync(WORK_DIR, { recursive: true });
    const child = spawn(python, args, {
      cwd: WORK_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('close', (code) => resolve({ code, output }));
  });
}

describe('the API contract, fuzzed (schemathesis against every service)', () => {
  const running: ServiceProcess[] = [];

  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
  });

  it('finds no server error, undeclared status, wrong content type or body off its schema', async () => {
    const python = process.env.CARECHAIN_SCHEMATHESIS_PYTHON;
    if (!python) throw new Error('CARECHAIN_SCHEMATHESIS_PYTHON is not set: the test runner could not install schemathesis (see its log)');
    running.push(...(await Promise.all(SERVICES.map((name) => startServiceProcess(name)))));
    const bearer = await token({ sub: 'fuzzer-1', roles: STAFF_ROLES, org: 'hospital-a' }, 900);
    const runs = await Promise.all(running.map(async (service) => ({ service: service.name, ...(await schemathesis(python, service, bearer)) })));
    const failed = runs.filter((r) => r.code !== 0);
    // The summary: each phase (examples, coverage, fuzzing, stateful over the links) with what it ran, and the warnings.
    for (const r of runs) process.stderr.write(`schemathesis ${r.service}: exit ${r.code}\n${r.output.split('\n').slice(-40).join('\n')}\n`);
    expect(failed.map((r) => `${r.service} (exit ${r.code}):\n${r.output.slice(-6000)}`)).toEqual([]);
  }, 240_000);
});
