// Unit assertions over the rendered chart (helm template with the Helm the tier built):
// probes, security contexts, NetworkPolicy rules, one ledger-writer per organisation,
// topics equal to libs/contracts' specs, and the schema refusing wrong values.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { dump } from 'js-yaml';
import { TOPIC_SPECS } from '../../libs/contracts/src/topics.ts';
import { SERVICE_CATALOGUE, type ServiceName } from '../../libs/contracts/src/service-catalogue.ts';
import { chartServicesFile, renderChartServices } from './chart-services.ts';
import { METRICS } from '../../libs/shared/telemetry/src/metrics.ts';
import { run } from '../devnet/lib/proc.ts';
import { chartTopicsFile, renderChartTopics } from './chart-topics.ts';
import { chartDir, lint, render, VARIANTS, type K8sObject, type VariantName } from './chart-render.ts';
import { parseTopicsFile } from './ensure-topics.ts';
import { ensureK8sBinaries } from './k8s-binaries.ts';

let helm = '';
let promtool = '';
const rendered = new Map<VariantName, K8sObject[]>();
const of = (variant: VariantName, kind: string) => rendered.get(variant)!.filter((o) => o.kind === kind);
const named = (variant: VariantName, kind: string, suffix: string) => {
  const found = of(variant, kind).find((o) => o.metadata.name === `cc-${suffix}`);
  assert.ok(found, `${variant}: no ${kind} cc-${suffix}`);
  return found;
};
const scalable = ['consent', 'records', 'audit'];

before(async () => {
  ({ helm, promtool } = await ensureK8sBinaries());
  for (const v of VARIANTS) rendered.set(v.name, await render(helm, { files: v.files }));
});

describe('chart sources', () => {
  it('files/topics.json is generated from libs/contracts TOPIC_SPECS and current', () => {
    assert.equal(readFileSync(chartTopicsFile, 'utf8'), renderChartTopics());
  });

  it('files/services.json is generated from libs/contracts SERVICE_CATALOGUE and current', () => {
    assert.equal(readFileSync(chartServicesFile, 'utf8'), renderChartServices());
  });

  for (const v of VARIANTS) {
    it(`helm lint --strict passes with the ${v.name} values`, async () => {
      assert.match(await lint(helm, { files: v.files }), /1 chart\(s\) linted, 0 chart\(s\) failed/);
    });
  }
});

