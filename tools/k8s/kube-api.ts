// A real Kubernetes API server for the chart test: etcd plus kube-apiserver on free
// loopback ports, with a generated service-account key pair, a static admin token and
// RBAC. No controllers or kubelet run: it validates, admits and stores objects, which
// is what a server-side dry run needs. stop() ends both processes and frees the ports.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { join } from 'node:path';
import { reapStale, startProcess, waitFor, type Proc } from '../devnet/lib/proc.ts';

export interface ApiResponse {
  readonly status: number;
  readonly body: string;
  /** The API server's Warning headers (deprecations, Pod Security violations). */
  readonly warnings: readonly string[];
}

export interface KubeApi {
  readonly url: string;
  call(method: string, path: string, body?: string, contentType?: string): Promise<ApiResponse>;
  /** A kubeconfig for this server and its admin token, for Helm and kubectl. */
  writeKubeconfig(file: string): void;
  stop(): Promise<void>;
}

/**
 * `count` distinct loopback ports the kernel says are free: all are held open together
 * (so none is handed out twice), then released for the servers to bind.
 */
export async function freeLoopbackPorts(count: number): Promise<number[]> {
  const held: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      held.push(server);
      await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
    }
    return held.map((s) => (s.address() as AddressInfo).port);
  } finally {
    await Promise.all(held.map((s) => new Promise((resolve) => s.close(resolve))));
  }
}

/** The stop of every API server this process is starting or running. */
const live = new Set<() => Promise<void>>();

/** Stops every API server this process started (even one still starting): for a signal handler, before it exits. */
export async function stopAllKubeApis(): Promise<void> {
  await Promise.all([...live].map((stop) => stop()));
}

export async function startKubeApi(
  bins: { etcd: string; 'kube-apiserver': string },
  dir: string,
  log: (m: string) => void = () => undefined,
): Promise<KubeApi> {
  // A test run killed before it stopped its servers left pid files here: end those first.
  await reapStale(dir, log);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'certs'), { recursive: true });
  const [etcdPort, etcdPeerPort, apiPort] = await freeLoopbackPorts(3);

  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(join(dir, 'sa.pub'), publicKey.export({ type: 'spki', format: 'pem' }));
  writeFileSync(join(dir, 'sa.key'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const token = randomBytes(24).toString('hex');
  writeFileSync(join(dir, 'tokens.csv'), `${token},carechain-chart-test,carechain-chart-test,"system:masters"\n`, { mode: 0o600 });

  const procs: Proc[] = [];
  const stop = async () => {
    for (const p of procs.reverse()) await p.stop({ graceMs: 10_000 });
    procs.length = 0;
    live.delete(stop);
  };
  live.add(stop);
  try {
    const etcd = startProcess(
      'etcd',
      bins.etcd,
      [
        '--name=chart-test',
        `--data-dir=${join(dir, 'etcd')}`,
        `--listen-client-urls=http://127.0.0.1:${etcdPort}`,
        `--advertise-client-urls=http://127.0.0.1:${etcdPort}`,
        `--listen-peer-urls=http://127.0.0.1:${etcdPeerPort}`,
        `--initial-advertise-peer-urls=http://127.0.0.1:${etcdPeerPort}`,
        `--initial-cluster=chart-test=http://127.0.0.1:${etcdPeerPort}`,
        // Nothing here outlives the test: skip the fsyncs.
        '--unsafe-no-fsync',
        '--log-level=warn',
      ],
      { cwd: dir, logFile: join(dir, 'etcd.log') },
    );
    procs.push(etcd);
    await waitFor(`etcd on 127.0.0.1:${etcdPort}`, async () => (await fetch(`http://127.0.0.1:${etcdPort}/health`)).ok, { proc: etcd, timeoutMs: 60_000 });

    const apiserver = startProcess(
      'kube-apiserver',
      bins['kube-apiserver'],
      [
        `--etcd-servers=http://127.0.0.1:${etcdPort}`,
        '--bind-address=127.0.0.1',
        '--advertise-address=127.0.0.1',
        `--secure-port=${apiPort}`,
        // It generates a self-signed serving certificate here.
        `--cert-dir=${join(dir, 'certs')}`,
        `--service-account-key-file=${join(dir, 'sa.pub')}`,
        `--service-account-signing-key-file=${join(dir, 'sa.key')}`,
        '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
        `--token-auth-file=${join(dir, 'tokens.csv')}`,
        '--authorization-mode=RBAC',
        '--anonymous-auth=false',
        '--service-cluster-ip-range=10.96.0.0/16',
        // The "kubernetes" Service's endpoint may not be a loopback address; nothing here needs it.
        '--endpoint-reconciler-type=none',
        '--allow-privileged=false',
        '--profiling=false',
        '--v=1',
      ],
      { cwd: dir, logFile: join(dir, 'kube-apiserver.log') },
    );
    procs.push(apiserver);

    const url = `https://127.0.0.1:${apiPort}`;
    let ca: Buffer | undefined;
    const call = (method: string, path: string, body?: string, contentType = 'application/json'): Promise<ApiResponse> =>
      new Promise((resolve, reject) => {
        ca ??= readFileSync(join(dir, 'certs', 'apiserver.crt'));
        const req = request(
          `${url}${path}`,
          {
            method,
            // The self-signed certificate it generated names 127.0.0.1.
            ca,
            headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body !== undefined && { 'content-type': contentType }) },
            timeout: 30_000,
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (d: string) => (text += d));
            res.on('end', () => {
              const raw = res.headers.warning;
              const warnings = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
              resolve({ status: res.statusCode ?? 0, body: text, warnings });
            });
          },
        );
        req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timed out`)));
        req.on('error', reject);
        req.end(body);
      });
    // Ready once every post-start hook (RBAC bootstrap roles among them) has run.
    await waitFor(`kube-apiserver on ${url}/readyz`, async () => (await call('GET', '/readyz')).status === 200, {
      proc: apiserver,
      timeoutMs: 180_000,
      intervalMs: 500,
    });
    log(`kube-apiserver ready on ${url} (etcd on 127.0.0.1:${etcdPort})`);
    const writeKubeconfig = (file: string) => {
      const config = {
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'chart-test', cluster: { server: url, 'certificate-authority': join(dir, 'certs', 'apiserver.crt') } }],
        users: [{ name: 'admin', user: { token } }],
        contexts: [{ name: 'chart-test', context: { cluster: 'chart-test', user: 'admin' } }],
        'current-context': 'chart-test',
      };
      // JSON is YAML: Helm and kubectl read it as a kubeconfig.
      writeFileSync(file, JSON.stringify(config, null, 2), { mode: 0o600 });
    };
    return { url, call, stop, writeKubeconfig };
  } catch (err) {
    await stop();
    throw err;
  }
}
