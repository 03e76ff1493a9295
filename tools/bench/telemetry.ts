// npm run bench:telemetry -- [--rounds 2] [--n 5000] [--c 32] [--runs 3]
//
// What exporting traces and metrics costs: bench:pipeline on the full devnet with
// telemetry exported (CARECHAIN_OBSERVE=1: Jaeger, every span and metric sent over
// OTLP) and without (spans still made for log correlation, nothing exported), in
// alternating rounds in one sitting so that drift on the shared cores hits both.
// Each round brings the stack up fresh and down again. Target (issue 13): at most
// 15 % fewer registrations/s with telemetry exported.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../devnet/lib/paths.ts';
import { median } from './lib/http-load.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const rounds = arg('rounds', 2);
const pipelineArgs = ['--n', String(arg('n', 5000)), '--c', String(arg('c', 32)), '--runs', String(arg('runs', 3))];

function node(script: string, args: readonly string[], env: NodeJS.ProcessEnv, echo: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', join(repoRoot, script), ...args], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (echo) process.stdout.write(`    ${d.toString().trimEnd().split('\n').join('\n    ')}\n`);
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} ${args.join(' ')} exited ${code}:\n${out.slice(-2000)}`))));
  });
}

async function measure(observe: boolean): Promise<{ throughput: number; p99: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, CARECHAIN_OBSERVE: observe ? '1' : '0' };
  delete env.OTEL_EXPORTER_OTLP_ENDPOINT;
  delete env.CARECHAIN_METRICS_EXPORTERS;
  await node('tools/devnet/stack.ts', ['up'], env, false);
  try {
    const out = await node('tools/bench/pipeline.ts', pipelineArgs, env, true);
    const m = /median of \d+: (\d+) registrations\/s, request→read model p50 [\d.]+ ms, p99 ([\d.]+) ms/.exec(out);
    if (!m) throw new Error(`no median line in bench:pipeline's output:\n${out}`);
    return { throughput: Number(m[1]), p99: Number(m[2]) };
  } finally {
    await node('tools/devnet/stack.ts', ['down'], env, false);
  }
}

process.stdout.write(`bench:telemetry  rounds=${rounds}  bench:pipeline ${pipelineArgs.join(' ')}  ${new Date().toISOString()}\n`);
const off: { throughput: number; p99: number }[] = [];
const on: { throughput: number; p99: number }[] = [];
for (let r = 0; r < rounds; r++) {
  // Alternate which goes first, so a trend over the sitting does not favour one side.
  for (const observe of r % 2 === 0 ? [false, true] : [true, false]) {
    process.stdout.write(`  round ${r + 1}, telemetry ${observe ? 'exported (Jaeger, OTLP traces + metrics)' : 'not exported'}\n`);
    (observe ? on : off).push(await measure(observe));
  }
}
const offMedian = median(off.map((x) => x.throughput));
const onMedian = median(on.map((x) => x.throughput));
process.stdout.write(
  `not exported: ${offMedian.toFixed(0)} registrations/s (rounds ${off.map((x) => x.throughput).join(', ')}), p99 ${median(off.map((x) => x.p99)).toFixed(0)} ms\n` +
    `exported:     ${onMedian.toFixed(0)} registrations/s (rounds ${on.map((x) => x.throughput).join(', ')}), p99 ${median(on.map((x) => x.p99)).toFixed(0)} ms\n` +
    `throughput lost to telemetry: ${((1 - onMedian / offMedian) * 100).toFixed(1)} % (target ≤ 15 %)\n`,
);