describe('every workload', () => {
  for (const v of VARIANTS) {
    it(`${v.name}: probes, resources, non-root read-only containers, own ServiceAccount without a token`, () => {
      const accounts = new Map(of(v.name, 'ServiceAccount').map((sa) => [sa.metadata.name, sa]));
      const deployments = of(v.name, 'Deployment');
      assert.ok(deployments.length >= 6);
      for (const d of deployments) {
        const pod = d.spec.template.spec;
        assert.equal(pod.automountServiceAccountToken, false, d.metadata.name);
        assert.equal(accounts.get(pod.serviceAccountName)?.automountServiceAccountToken, false, `${d.metadata.name}'s ServiceAccount`);
        assert.equal(pod.serviceAccountName, d.metadata.name, 'one ServiceAccount per workload');
        assert.equal(pod.securityContext.runAsNonRoot, true);
        assert.ok(pod.securityContext.runAsUser > 0);
        assert.equal(pod.securityContext.seccompProfile.type, 'RuntimeDefault');
        assert.match(d.spec.template.metadata.annotations['checksum/settings'], /^[0-9a-f]{64}$/);
        for (const c of pod.containers) {
          assert.deepEqual(c.livenessProbe.httpGet, { path: '/health/live', port: 'http' });
          assert.deepEqual(c.readinessProbe.httpGet, { path: '/health/ready', port: 'http' });
          assert.deepEqual(c.startupProbe.httpGet, { path: '/health/ready', port: 'http' });
          assert.ok(c.startupProbe.periodSeconds * c.startupProbe.failureThreshold >= 300, 'the startup probe allows at least 5 minutes of replica catch-up');
          assert.deepEqual(
            { ...c.securityContext, capabilities: c.securityContext.capabilities },
            { runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
          );
          assert.ok(c.resources.requests.cpu && c.resources.requests.memory && c.resources.limits.memory, `${d.metadata.name} resources`);
          assert.ok(
            c.volumeMounts.some((m: { mountPath: string }) => m.mountPath === '/tmp'),
            'a writable /tmp beside the read-only root',
          );
        }
        const service = of(v.name, 'Service').find((s) => s.metadata.name === d.metadata.name);
        assert.ok(service, `${d.metadata.name} has a Service`);
        assert.deepEqual(service.spec.selector, d.spec.selector.matchLabels);
        assert.equal(service.spec.ports[0].port, pod.containers[0].ports[0].containerPort);
      }
    });
  }

  it("listens on the catalogue's port, and mounts the keyring exactly where the catalogue says the service needs keys", () => {
    for (const d of of('production', 'Deployment')) {
      const service = d.spec.template.metadata.labels['carechain.io/service'] as ServiceName;
      const entry = SERVICE_CATALOGUE[service];
      const container = d.spec.template.spec.containers[0];
      const env = new Map(container.env.map((e: { name: string; value?: string }) => [e.name, e.value]));
      assert.equal(container.ports[0].containerPort, entry.defaultPort, d.metadata.name);
      assert.equal(env.get('PORT'), String(entry.defaultPort), d.metadata.name);
      assert.equal(env.has('KMS_KEYRING_FILE'), entry.needs.includes('kms'), `${d.metadata.name} KMS_KEYRING_FILE`);
      assert.equal(env.has('FABRIC_MSP_ID'), entry.needs.includes('fabric'), `${d.metadata.name} FABRIC_MSP_ID`);
    }
  });

  it('a PodDisruptionBudget per workload: minAvailable where replicated, maxUnavailable 1 where single', () => {
    const pdbs = of('default', 'PodDisruptionBudget');
    assert.equal(pdbs.length, of('default', 'Deployment').length);
    assert.equal(named('default', 'PodDisruptionBudget', 'consent').spec.minAvailable, 1);
    assert.equal(named('default', 'PodDisruptionBudget', 'identity').spec.maxUnavailable, 1);
    assert.equal(of('minimal', 'PodDisruptionBudget').length, 0, 'disabled in minimal');
  });

  it('a settings change changes the checksum that rolls the pods', async () => {
    const a = named('default', 'Deployment', 'records').spec.template.metadata.annotations['checksum/settings'];
    const changed = await render(helm, { set: ['logLevel=debug'] });
    const b = changed.find((o) => o.kind === 'Deployment' && o.metadata.name === 'cc-records')!.spec.template.metadata.annotations['checksum/settings'];
    assert.notEqual(a, b);
    assert.equal(changed.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'cc-settings')!.data!.LOG_LEVEL, 'debug');
  });

  it('only identity, records, claims, ledger-writer and audit (its monitor recomputes leaves) mount the KMS keyring', () => {
    for (const d of of('default', 'Deployment')) {
      const mountsKeyring = d.spec.template.spec.volumes.some((vol: { name: string }) => vol.name === 'kms-keyring');
      assert.equal(mountsKeyring, /-(identity|records|claims|ledger-writer-.+|audit)$/.test(d.metadata.name), d.metadata.name);
    }
  });

  it("gives audit's completeness monitor the service commitment key from the ledger-writers' Secret", () => {
    const env = named('production', 'Deployment', 'audit').spec.template.spec.containers[0].env as { name: string; valueFrom?: unknown }[];
    const writer = of('production', 'Deployment').find((d) => /ledger-writer/.test(d.metadata.name))!.spec.template.spec.containers[0].env as typeof env;
    const key = (e: typeof env) => e.find((v) => v.name === 'LEDGER_COMMITMENT_KEY')?.valueFrom;
    assert.ok(env.some((v) => v.name === 'AUDIT_MONITOR_NETWORK_FILE'));
    assert.deepEqual(key(env), key(writer));
    assert.ok(key(env));
  });
});

