// Renders helm/carechain with the Helm the chart test built, and parses the result.
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { repoRoot } from '../devnet/lib/paths.ts';
import { run } from '../devnet/lib/proc.ts';
import { KUBERNETES_VERSION } from './k8s-binaries.ts';

export const chartDir = join(repoRoot, 'helm', 'carechain');

/** The values the chart is checked with: the defaults and each file in helm/carechain/ci. */
export const VARIANTS = [
  { name: 'default', files: [] as string[] },
  { name: 'minimal', files: [join(chartDir, 'ci', 'minimal-values.yaml')] },
  { name: 'production', files: [join(chartDir, 'ci', 'production-values.yaml')] },
  { name: 'production-job', files: [join(chartDir, 'ci', 'production-job-values.yaml')] },
] as const;

export type VariantName = (typeof VARIANTS)[number]['name'];

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- a manifest is read field by field in assertions
  data?: Record<string, string>;
  automountServiceAccountToken?: boolean;
}

export interface RenderOptions {
  readonly release?: string;
  readonly namespace?: string;
  readonly files?: readonly string[];
  readonly set?: readonly string[];
}

function helmArgs(opts: RenderOptions): string[] {
  return [
    ...(opts.namespace ? ['--namespace', opts.namespace] : []),
    ...(opts.files ?? []).flatMap((f) => ['-f', f]),
    ...(opts.set ?? []).flatMap((s) => ['--set', s]),
    '--kube-version',
    KUBERNETES_VERSION,
  ];
}

/** `helm template` output, or a rejection carrying Helm's message (a schema or `fail` error). */
export async function renderYaml(helm: string, opts: RenderOptions = {}): Promise<string> {
  const { stdout } = await run(helm, ['template', opts.release ?? 'cc', chartDir, ...helmArgs(opts)]);
  return stdout;
}

export async function lint(helm: string, opts: RenderOptions = {}): Promise<string> {
  const { stdout } = await run(helm, ['lint', chartDir, '--strict', ...helmArgs(opts)]);
  return stdout;
}

/** The manifests of a rendered chart, each as its YAML text (what is sent to the API server) and parsed. */
export function splitManifests(yaml: string): { text: string; object: K8sObject }[] {
  return yaml
    .split(/^---\s*$/m)
    .map((text) => ({ text, object: loadAll(text).find((d) => d !== null && typeof d === 'object') as K8sObject | undefined }))
    .filter((m): m is { text: string; object: K8sObject } => m.object !== undefined);
}

export async function render(helm: string, opts: RenderOptions = {}): Promise<K8sObject[]> {
  return splitManifests(await renderYaml(helm, opts)).map((m) => m.object);
}
