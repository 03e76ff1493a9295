// The Fabric network of the devnet and the test suite, as native processes: one
// etcdraft orderer (joined to the channel through osnadmin, no system channel),
// a peer for ProviderOrg and one for PayerOrg, TLS everywhere, and each org's own
// chaincode-as-a-service process. Crypto material and the channel's genesis block
// come from deploy/fabric; a restart reuses them and the ledgers.
//
//   node tools/devnet/fabric.ts up | build | purge
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { assertPortFree, portOpen, run, startProcess, waitFor, type Proc } from './lib/proc.ts';
import { repoRoot, stateDir } from './lib/paths.ts';
import { ensureFabricBinaries, type FabricBins } from './fabric-binaries.ts';
import { CHAINCODE, CHANNEL, cryptoPaths, ORGS, topology, type OrgName, type PeerNode, type Topology } from './fabric-topology.ts';
import { deployChaincode, startChaincodeServer } from './fabric-chaincode.ts';

// The built ledger lib's gateway (the stack and the test runner build before starting Fabric).
type LedgerLib = typeof import('@carechain/ledger-fabric');

function builtLedgerLib(): LedgerLib {
  try {
    return createRequire(join(repoRoot, 'package.json'))('@carechain/ledger-fabric') as LedgerLib;
  } catch (err) {
    throw new Error(
      `fabric: the readiness check uses the built @carechain/ledger-fabric; run \`npm run build\` first (${(err as Error).message.split('\n')[0]})`,
    );
  }
}

export { ensureFabricBinaries } from './fabric-binaries.ts';
export type { FabricBins } from './fabric-binaries.ts';

export interface FabricNetwork {
  channel: string;
  chaincode: string;
  orderer: { endpoint: string; adminEndpoint: string; tlsCaCert: string };
  orgs: Record<
    OrgName,
    {
      mspId: string;
      peer: { endpoint: string; tlsCaCert: string; hostOverride: string; operations: string };
      admin: { certPath: string; keyPath: string };
      user: { certPath: string; keyPath: string };
    }
  >;
}

export interface FabricHandle {
  network: FabricNetwork;
  networkFile: string;
  /** Stops the peers of `orgs` (every organisation's by default), e.g. to show that one organisation alone changes nothing. */
  stopPeers(orgs?: readonly OrgName[]): Promise<void>;
  startPeers(orgs?: readonly OrgName[]): Promise<void>;
  /** SIGKILL of the orderer or of one organisation's peer, then a restart on the same ledger (the chaos runner's fault). */
  crash(part: 'orderer' | OrgName): Promise<void>;
  fetchBlocks(): Promise<Buffer[]>;
  stop(): Promise<void>;
}

interface Ctx {
  readonly env: NodeJS.ProcessEnv;
  readonly dir: string;
  readonly t: Topology;
  readonly bins: FabricBins;
  readonly paths: ReturnType<typeof cryptoPaths>;
  readonly log: (m: string) => void;
}

const only = (dir: string) => join(dir, readdirSync(dir)[0]!);

function healthy(url: string): () => Promise<boolean> {
  return async () => (await fetch(url, { signal: AbortSignal.timeout(1_000) })).ok;
}