describe('data-plane credentials', () => {
  const envOf = (d: K8sObject) => Object.fromEntries(d.spec.template.spec.containers[0].env.map((e: { name: string; value?: string }) => [e.name, e.value]));
  const secretVolume = (d: K8sObject, name: string) => d.spec.template.spec.volumes.find((v: { name: string }) => v.name === name)?.secret;

  it('logs every service in to Kafka and Redis as its own principal, mounting only its own passwords', () => {
    const deployments = of('production-job', 'Deployment');
    assert.ok(deployments.length >= 6);
    for (const d of deployments) {
      const service = d.metadata.labels!['app.kubernetes.io/component'] ?? '';
      const env = envOf(d);
      assert.equal(env.KAFKA_SASL_MECHANISM, 'scram-sha-512', d.metadata.name);
      assert.equal(env.KAFKA_SASL_USERNAME, env.REDIS_USERNAME, d.metadata.name);
      assert.ok(
        ['identity', 'consent', 'records', 'claims', 'ledger-writer', 'audit'].includes(env.KAFKA_SASL_USERNAME),
        `${d.metadata.name}: principal ${env.KAFKA_SASL_USERNAME}`,
      );
      assert.equal(env.KAFKA_TLS, 'true');
      assert.equal(env.KAFKA_TLS_CA_FILE, '/secrets/kafka-ca/ca.pem');
      assert.deepEqual(secretVolume(d, 'kafka-password').items, [{ key: env.KAFKA_SASL_USERNAME, path: 'password' }], `${d.metadata.name} ${service}`);
      assert.deepEqual(secretVolume(d, 'redis-password').items, [{ key: env.REDIS_USERNAME, path: 'password' }]);
    }
  });

  it('gives the topics Job the admin login, which also applies the ACLs', () => {
    const job = named('production-job', 'Job', 'topics');
    const env = Object.fromEntries(job.spec.template.spec.containers[0].env.map((e: { name: string; value?: string }) => [e.name, e.value]));
    assert.equal(env.KAFKA_SASL_USERNAME, 'admin');
    assert.deepEqual(job.spec.template.spec.volumes.find((v: { name: string }) => v.name === 'kafka-password').secret.items, [
      { key: 'admin', path: 'password' },
    ]);
  });

  it('leaves them out by default', () => {
    for (const d of of('default', 'Deployment')) {
      const env = envOf(d);
      assert.equal(env.KAFKA_SASL_MECHANISM, undefined);
      assert.equal(env.REDIS_USERNAME, undefined);
    }
  });
});

