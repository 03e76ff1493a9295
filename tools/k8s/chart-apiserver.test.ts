// Every manifest the chart renders, for every values variant, sent to a real
// kube-apiserver with server-side dry run and strict field validation, in a namespace
// that enforces the "restricted" Pod Security Standard. A rejected manifest, an unknown
// field or a warning (a deprecation, a Pod Security violation) fails the test.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from '../devnet/lib/paths.ts';
import { run } from '../devnet/lib/proc.ts';
import { chartDir, renderYaml, splitManifests, VARIANTS, type K8sObject } from './chart-render.ts';
import { ensureK8sBinaries } from './k8s-binaries.ts';
import { startKubeApi, type KubeApi } from './kube-api.ts';

// Kinds no registry package here carries the CRD of: checked by the unit assertions instead (chart.test.ts).
const WITHOUT_CRD = new Set(['kafka.strimzi.io/v1beta2/KafkaTopic', 'monitoring.coreos.com/v1/PrometheusRule']);

let api: KubeApi;
let helm = '';
let kubeconfig = '';
const resources = new Map<string, { plural: string; namespaced: boolean }>();

const basePath = (apiVersion: string) => (apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`);

/** Where objects of this apiVersion/kind are created, from the server's own discovery. */
async function resourceOf(apiVersion: string, kind: string): Promise<{ plural: string; namespaced: boolean } | undefined> {
  const key = `${apiVersion}/${kind}`;
  if (!resources.has(key)) {
    const res = await api.call('GET', basePath(apiVersion));
    if (res.status === 404) return undefined;
    assert.equal(res.status, 200, `discovery of ${apiVersion}: ${res.body}`);
    for (const r of (JSON.parse(res.body) as { resources: { name: string; kind: string; namespaced: boolean }[] }).resources) {
      if (!r.name.includes('/')) resources.set(`${apiVersion}/${r.kind}`, { plural: r.name, namespaced: r.namespaced });
    }
  }
  return resources.get(key);
}

async function create(obj: K8sObject, text: string, namespace: string, dryRun: boolean) {
  const resource = await resourceOf(obj.apiVersion, obj.kind);
  assert.ok(resource, `the API server serves no ${obj.apiVersion} ${obj.kind}`);
  const path = `${basePath(obj.apiVersion)}${resource.namespaced ? `/namespaces/${namespace}` : ''}/${resource.plural}?fieldValidation=Strict${dryRun ? '&dryRun=All' : ''}`;
  return api.call('POST', path, text, 'application/yaml');
}

before(async () => {
  const bins = await ensureK8sBinaries();
  helm = bins.helm;
  const dir = join(repoRoot, 'tmp', 'chart-test', 'kube-api');
  api = await startKubeApi(bins, dir);
  kubeconfig = join(dir, 'kubeconfig');
  api.writeKubeconfig(kubeconfig);
});

after(async () => {
  await api?.stop();
});

describe('the chart against a real kube-apiserver (dry run, strict field validation)', () => {
  it('rejects a manifest with an unknown field, and a pod that breaks the restricted standard (the check can fail)', async () => {
    const ns = 'strict-control';
    assert.equal((await api.call('POST', '/api/v1/namespaces', JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }))).status, 201);
    const manifests = splitManifests(await renderYaml(helm, { namespace: ns }));
    const deployment = manifests.find((m) => m.object.kind === 'Deployment')!;
    const broken = deployment.text.replace('startupProbe:', 'startupProbes:');
    const res = await create(deployment.object, broken, ns, true);
    assert.equal(res.status, 400, res.body);
    // A root container in a namespace enforcing "restricted" is refused outright.
    const restricted = 'psa-control';
    assert.equal(
      (
        await api.call(
          'POST',
          '/api/v1/namespaces',
          JSON.stringify({
            apiVersion: 'v1',
            kind: 'Namespace',
            metadata: { name: restricted, labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } },
          }),
        )
      ).status,
      201,
    );
    const account = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'control' }, automountServiceAccountToken: false };
    assert.equal((await api.call('POST', `/api/v1/namespaces/${restricted}/serviceaccounts`, JSON.stringify(account))).status, 201);
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'root' },
      spec: { serviceAccountName: 'control', automountServiceAccountToken: false, containers: [{ name: 'c', image: 'x', securityContext: { runAsUser: 0 } }] },
    };
    const refused = await api.call('POST', `/api/v1/namespaces/${restricted}/pods?dryRun=All&fieldValidation=Strict`, JSON.stringify(pod));
    assert.equal(refused.status, 403, refused.body);
    assert.match((JSON.parse(refused.body) as { message: string }).message, /violates PodSecurity "restricted:latest": .*runAsNonRoot/);
    assert.match(
      (JSON.parse(res.body) as { message: string }).message,
      /strict decoding error: unknown field "spec.template.spec.containers\[0\].startupProbes"/,
    );
  });

  for (const variant of VARIANTS) {
    it(`accepts every manifest of the ${variant.name} values`, async () => {
      const ns = `chart-${variant.name}`;
      // The namespace is real (dry-run objects need one); it enforces the restricted Pod Security Standard.
      const namespace = {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: ns,
          labels: {
            'pod-security.kubernetes.io/enforce': 'restricted',
            'pod-security.kubernetes.io/warn': 'restricted',
            'pod-security.kubernetes.io/audit': 'restricted',
          },
        },
      };
      assert.equal((await api.call('POST', '/api/v1/namespaces', JSON.stringify(namespace))).status, 201);
      const manifests = splitManifests(await renderYaml(helm, { namespace: ns, files: variant.files }));
      assert.ok(manifests.length > 10, `${variant.name} renders ${manifests.length} manifests`);
      // Pods are admitted only with an existing ServiceAccount: those are created for real, after their own dry run.
      const ordered = [...manifests.filter((m) => m.object.kind === 'ServiceAccount'), ...manifests.filter((m) => m.object.kind !== 'ServiceAccount')];
      const problems: string[] = [];
      let checked = 0;
      for (const { object, text } of ordered) {
        const what = `${object.kind} ${object.metadata.name}`;
        if (WITHOUT_CRD.has(`${object.apiVersion}/${object.kind}`)) continue;
        const dry = await create(object, text, ns, true);
        if (dry.status !== 201 && dry.status !== 200) problems.push(`${what}: HTTP ${dry.status} ${dry.body}`);
        for (const w of dry.warnings) problems.push(`${what}: warning ${w}`);
        if (object.kind === 'ServiceAccount') {
          const real = await create(object, text, ns, false);
          if (real.status !== 201) problems.push(`${what}: HTTP ${real.status} ${real.body}`);
        }
        checked += 1;
      }
      assert.deepEqual(problems, []);
      const skipped = manifests.length - checked;
      assert.equal(skipped, manifests.filter((m) => WITHOUT_CRD.has(`${m.object.apiVersion}/${m.object.kind}`)).length);
      if (skipped > 0)
        process.stderr.write(
          `  ${variant.name}: ${checked} manifests accepted; ${skipped} KafkaTopics and PrometheusRules left to the unit assertions and promtool (no package reachable here carries their CRDs)\n`,
        );
    });
  }

  it('helm install --dry-run=server against it renders hooks, tests and the NOTES an operator follows', async () => {
    const variant = VARIANTS.find((v) => v.name === 'production-job')!;
    // A namespace of its own: Helm refuses to adopt the ServiceAccounts created above.
    const ns = 'helm-install';
    assert.equal((await api.call('POST', '/api/v1/namespaces', JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }))).status, 201);
    const { stdout } = await run(helm, [
      'install',
      'cc',
      chartDir,
      '--namespace',
      ns,
      '--dry-run=server',
      '--kubeconfig',
      kubeconfig,
      ...variant.files.flatMap((f) => ['-f', f]),
    ]);
    assert.match(stdout, /STATUS: pending-install/);
    assert.match(stdout, /HOOKS:[\s\S]*kind: Job[\s\S]*name: cc-topics/);
    assert.match(stdout, /helm.sh\/hook: test/);
    const notes = stdout.slice(stdout.indexOf('NOTES:'));
    assert.match(notes, /ledger-writer-payer\s+http:\/\/cc-ledger-writer-payer\.helm-install\.svc:3005/);
    assert.match(notes, /helm test cc -n helm-install --logs/);
    assert.match(notes, /created or reconciled by the cc-topics Job/);
  });
});
