// Helm, etcd, kube-apiserver and promtool for the chart checks, each built once with Go from
// the module proxy at a pinned release (tools/k8s/go/<tool>/go.mod and go.sum pin
// every module and hash) and cached under CARECHAIN_CACHE, like Fabric's binaries.
// A cold build takes minutes (kube-apiserver most); later runs find the stamp.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goEnv } from '../devnet/fabric-binaries.ts';
import { cacheDir, repoRoot } from '../devnet/lib/paths.ts';
import { run } from '../devnet/lib/proc.ts';

export const KUBERNETES_VERSION = '1.34.2';
export const ETCD_VERSION = '3.5.21';
export const HELM_VERSION = '3.21.4';
/** Checks the chart's PrometheusRule expressions (`promtool check rules`). */
export const PROMTOOL_VERSION = '3.7.3';
/** The k8s.io client modules Helm is built with (its go.mod): the version `helm lint` assumes. */
const HELM_K8S_MINOR = '36';

interface GoTool {
  readonly name: 'helm' | 'etcd' | 'kube-apiserver' | 'promtool';
  readonly version: string;
  readonly pkg: string;
  readonly ldflags: string;
}

const TOOLS: readonly GoTool[] = [
  {
    name: 'helm',
    version: HELM_VERSION,
    pkg: 'helm.sh/helm/v3/cmd/helm',
    ldflags: [
      `-X helm.sh/helm/v3/internal/version.version=v${HELM_VERSION}`,
      ...['pkg/lint/rules', 'pkg/chartutil'].flatMap((p) => [
        `-X helm.sh/helm/v3/${p}.k8sVersionMajor=1`,
        `-X helm.sh/helm/v3/${p}.k8sVersionMinor=${HELM_K8S_MINOR}`,
      ]),
    ].join(' '),
  },
  { name: 'etcd', version: ETCD_VERSION, pkg: 'go.etcd.io/etcd/server/v3', ldflags: '' },
  {
    name: 'kube-apiserver',
    version: KUBERNETES_VERSION,
    pkg: 'k8s.io/kubernetes/cmd/kube-apiserver',
    ldflags: [
      `-X k8s.io/component-base/version.gitVersion=v${KUBERNETES_VERSION}`,
      `-X k8s.io/component-base/version.gitMajor=${KUBERNETES_VERSION.split('.')[0]}`,
      `-X k8s.io/component-base/version.gitMinor=${KUBERNETES_VERSION.split('.')[1]}`,
      '-X k8s.io/component-base/version.gitTreeState=clean',
      '-s -w',
    ].join(' '),
  },
  {
    name: 'promtool',
    version: PROMTOOL_VERSION,
    pkg: 'github.com/prometheus/prometheus/cmd/promtool',
    ldflags: `-X github.com/prometheus/common/version.Version=${PROMTOOL_VERSION} -s -w`,
  },
];

export type K8sBins = Record<GoTool['name'], string>;

function stampOf(tool: GoTool, moduleDir: string): string {
  const hash = createHash('sha256').update(`${tool.pkg} ${tool.ldflags}\n`);
  for (const f of ['go.mod', 'go.sum']) hash.update(readFileSync(join(moduleDir, f)));
  return hash.digest('hex').slice(0, 16);
}

async function ensureTool(tool: GoTool, log: (m: string) => void): Promise<string> {
  const moduleDir = join(repoRoot, 'tools', 'k8s', 'go', tool.name);
  const root = join(cacheDir(), 'k8s', `${tool.name}-${tool.version}`);
  const bin = join(root, 'bin', tool.name);
  const stamp = join(root, 'stamp');
  const want = stampOf(tool, moduleDir);
  if (existsSync(bin) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return bin;
  const started = Date.now();
  log(`building ${tool.name} ${tool.version} with Go from the module proxy (once; cached in ${root})`);
  mkdirSync(join(root, 'bin'), { recursive: true });
  rmSync(stamp, { force: true });
  // Built beside the final name and renamed, so an interrupted build never leaves a half binary that a stamp vouches for.
  const partial = `${bin}.partial`;
  await run('go', ['build', '-trimpath', '-ldflags', tool.ldflags, '-o', partial, tool.pkg], { cwd: moduleDir, env: { ...goEnv(), CGO_ENABLED: '0' } });
  renameSync(partial, bin);
  writeFileSync(stamp, want);
  log(`${tool.name} built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return bin;
}

/** The binaries, built if the cache lacks them (one after the other: the machine has two cores). */
export async function ensureK8sBinaries(log: (m: string) => void = () => undefined): Promise<K8sBins> {
  const out: Partial<K8sBins> = {};
  for (const tool of TOOLS) out[tool.name] = await ensureTool(tool, log);
  return out as K8sBins;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const bins = await ensureK8sBinaries((m) => process.stderr.write(`[k8s] ${m}\n`));
  process.stdout.write(`${JSON.stringify(bins, null, 2)}\n`);
}