describe('ledger-writer per organisation', () => {
  it('claims waits for the chain only where the values say every party has its writer', () => {
    const claimsEnv = (variant: VariantName) =>
      named(variant, 'Deployment', 'claims').spec.template.spec.containers[0].env.map((e: { name: string; value?: string }) => [e.name, e.value]);
    assert.deepEqual(
      claimsEnv('production').filter(([n]: string[]) => n === 'CLAIMS_AWAIT_CHAIN_VERDICT'),
      [['CLAIMS_AWAIT_CHAIN_VERDICT', 'true']],
    );
    assert.deepEqual(
      claimsEnv('default').filter(([n]: string[]) => n === 'CLAIMS_AWAIT_CHAIN_VERDICT'),
      [],
    );
  });

  it("audit's completeness monitor reads every organisation's peer: a network file of each peer and the organisation's identity mounted beside it", () => {
    const audit = named('production', 'Deployment', 'audit').spec.template.spec;
    const file = audit.containers[0].env.find((e: { name: string }) => e.name === 'AUDIT_MONITOR_NETWORK_FILE')?.value;
    assert.equal(file, '/monitor/network.json');
    const network = JSON.parse(named('production', 'ConfigMap', 'audit-monitor').data!['network.json']!) as {
      orgs: Record<string, { mspId: string; peer: { endpoint: string; tlsCaCert: string }; user: { certPath: string; keyPath: string } }>;
    };
    assert.deepEqual(Object.keys(network.orgs).sort(), ['PayerOrg', 'ProviderOrg']);
    assert.equal(network.orgs.PayerOrg!.peer.endpoint, 'peer0.payer.fabric.svc:7051');
    const mounts = Object.fromEntries(audit.containers[0].volumeMounts.map((m: { name: string; mountPath: string }) => [m.mountPath, m.name]));
    for (const org of Object.values(network.orgs)) {
      for (const path of [org.peer.tlsCaCert, org.user.certPath, org.user.keyPath]) assert.ok(mounts[path.replace(/\/[^/]+$/, '')], `${path} is mounted`);
    }
    const volume = audit.volumes.find((v: { name: string }) => v.name === 'fabric-payer');
    assert.deepEqual(
      volume.projected.sources.map((s: { secret: { name: string } }) => s.secret.name),
      ['carechain-fabric-payer', 'carechain-fabric-payer-tls'],
    );
    const off = of('production', 'Deployment').filter((d) => d.metadata.name !== 'cc-audit');
    assert.ok(off.every((d) => !d.spec.template.spec.containers[0].env.some((e: { name: string }) => e.name === 'AUDIT_MONITOR_NETWORK_FILE')));
  });

  it("audit's exports: with a service identity, client credentials, its secret mounted, the four services' URLs and egress to them; without, none", () => {
    const audit = named('production', 'Deployment', 'audit').spec.template.spec;
    const env = Object.fromEntries(audit.containers[0].env.map((e: { name: string; value?: string }) => [e.name, e.value]));
    assert.equal(env.SERVICE_CREDENTIALS_MODE, 'client-credentials');
    assert.equal(env.SERVICE_CLIENT_SECRET_FILE, '/secrets/service-client/secret');
    for (const name of ['identity', 'consent', 'records', 'claims'] as const) {
      assert.equal(env[`AUDIT_EXPORT_${name.toUpperCase()}_URL`], `http://cc-${name}:${SERVICE_CATALOGUE[name].defaultPort}`);
    }
    assert.ok(
      audit.containers[0].volumeMounts.some(
        (m: { name: string; mountPath: string }) => m.name === 'service-client' && m.mountPath === '/secrets/service-client',
      ),
    );
    const egress = named('production', 'NetworkPolicy', 'audit').spec.egress as { ports: { port: number }[] }[];
    const ports = egress.flatMap((r) => r.ports.map((p) => p.port));
    for (const name of ['identity', 'consent', 'records', 'claims'] as const)
      assert.ok(ports.includes(SERVICE_CATALOGUE[name].defaultPort), `egress to ${name}`);
    const plain = named('default', 'Deployment', 'audit').spec.template.spec.containers[0].env.map((e: { name: string }) => e.name);
    assert.ok(!plain.some((n: string) => n.startsWith('SERVICE_') || n.startsWith('AUDIT_EXPORT_')));
  });

  it('production renders one per organisation, each with its MSP id, peer, identity and TLS CA', () => {
    const writers = of('production', 'Deployment').filter((d) => d.spec.template.metadata.labels['carechain.io/service'] === 'ledger-writer');
    assert.deepEqual(writers.map((w) => w.metadata.name).sort(), ['cc-ledger-writer-payer', 'cc-ledger-writer-provider']);
    const env = (name: string) =>
      Object.fromEntries(
        named('production', 'Deployment', name).spec.template.spec.containers[0].env.map((e: { name: string; value?: string }) => [e.name, e.value]),
      );
    assert.equal(env('ledger-writer-provider').FABRIC_MSP_ID, 'ProviderOrgMSP');
    assert.equal(env('ledger-writer-payer').FABRIC_MSP_ID, 'PayerOrgMSP');
    assert.equal(env('ledger-writer-payer').FABRIC_PEER_ENDPOINT, 'peer0.payer.fabric.svc:7051');
    assert.equal(env('ledger-writer-payer').LEDGER_TOPICS, 'claims.claim.v1');
    assert.equal(env('ledger-writer-provider').LEDGER_TOPICS, undefined, 'every domain topic by default');
    assert.equal(env('ledger-writer-provider').FABRIC_PEER_HOST_OVERRIDE, 'peer0.provider.example');
    const volumes = (name: string) =>
      Object.fromEntries(
        named('production', 'Deployment', name).spec.template.spec.volumes.map((vol: { name: string; secret?: { secretName: string } }) => [
          vol.name,
          vol.secret?.secretName,
        ]),
      );
    assert.deepEqual(volumes('ledger-writer-payer')['fabric-identity'], 'carechain-fabric-payer');
    assert.deepEqual(volumes('ledger-writer-payer')['fabric-tls'], 'carechain-fabric-payer-tls');
    assert.deepEqual(volumes('ledger-writer-provider')['fabric-tls'], 'carechain-fabric-provider', 'the identity Secret holds the TLS CA by default');
    for (const w of ['ledger-writer-payer', 'ledger-writer-provider']) {
      named('production', 'Service', w);
      named('production', 'ServiceAccount', w);
      named('production', 'PodDisruptionBudget', w);
    }
  });

  it('no organisation fails at install with the schema message', async () => {
    await assert.rejects(render(helm, { set: ['fabric.organisations=null'] }), /organisations/);
  });
});