/** cryptogen, the channel's genesis block and the node configs: first run only. */
async function generate(c: Ctx): Promise<void> {
  const cfg = join(c.dir, 'cfg');
  mkdirSync(cfg, { recursive: true });
  if (!existsSync(join(c.dir, 'crypto'))) {
    c.log('fabric: generating crypto material (cryptogen)');
    await run(c.bins.bin('cryptogen'), [
      'generate',
      `--config=${join(repoRoot, 'deploy', 'fabric', 'crypto-config.yaml')}`,
      `--output=${join(c.dir, 'crypto')}`,
    ]);
  }
  if (!existsSync(join(cfg, 'orderer.yaml'))) copyFileSync(join(c.bins.sampleConfigDir, 'orderer.yaml'), join(cfg, 'orderer.yaml'));
  if (!existsSync(join(cfg, 'core.yaml'))) {
    // No Docker: an empty vm.endpoint turns the peer's Docker support (and its Docker
    // health check) off; an empty CORE_VM_ENDPOINT would be ignored, so edit the copy.
    const core = readFileSync(join(c.bins.sampleConfigDir, 'core.yaml'), 'utf8');
    const patched = core.replace(/^(\s+)endpoint: unix:\/\/\/var\/run\/docker\.sock$/m, '$1endpoint: ""');
    if (patched === core) throw new Error("fabric: could not find vm.endpoint in the sample core.yaml; the pinned Fabric version's config changed");
    writeFileSync(join(cfg, 'core.yaml'), patched);
  }
  if (!existsSync(join(c.dir, 'genesis.block'))) {
    const values: Record<string, string> = {
      CRYPTO: join(c.dir, 'crypto'),
      ORDERER_HOST: c.t.host,
      ORDERER_PORT: String(c.t.orderer.port),
      ORDERER_ENDPOINT: `${c.t.host}:${c.t.orderer.port}`,
      PROVIDER_PEER_HOST: c.t.host,
      PROVIDER_PEER_PORT: String(c.t.peers.ProviderOrg.port),
      PAYER_PEER_HOST: c.t.host,
      PAYER_PEER_PORT: String(c.t.peers.PayerOrg.port),
    };
    const template = readFileSync(join(repoRoot, 'deploy', 'fabric', 'configtx.template.yaml'), 'utf8');
    writeFileSync(
      join(cfg, 'configtx.yaml'),
      template.replace(/\$\{([A-Z_]+)\}/g, (_, k: string) => values[k] ?? `\${${k}}`),
    );
    await run(c.bins.bin('configtxgen'), [
      '-configPath',
      cfg,
      '-profile',
      'CarechainChannel',
      '-channelID',
      CHANNEL,
      '-outputBlock',
      join(c.dir, 'genesis.block'),
    ]);
  }
}

function ordererEnv(c: Ctx): NodeJS.ProcessEnv {
  const tls = join(c.paths.ordererNode, 'tls');
  const o = c.t.orderer;
  return {
    ...c.env,
    FABRIC_CFG_PATH: join(c.dir, 'cfg'),
    ORDERER_GENERAL_LISTENADDRESS: c.t.host,
    ORDERER_GENERAL_LISTENPORT: String(o.port),
    ORDERER_GENERAL_LOCALMSPID: 'OrdererMSP',
    ORDERER_GENERAL_LOCALMSPDIR: join(c.paths.ordererNode, 'msp'),
    ORDERER_GENERAL_TLS_ENABLED: 'true',
    ORDERER_GENERAL_TLS_PRIVATEKEY: join(tls, 'server.key'),
    ORDERER_GENERAL_TLS_CERTIFICATE: join(tls, 'server.crt'),
    ORDERER_GENERAL_TLS_ROOTCAS: `[${join(tls, 'ca.crt')}]`,
    ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE: join(tls, 'server.crt'),
    ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY: join(tls, 'server.key'),
    ORDERER_GENERAL_CLUSTER_ROOTCAS: `[${join(tls, 'ca.crt')}]`,
    ORDERER_GENERAL_BOOTSTRAPMETHOD: 'none',
    ORDERER_CHANNELPARTICIPATION_ENABLED: 'true',
    ORDERER_ADMIN_LISTENADDRESS: `${c.t.host}:${o.adminPort}`,
    ORDERER_ADMIN_TLS_ENABLED: 'true',
    ORDERER_ADMIN_TLS_CERTIFICATE: join(tls, 'server.crt'),
    ORDERER_ADMIN_TLS_PRIVATEKEY: join(tls, 'server.key'),
    ORDERER_ADMIN_TLS_ROOTCAS: `[${join(tls, 'ca.crt')}]`,
    ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED: 'true',
    ORDERER_ADMIN_TLS_CLIENTROOTCAS: `[${join(tls, 'ca.crt')}]`,
    ORDERER_FILELEDGER_LOCATION: join(c.dir, 'orderer', 'ledger'),
    ORDERER_CONSENSUS_WALDIR: join(c.dir, 'orderer', 'wal'),
    ORDERER_CONSENSUS_SNAPDIR: join(c.dir, 'orderer', 'snap'),
    ORDERER_OPERATIONS_LISTENADDRESS: `${c.t.host}:${o.operationsPort}`,
    ORDERER_METRICS_PROVIDER: 'disabled',
  };
}

