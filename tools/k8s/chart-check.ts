// The chart tier of `npm test` (and `npm run test:chart` on its own): builds Helm,
// etcd and kube-apiserver once (cached), then runs the chart specs with Node's test
// runner in this process, and writes the tally as Jest-shaped JSON for tools/test/run.ts.
//   tools/bootstrap/run.sh tools/k8s/chart-check.ts [--json <file>]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { repoRoot } from '../devnet/lib/paths.ts';
import { ensureK8sBinaries } from './k8s-binaries.ts';
import { stopAllKubeApis } from './kube-api.ts';

const log = (m: string) => process.stderr.write(`\x1b[1m[carechain chart]\x1b[0m ${m}\n`);
const files = ['chart.test.ts', 'chart-apiserver.test.ts'].map((f) => join(repoRoot, 'tools', 'k8s', f));

async function main(): Promise<number> {
  const jsonOut = process.argv.includes('--json') ? process.argv[process.argv.indexOf('--json') + 1] : undefined;
  const started = Date.now();
  await ensureK8sBinaries(log);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failures: string[] = [];
  // In this process (isolation none): a signal that ends the run reaches the after() hooks that stop the API server.
  const stream = run({ files, isolation: 'none', concurrency: false, timeout: 20 * 60_000 });
  stream.on('test:pass', (e) => {
    if (e.details.type === 'suite') return;
    if (e.skip || e.todo) skipped += 1;
    else passed += 1;
  });
  stream.on('test:fail', (e) => {
    if (e.details.type === 'suite' && failures.length > 0) return;
    failed += 1;
    failures.push(`${e.file ?? ''} › ${e.name}`);
  });
  await new Promise<void>((resolve, reject) => {
    stream
      .compose(spec)
      .on('data', (d: string) => process.stdout.write(d))
      .on('end', resolve)
      .on('error', reject);
  });
  log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (jsonOut) {
    mkdirSync(dirname(jsonOut), { recursive: true });
    writeFileSync(
      jsonOut,
      JSON.stringify({
        numPassedTests: passed,
        numFailedTests: failed,
        numPendingTests: skipped,
        numTodoTests: 0,
        numRuntimeErrorTestSuites: 0,
        testResults: failures.map((name) => ({ name, status: 'failed' })),
      }),
    );
  }
  return failed === 0 && passed > 0 ? 0 : 1;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAllKubeApis().finally(() => process.exit(130)));
process.exitCode = await main().catch((err: Error) => {
  log(`chart tier failed: ${err.message}`);
  return 1;
});