describe('HorizontalPodAutoscaler', () => {
  it('exists only for the services that scale by replicas, and then owns the replica count', () => {
    const hpas = of('production', 'HorizontalPodAutoscaler');
    assert.deepEqual(hpas.map((h) => h.spec.scaleTargetRef.name).sort(), scalable.map((s) => `cc-${s}`).sort());
    for (const s of scalable) assert.equal(named('production', 'Deployment', s).spec.replicas, undefined);
    assert.equal(named('production', 'Deployment', 'identity').spec.replicas, 1);
    assert.equal(of('default', 'HorizontalPodAutoscaler').length, 0);
  });

  it('the schema refuses autoscaling or a second replica for identity', async () => {
    await assert.rejects(render(helm, { set: ['services.identity.replicas=2'] }), /identity/);
    await assert.rejects(render(helm, { set: ['services.identity.autoscaling.enabled=true'] }), /autoscaling/);
  });
});

describe('NetworkPolicy', () => {
  const ports = (rule: { ports: { port: number; protocol: string }[] }) => rule.ports.map((p) => `${p.protocol}/${p.port}`);

  it("admits ingress on the service port (and the metrics port from the monitoring namespace) and egress to DNS, Kafka, Redis, the IdP, OTLP, (ledger-writer, the audit monitor) the peers and (audit's exports) the services it asks", () => {
    const policies = of('production', 'NetworkPolicy');
    assert.equal(policies.length, of('production', 'Deployment').length);
    for (const d of of('production', 'Deployment')) {
      const p = named('production', 'NetworkPolicy', d.metadata.name.slice(3));
      assert.deepEqual(p.spec.podSelector.matchLabels, d.spec.selector.matchLabels);
      assert.deepEqual(p.spec.policyTypes, ['Ingress', 'Egress']);
      assert.equal(p.spec.ingress.length, 2);
      assert.deepEqual(ports(p.spec.ingress[0]), [`TCP/${d.spec.template.spec.containers[0].ports[0].containerPort}`]);
      assert.deepEqual(p.spec.ingress[0].from[1], { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } });
      // The metrics port, from the monitoring namespace only.
      assert.deepEqual(ports(p.spec.ingress[1]), ['TCP/9464']);
      assert.deepEqual(p.spec.ingress[1].from, [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }]);
      const egress = p.spec.egress.map(ports);
      const readsPeers = d.metadata.name.includes('ledger-writer') || d.metadata.name === 'cc-audit';
      assert.deepEqual(
        egress,
        [
          ['UDP/53', 'TCP/53'],
          ['TCP/9092'],
          ['TCP/6379'],
          ['TCP/443'],
          ['TCP/4318'],
          ...(readsPeers ? [['TCP/7051']] : []),
          ...(d.metadata.name === 'cc-audit' ? [['TCP/3004', 'TCP/3002', 'TCP/3001', 'TCP/3003']] : []),
        ],
        d.metadata.name,
      );
      for (const rule of p.spec.egress) assert.ok(rule.to.length > 0, 'every egress rule names its peers');
    }
  });

  it('the topics Job gets its own policy: DNS and Kafka only', () => {
    const p = named('production-job', 'NetworkPolicy', 'topics');
    assert.deepEqual(p.spec.egress.map(ports), [['UDP/53', 'TCP/53'], ['TCP/9092']]);
    assert.equal(p.metadata.annotations!['helm.sh/hook'], 'pre-install,pre-upgrade');
  });

  it('refuses to render an egress rule without peers (it would admit every destination)', async () => {
    await assert.rejects(render(helm, { set: ['networkPolicy.enabled=true'] }), /networkPolicy.kafka.to must name at least one peer/);
  });
});

