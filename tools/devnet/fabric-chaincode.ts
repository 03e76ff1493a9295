// The chaincode, deployed the Fabric 2.x lifecycle way: each org installs a
// chaincode-as-a-service package pointing at its own chaincode server, approves
// the definition with its package id, and the definition is committed once both
// have, with the endorsement policy of both organisations (ENDORSEMENT_POLICY). The
// label carries a hash of the built chaincode, of the built libs it loads at run time
// and of the policy, so a changed chaincode or policy gets a new sequence and an
// unchanged one is left alone on restart.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { portOpen, run, startProcess, waitFor, type Proc } from './lib/proc.ts';
import { repoRoot } from './lib/paths.ts';
import type { FabricBins } from './fabric-binaries.ts';
import { CHAINCODE, CHANNEL, ENDORSEMENT_POLICY, ORGS, type OrgName, type Topology } from './fabric-topology.ts';
import { peerCliEnv, type FabricNetwork } from './fabric.ts';

const chaincodeDir = join(repoRoot, 'chaincode');
/** Workspace libs the chaincode process requires (their dist, through node_modules/@carechain). */
const chaincodeLibDirs = [join(repoRoot, 'libs', 'ledger', 'chaincode-api'), join(repoRoot, 'libs', 'ledger', 'merkle')];

/** The chaincode's names and refusal codes, from the same built lib the chaincode loads. */
const chaincodeApi = () => createRequire(join(repoRoot, 'package.json'))('@carechain/ledger-chaincode-api') as typeof import('@carechain/ledger-chaincode-api');

function chaincodeLabel(): string {
  const hash = createHash('sha256')
    .update(ENDORSEMENT_POLICY)
    .update(readFileSync(join(chaincodeDir, 'package.json')));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (!entry.endsWith('.map')) hash.update(entry).update(readFileSync(path));
    }
  };
  for (const dir of [chaincodeDir, ...chaincodeLibDirs]) walk(join(dir, 'dist'));
  return `${CHAINCODE}_${hash.digest('hex').slice(0, 12)}`;
}

async function packageFor(dir: string, org: OrgName, label: string, address: string): Promise<string> {
  const work = join(dir, 'cc', org, label);
  mkdirSync(join(work, 'src'), { recursive: true });
  writeFileSync(join(work, 'src', 'connection.json'), JSON.stringify({ address, dial_timeout: '10s', tls_required: false }));
  writeFileSync(join(work, 'metadata.json'), JSON.stringify({ type: 'ccaas', label }));
  await run('tar', ['-C', join(work, 'src'), '-czf', join(work, 'code.tar.gz'), 'connection.json']);
  await run('tar', ['-C', work, '-czf', join(work, 'package.tgz'), 'metadata.json', 'code.tar.gz']);
  return join(work, 'package.tgz');
}

export interface Deployment {
  readonly label: string;
  readonly packageIds: Record<OrgName, string>;
  /** Commits the definition if this run approved a new one. */
  commit(): Promise<void>;
  /** True once a query reaches the chaincode through both peers. */
  answers(): Promise<boolean>;
}