function peerEnv(c: Ctx, p: PeerNode): NodeJS.ProcessEnv {
  const node = c.paths.peer(p);
  const addr = `${c.t.host}:${p.port}`;
  return {
    ...c.env,
    FABRIC_CFG_PATH: join(c.dir, 'cfg'),
    CORE_PEER_ID: `peer0.${p.domain}`,
    CORE_PEER_ADDRESS: addr,
    CORE_PEER_LISTENADDRESS: addr,
    CORE_PEER_CHAINCODEADDRESS: `${c.t.host}:${p.chaincodePort}`,
    CORE_PEER_CHAINCODELISTENADDRESS: `${c.t.host}:${p.chaincodePort}`,
    CORE_PEER_GOSSIP_BOOTSTRAP: addr,
    CORE_PEER_GOSSIP_EXTERNALENDPOINT: addr,
    // A peer that finds the other organisation's anchor peer not up yet tries again
    // after this interval (default 25 s), and until then its gateway cannot plan an
    // endorsement both organisations sign: on a devnet started in seconds, retry fast.
    CORE_PEER_GOSSIP_RECONNECTINTERVAL: '1s',
    CORE_PEER_LOCALMSPID: p.mspId,
    CORE_PEER_MSPCONFIGPATH: join(node, 'msp'),
    CORE_PEER_TLS_ENABLED: 'true',
    CORE_PEER_TLS_CERT_FILE: join(node, 'tls', 'server.crt'),
    CORE_PEER_TLS_KEY_FILE: join(node, 'tls', 'server.key'),
    CORE_PEER_TLS_ROOTCERT_FILE: join(node, 'tls', 'ca.crt'),
    CORE_PEER_FILESYSTEMPATH: join(c.dir, 'peers', p.org),
    CORE_LEDGER_SNAPSHOTS_ROOTDIR: join(c.dir, 'peers', p.org, 'snapshots'),
    CORE_PEER_GATEWAY_ENABLED: 'true',
    CORE_OPERATIONS_LISTENADDRESS: `${c.t.host}:${p.operationsPort}`,
    CORE_METRICS_PROVIDER: 'disabled',
    // Chaincode runs only as a service, through the project's own builder.
    CORE_CHAINCODE_EXTERNALBUILDERS: JSON.stringify([{ name: 'carechain-ccaas', path: c.bins.builderDir }]),
  };
}

/** Env to run the `peer` CLI as an org's admin. */
export function peerCliEnv(network: FabricNetwork, org: OrgName, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const o = network.orgs[org];
  return {
    ...env,
    FABRIC_CFG_PATH: join(stateDir(env), 'fabric', 'cfg'),
    CORE_PEER_LOCALMSPID: o.mspId,
    CORE_PEER_ADDRESS: o.peer.endpoint,
    CORE_PEER_TLS_ENABLED: 'true',
    CORE_PEER_TLS_ROOTCERT_FILE: o.peer.tlsCaCert,
    CORE_PEER_MSPCONFIGPATH: join(o.admin.certPath, '..', '..'),
  };
}

function networkOf(c: Ctx): FabricNetwork {
  const org = (p: PeerNode) => ({
    mspId: p.mspId,
    peer: {
      endpoint: `${c.t.host}:${p.port}`,
      tlsCaCert: c.paths.peerTlsCa(p),
      hostOverride: `peer0.${p.domain}`,
      operations: `http://${c.t.host}:${p.operationsPort}`,
    },
    admin: { certPath: only(join(c.paths.adminMsp(p), 'signcerts')), keyPath: only(join(c.paths.adminMsp(p), 'keystore')) },
    user: { certPath: only(join(c.paths.userMsp(p), 'signcerts')), keyPath: only(join(c.paths.userMsp(p), 'keystore')) },
  });
  return {
    channel: CHANNEL,
    chaincode: CHAINCODE,
    orderer: { endpoint: `${c.t.host}:${c.t.orderer.port}`, adminEndpoint: `${c.t.host}:${c.t.orderer.adminPort}`, tlsCaCert: c.paths.ordererTlsCa },
    orgs: { ProviderOrg: org(c.t.peers.ProviderOrg), PayerOrg: org(c.t.peers.PayerOrg) },
  };
}