describe('topics', () => {
  const specs = TOPIC_SPECS.map((t) => ({
    name: t.name,
    partitions: t.partitions,
    retentionMs: t.retentionMs,
    cleanupPolicy: t.cleanupPolicy,
    configs: t.configs ?? {},
  }));

  it('the pre-install/pre-upgrade Job creates every libs/contracts topic and DLQ with its settings', () => {
    const job = named('default', 'Job', 'topics');
    assert.equal(job.metadata.annotations!['helm.sh/hook'], 'pre-install,pre-upgrade');
    const pod = job.spec.template.spec;
    assert.equal(pod.containers[0].image, 'carechain/identity:0.1.0', "the project's own image");
    assert.deepEqual(pod.containers[0].command.slice(-2), ['/app/tools/k8s/ensure-topics.ts', '/topics/topics.json']);
    assert.equal(pod.containers[0].securityContext.readOnlyRootFilesystem, true);
    const cm = named('default', 'ConfigMap', 'topics');
    assert.equal(cm.metadata.annotations!['helm.sh/hook'], 'pre-install,pre-upgrade');
    const topics = parseTopicsFile(cm.data!['topics.json'], 'ConfigMap cc-topics');
    assert.deepEqual(
      topics.map(({ description: _d, ...t }) => t),
      specs,
    );
    assert.equal(topics.filter((t) => t.name.endsWith('.dlq')).length * 2, topics.length, 'every topic has its dead-letter topic');
    assert.equal(of('minimal', 'Job').length, 0, 'provisioner none renders no Job');
  });

  it('with provisioner=strimzi, one KafkaTopic per spec with partitions, replicas and configs', () => {
    assert.equal(of('production', 'Job').length, 0);
    const kts = of('production', 'KafkaTopic');
    assert.deepEqual(
      kts.map((k) => ({
        name: k.spec.topicName,
        partitions: k.spec.partitions,
        retentionMs: Number(k.spec.config['retention.ms']),
        cleanupPolicy: k.spec.config['cleanup.policy'],
        configs: Object.fromEntries(
          Object.entries(k.spec.config as Record<string, string>).filter(([key]) => key !== 'retention.ms' && key !== 'cleanup.policy'),
        ),
      })),
      specs,
    );
    for (const k of kts) {
      assert.equal(k.apiVersion, 'kafka.strimzi.io/v1beta2');
      assert.equal(k.metadata.labels!['strimzi.io/cluster'], 'carechain-kafka');
      assert.equal(k.spec.replicas, 3);
      assert.match(k.metadata.name, /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'a valid object name');
    }
  });

  it('strimzi without a cluster name, or an unknown provisioner, fails at install', async () => {
    await assert.rejects(render(helm, { set: ['kafka.topics.provisioner=strimzi'] }), /strimzi/);
    await assert.rejects(render(helm, { set: ['kafka.topics.provisioner=manual'] }), /provisioner/);
  });

  it('ensure-topics refuses a malformed topics file with the reason', () => {
    assert.throws(
      () => parseTopicsFile('{"topics":[{"name":"A B","partitions":1,"retentionMs":1,"cleanupPolicy":"delete"}]}', 'x.json'),
      /x.json: topics\[0\].name/,
    );
    assert.throws(() => parseTopicsFile('{"topics":[{"name":"a","partitions":0,"retentionMs":1,"cleanupPolicy":"delete"}]}', 'x.json'), /partitions/);
    assert.throws(() => parseTopicsFile('{"topics":[]}', 'x.json'), /non-empty/);
  });
});