export async function deployChaincode(o: {
  bins: FabricBins;
  dir: string;
  network: FabricNetwork;
  topology: Topology;
  env: NodeJS.ProcessEnv;
  log: (m: string) => void;
}): Promise<Deployment> {
  const peer = o.bins.bin('peer');
  const label = chaincodeLabel();
  const ordererArgs = ['-o', o.network.orderer.endpoint, '--tls', '--cafile', o.network.orderer.tlsCaCert];
  const packageIds = {} as Record<OrgName, string>;
  for (const org of ORGS) {
    const cli = peerCliEnv(o.network, org, o.env);
    const installed = async () =>
      (JSON.parse((await run(peer, ['lifecycle', 'chaincode', 'queryinstalled', '--output', 'json'], { env: cli })).stdout || '{}').installed_chaincodes ??
        []) as { package_id: string; label: string }[];
    let found = (await installed()).find((c) => c.label === label);
    if (!found) {
      const address = `${o.topology.host}:${o.topology.peers[org].chaincodeServerPort}`;
      await run(peer, ['lifecycle', 'chaincode', 'install', await packageFor(o.dir, org, label, address)], { env: cli });
      found = (await installed()).find((c) => c.label === label);
    }
    if (!found) throw new Error(`${org}: chaincode ${label} is not installed after install`);
    packageIds[org] = found.package_id;
  }

  const provider = peerCliEnv(o.network, 'ProviderOrg', o.env);
  const committed = await run(peer, ['lifecycle', 'chaincode', 'querycommitted', '-C', CHANNEL, '-n', CHAINCODE, '--output', 'json'], {
    env: provider,
    allowFailure: true,
  });
  const current = committed.code === 0 ? (JSON.parse(committed.stdout) as { sequence: number; version: string }) : undefined;
  const upToDate = current?.version === label;
  const sequence = String((current?.sequence ?? 0) + (upToDate ? 0 : 1));
  // Approval and commit name the same definition (channel, name, version, sequence, policy) through the same orderer.
  const lifecycle = (action: 'approveformyorg' | 'commit', ...extra: string[]) => [
    'lifecycle',
    'chaincode',
    action,
    ...ordererArgs,
    ...['-C', CHANNEL, '-n', CHAINCODE, '--version', label, '--sequence', sequence, '--signature-policy', ENDORSEMENT_POLICY, '--waitForEvent'],
    ...extra,
  ];
  if (!upToDate) {
    o.log(`fabric: deploying chaincode ${label} (sequence ${sequence})`);
    for (const org of ORGS) {
      const cli = peerCliEnv(o.network, org, o.env);
      const approved = await run(
        peer,
        ['lifecycle', 'chaincode', 'queryapproved', '-C', CHANNEL, '-n', CHAINCODE, '--sequence', sequence, '--output', 'json'],
        { env: cli, allowFailure: true },
      );
      if (approved.code === 0 && approved.stdout.includes(packageIds[org])) continue;
      await lifecycleTransaction(peer, lifecycle('approveformyorg', '--package-id', packageIds[org]), cli);
    }
  }
  const peerArgs = ORGS.flatMap((org) => ['--peerAddresses', o.network.orgs[org].peer.endpoint, '--tlsRootCertFiles', o.network.orgs[org].peer.tlsCaCert]);
  return {
    label,
    packageIds,
    async commit() {
      if (upToDate) return;
      await lifecycleTransaction(peer, lifecycle('commit', ...peerArgs), provider);
    },
    async answers() {
      const { ANCHOR_CONTRACT_NAME, AnchorErrorCode, AnchorFunction } = chaincodeApi();
      for (const org of ORGS) {
        // An unknown batch id is the cheapest call that still runs the contract.
        const q = await run(
          peer,
          [
            'chaincode',
            'query',
            '-C',
            CHANNEL,
            '-n',
            CHAINCODE,
            '-c',
            JSON.stringify({ Args: [`${ANCHOR_CONTRACT_NAME}:${AnchorFunction.GetBatch}`, '0'.repeat(64)] }),
          ],
          { env: peerCliEnv(o.network, org, o.env), allowFailure: true },
        );
        if (!`${q.stdout}${q.stderr}`.includes(AnchorErrorCode.BatchNotFound)) return false;
      }
      return true;
    },
  };
}

export async function startChaincodeServer(o: {
  org: OrgName;
  packageId: string;
  host: string;
  port: number;
  dir: string;
  env: NodeJS.ProcessEnv;
}): Promise<Proc> {
  const address = `${o.host}:${o.port}`;
  if (await portOpen(o.host, o.port))
    throw new Error(`chaincode server for ${o.org}: ${address} is in use (set FABRIC_*_CHAINCODE_SERVER_PORT or CARECHAIN_PORT_OFFSET)`);
  const proc = startProcess(
    `chaincode-${o.org}`,
    process.execPath,
    [join(repoRoot, 'node_modules', 'fabric-shim', 'cli.js'), 'server', `--chaincode-address=${address}`, `--chaincode-id=${o.packageId}`],
    {
      cwd: chaincodeDir,
      env: { ...o.env, CORE_CHAINCODE_LOGGING_LEVEL: 'warning' },
      logFile: join(o.dir, 'logs', `chaincode-${o.org}.log`),
    },
  );
  await waitFor(`chaincode server for ${o.org} on ${address}`, () => portOpen(o.host, o.port), { proc, timeoutMs: 30_000 });
  return proc;
}

/**
 * A lifecycle transaction (approve, commit), retried for up to a minute while the
 * ordering service answers SERVICE_UNAVAILABLE: right after an existing network
 * restarts, its Raft cluster may not have elected a leader yet, and a devnet whose
 * chaincode changed upgrades it at that moment.
 */
async function lifecycleTransaction(peer: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const result = await run(peer, args, { env, allowFailure: true });
    if (result.code === 0) return;
    const output = `${result.stderr}\n${result.stdout}`.trim();
    if (!/SERVICE_UNAVAILABLE/.test(output) || Date.now() > deadline) throw new Error(`${peer} ${args.join(' ')} exited ${result.code}\n${output}`);
    await sleep(1_000);
  }
}