async function startOrderer(c: Ctx): Promise<Proc> {
  const { t } = c;
  await assertPortFree(t.host, t.orderer.port, 'fabric orderer (set FABRIC_ORDERER_PORT or CARECHAIN_PORT_OFFSET to move it)');
  const orderer = startProcess('orderer', c.bins.bin('orderer'), [], { env: ordererEnv(c), logFile: join(c.dir, 'logs', 'orderer.log') });
  try {
    await waitFor('orderer health', healthy(`http://${t.host}:${t.orderer.operationsPort}/healthz`), { proc: orderer, timeoutMs: 60_000 });
    // The admin (channel participation) listener opens after the operations one: on a busy machine osnadmin was refused.
    await waitFor('orderer admin endpoint', () => portOpen(t.host, t.orderer.adminPort), { proc: orderer, timeoutMs: 60_000 });
  } catch (err) {
    await orderer.stop();
    throw err;
  }
  return orderer;
}

async function startPeer(c: Ctx, p: PeerNode): Promise<Proc> {
  await assertPortFree(
    c.t.host,
    p.port,
    `${p.org} peer (set FABRIC_${p.org === 'ProviderOrg' ? 'PROVIDER' : 'PAYER'}_PEER_PORT or CARECHAIN_PORT_OFFSET to move it)`,
  );
  mkdirSync(join(c.dir, 'peers', p.org), { recursive: true });
  const proc = startProcess(`peer0.${p.domain}`, c.bins.bin('peer'), ['node', 'start'], {
    env: peerEnv(c, p),
    logFile: join(c.dir, 'logs', `peer-${p.org}.log`),
  });
  try {
    await waitFor(`${p.org} peer health`, healthy(`http://${c.t.host}:${p.operationsPort}/healthz`), { proc, timeoutMs: 60_000 });
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return proc;
}

export async function startFabric(opts: { env?: NodeJS.ProcessEnv; log?: (msg: string) => void } = {}): Promise<FabricHandle> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? (() => undefined);
  const started = Date.now();
  const bins = await ensureFabricBinaries(log);
  const dir = join(stateDir(env), 'fabric');
  const t = topology(env);
  const c: Ctx = { env, dir, t, bins, paths: cryptoPaths(join(dir, 'crypto'), t), log };
  await generate(c);
  const procs: Proc[] = [];
  const stopAll = async () => {
    for (const p of procs.splice(0).reverse()) await p.stop({ graceMs: 10_000 });
  };
  try {
    let orderer = await startOrderer(c);
    procs.push(orderer);
    const osnTls = c.paths.ordererAdminTls;
    const osn = [
      '-o',
      `${t.host}:${t.orderer.adminPort}`,
      '--ca-file',
      c.paths.ordererTlsCa,
      '--client-cert',
      join(osnTls, 'client.crt'),
      '--client-key',
      join(osnTls, 'client.key'),
    ];
    const listed = await run(bins.bin('osnadmin'), ['channel', 'list', ...osn]);
    if (!listed.stdout.includes(`"${CHANNEL}"`)) {
      await run(bins.bin('osnadmin'), ['channel', 'join', '--channelID', CHANNEL, '--config-block', join(dir, 'genesis.block'), ...osn]);
    }
    const peers = new Map<OrgName, Proc>();
    for (const org of ORGS) peers.set(org, await startPeer(c, t.peers[org]));
    procs.push(...peers.values());
    const network = networkOf(c);
    for (const org of ORGS) {
      const cli = peerCliEnv(network, org, env);
      const joined = await run(bins.bin('peer'), ['channel', 'list'], { env: cli });
      if (!joined.stdout.split('\n').includes(CHANNEL)) await run(bins.bin('peer'), ['channel', 'join', '-b', join(dir, 'genesis.block')], { env: cli });
    }
    const deployment = await deployChaincode({ bins, dir, network, topology: t, env, log });
    for (const org of ORGS)
      procs.push(await startChaincodeServer({ org, packageId: deployment.packageIds[org], port: t.peers[org].chaincodeServerPort, host: t.host, dir, env }));
    await deployment.commit();
    await waitFor('the chaincode to answer through both peers', () => deployment.answers(), { timeoutMs: 60_000, intervalMs: 500 });

    const networkFile = join(dir, 'network.json');
    writeFileSync(networkFile, JSON.stringify(network, null, 2));
    // Each peer answering is not enough: a gateway endorses through the peers its
    // peer has learnt of by gossip, and until the two organisations' peers know each
    // other (up to ~20 s after a fresh start) every submission fails with "no
    // combination of peers can be derived which satisfy the endorsement policy".
    const ledger = builtLedgerLib();
    await waitFor('both organisations to endorse through either gateway', () => endorsesThroughGateways(ledger, networkFile), {
      timeoutMs: 120_000,
      intervalMs: 500,
    });
    log(
      `fabric: channel ${CHANNEL} ready (orderer ${network.orderer.endpoint}, peers ${ORGS.map((o) => network.orgs[o].peer.endpoint).join(', ')}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return {
      network,
      networkFile,
      async stopPeers(orgs = ORGS) {
        for (const org of orgs) await peers.get(org)?.stop();
      },
      async startPeers(orgs = ORGS) {
        for (const org of orgs) {
          const proc = await startPeer(c, t.peers[org]);
          const index = procs.indexOf(peers.get(org)!);
          procs.splice(index, 1, proc);
          peers.set(org, proc);
        }
      },
      async crash(part) {
        const victim = part === 'orderer' ? orderer : peers.get(part)!;
        await victim.stop({ signal: 'SIGKILL' });
        const restarted = part === 'orderer' ? await startOrderer(c) : await startPeer(c, t.peers[part]);
        procs.splice(procs.indexOf(victim), 1, restarted);
        if (part === 'orderer') orderer = restarted;
        else peers.set(part, restarted);
      },
      async fetchBlocks() {
        const cli = peerCliEnv(network, 'ProviderOrg', env);
        const info = await run(bins.bin('peer'), ['channel', 'getinfo', '-c', CHANNEL], { env: cli });
        const height = Number(/"height":(\d+)/.exec(info.stdout + info.stderr)?.[1] ?? '0');
        const out = mkdtempSync(join(tmpdir(), 'carechain-blocks-'));
        try {
          const blocks: Buffer[] = [];
          for (let n = 0; n < height; n++) {
            const file = join(out, `${n}.block`);
            await run(
              bins.bin('peer'),
              ['channel', 'fetch', String(n), file, '-c', CHANNEL, '-o', network.orderer.endpoint, '--tls', '--cafile', network.orderer.tlsCaCert],
              { env: cli },
            );
            blocks.push(readFileSync(file));
          }
          return blocks;
        } finally {
          rmSync(out, { recursive: true, force: true });
        }
      },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

export async function purgeFabric(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  rmSync(join(stateDir(env), 'fabric'), { recursive: true, force: true });
}

if (import.meta.main) {
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const command = process.argv[2];
  if (command === 'build') await ensureFabricBinaries(log);
  else if (command === 'purge') await purgeFabric();
  else if (command === 'up') {
    const handle = await startFabric({ log });
    log(`network: ${handle.networkFile}; Ctrl-C stops`);
    // A second signal while stopping (Ctrl-C twice, or a wrapper forwarding its own) must not cut the stop short.
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      void handle.stop().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } else {
    log('usage: fabric.ts up|build|purge');
    process.exit(2);
  }
}

/**
 * True once a proposal endorsed through each organisation's gateway is endorsed on the
 * peers the endorsement policy needs. The gateway runs a proposal on its own peer
 * first and plans the other organisations' endorsements from what gossip told it;
 * until the peers have met that plan fails with FAILED_PRECONDITION. The call (a time
 * query over a year nothing was anchored in) succeeds on any peer and is endorsed
 * only, never submitted, so the ledger is untouched.
 */
async function endorsesThroughGateways(ledger: LedgerLib, networkFile: string): Promise<boolean> {
  const { FabricGateway, fabricConnectionFromNetworkFile } = ledger;
  for (const org of ORGS) {
    const connection = fabricConnectionFromNetworkFile(networkFile, org);
    if (!connection) throw new Error(`fabric: ${networkFile} has no organisation ${org}`);
    const gateway = new FabricGateway(connection);
    try {
      const proposal = gateway
        .contract('anchor')
        .newProposal('QueryBatchesByTime', { arguments: ['2000-01-01T00:00:00.000Z', '2000-01-02T00:00:00.000Z', '1'] });
      await proposal.endorse();
    } catch {
      return false;
    } finally {
      gateway.close();
    }
  }
  return true;
}