describe('values.schema.json', () => {
  for (const [set, pattern] of [
    ['logLevel=verbose', /logLevel/],
    ['image.pullPolicy=Sometimes', /pullPolicy/],
    ['redis.urlSecret.name=', /urlSecret/],
    ['kms.keyringSecret=', /keyringSecret/],
    ['fabric.commitmentKeySecret=', /commitmentKeySecret/],
    // Ports are the catalogue's (files/services.json), not values.
    ['services.consent.port=3002', /port/],
    ['kafka.brokers=not a broker list', /brokers/],
    ['podSecurityContext.runAsNonRoot=false', /runAsNonRoot/],
    ['unknownTopLevel=1', /unknownTopLevel/],
  ] as const) {
    it(`refuses ${set || '(empty)'} with a message naming it`, async () => {
      await assert.rejects(render(helm, { set: [set] }), pattern);
    });
  }

  it('describes every value of values.yaml (no value outside the schema)', async () => {
    // additionalProperties:false throughout, so the defaults rendering at all proves it; check the file is the chart's.
    assert.ok(JSON.parse(readFileSync(`${chartDir}/values.schema.json`, 'utf8')).additionalProperties === false);
  });
});

describe('helm test hooks', () => {
  it('check every workload ready, and an authenticated round trip with the admin token Secret', () => {
    const pods = of('production', 'Pod');
    assert.deepEqual(pods.map((p) => p.metadata.name).sort(), ['cc-test-auth', 'cc-test-ready']);
    const targets = (p: K8sObject) => p.spec.containers[0].env.find((e: { name: string }) => e.name === 'TARGETS').value.split(' ');
    const expected = of('production', 'Service')
      .map((s) => `http://${s.metadata.name}:${s.spec.ports[0].port}`)
      .sort();
    for (const p of pods) {
      assert.equal(p.metadata.annotations!['helm.sh/hook'], 'test');
      assert.deepEqual(targets(p).sort(), expected);
      assert.equal(p.spec.automountServiceAccountToken, false);
      assert.equal(p.spec.containers[0].securityContext.readOnlyRootFilesystem, true);
    }
    const auth = named('production', 'Pod', 'test-auth').spec.containers[0];
    assert.deepEqual(auth.env.find((e: { name: string }) => e.name === 'ADMIN_TOKEN').valueFrom, {
      secretKeyRef: { name: 'carechain-test-token', key: 'token' },
    });
    assert.match(auth.command[2], /anonymous\.status === 401 && admin\.status === 200/);
    assert.equal(of('minimal', 'Pod').length, 0, 'tests disabled in minimal');
  });
});

describe('monitoring', () => {
  /** What the Prometheus exporter serves for each declared metric (dots to underscores, counters with _total, histograms in parts). */
  const served = new Set(
    Object.values(METRICS).flatMap((m) => {
      const base = m.name.replaceAll('.', '_');
      return m.kind === 'counter' ? [`${base}_total`] : m.kind === 'histogram' ? [`${base}_bucket`, `${base}_sum`, `${base}_count`] : [base];
    }),
  );
  served.add('target_info');
  /** The metric names a PromQL expression reads (label matchers and by/without lists left out). */
  const metricNames = (expr: string) =>
    [
      ...expr
        .replace(/\{[^}]*\}/g, '')
        .replace(/\b(by|without)\s*\([^)]*\)/g, '')
        .matchAll(/\b((?:carechain|http|messaging)_[a-z_]+|target_info)\b/g),
    ].map((m) => m[1]!);

  it('production sets the exporters and opens a metrics port on every pod and Service', () => {
    const settings = named('production', 'ConfigMap', 'settings');
    assert.equal(settings.data!.CARECHAIN_METRICS_EXPORTERS, 'otlp,prometheus');
    assert.equal(settings.data!.CARECHAIN_METRICS_PORT, '9464');
    for (const d of of('production', 'Deployment')) {
      assert.deepEqual(d.spec.template.spec.containers[0].ports[1], { name: 'metrics', containerPort: 9464, protocol: 'TCP' }, d.metadata.name);
    }
    for (const svc of of('production', 'Service'))
      assert.ok(
        svc.spec.ports.some((p: { name: string }) => p.name === 'metrics'),
        svc.metadata.name,
      );
    // By default the services decide (OTLP when an endpoint is set) and no metrics port is opened.
    assert.equal(named('default', 'ConfigMap', 'settings').data!.CARECHAIN_METRICS_EXPORTERS, undefined);
    for (const d of of('default', 'Deployment')) assert.equal(d.spec.template.spec.containers[0].ports.length, 1);
  });

  it('otlp without an OTLP endpoint fails at install', async () => {
    await assert.rejects(render(helm, { set: ['metrics.exporters={otlp}'] }), /metrics.exporters: otlp needs otel.endpoint/);
  });

  it('the Grafana dashboard is a labelled ConfigMap whose every query reads metrics the services serve', () => {
    assert.equal(of('default', 'ConfigMap').filter((c) => c.metadata.name === 'cc-grafana-dashboard').length, 0);
    const map = named('production', 'ConfigMap', 'grafana-dashboard');
    assert.equal(map.metadata.labels!.grafana_dashboard, '1');
    const dashboard = JSON.parse(map.data!['carechain.json']!) as { uid: string; panels: { title: string; targets?: { expr: string }[] }[] };
    assert.equal(dashboard.uid, 'carechain-overview');
    const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })));
    assert.ok(exprs.length >= 15);
    for (const { panel, expr } of exprs) {
      const names = metricNames(expr);
      assert.ok(names.length > 0, `${panel}: ${expr}`);
      for (const name of names) assert.ok(served.has(name), `${panel}: ${name} is not a carechain metric`);
    }
    for (const wanted of [
      'http_server_request_duration_bucket',
      'carechain_messaging_consumer_lag',
      'carechain_anchoring_lag_bucket',
      'carechain_messaging_dead_letters_total',
      'carechain_fabric_submit_duration_bucket',
    ]) {
      assert.ok(
        exprs.some((e) => metricNames(e.expr).includes(wanted)),
        `the dashboard shows ${wanted}`,
      );
    }
  });

  it('the PrometheusRule alerts on stalls, lag, DLQ, Fabric and KMS; promtool accepts its rules', async () => {
    const rule = named('production', 'PrometheusRule', 'alerts');
    assert.equal(rule.metadata.labels!.release, 'kube-prometheus-stack');
    const rules = rule.spec.groups.flatMap((g: { rules: { alert: string; expr: string }[] }) => g.rules);
    assert.deepEqual(rules.map((r: { alert: string }) => r.alert).sort(), [
      'CarechainAnchoringLagHigh',
      'CarechainAnchoringStalled',
      'CarechainConsumerLagGrowing',
      'CarechainDeadLetters',
      'CarechainFabricUnreachable',
      'CarechainHighErrorRatio',
      'CarechainKeyManagementFailing',
    ]);
    for (const r of rules) for (const name of metricNames(r.expr)) assert.ok(served.has(name), `${r.alert}: ${name} is not a carechain metric`);
    const file = join(mkdtempSync(join(tmpdir(), 'carechain-rules-')), 'rules.yaml');
    writeFileSync(file, dump({ groups: rule.spec.groups }));
    const { stdout } = await run(promtool, ['check', 'rules', file]);
    assert.match(stdout, /SUCCESS: 7 rules found/);
  });
});
