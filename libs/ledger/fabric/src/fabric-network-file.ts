// The devnet's network description (written by tools/devnet/fabric.ts): where each
// organisation's peer is and which client identity to use. One reader for it, used by
// ledger-writer's config, the verify CLI, the benchmarks and the end-to-end specs.
import { readFileSync } from 'node:fs';
import type { FabricConnection } from './fabric-gateway';

interface NetworkFile {
  readonly channel: string;
  readonly chaincode: string;
  readonly orgs: Readonly<
    Record<string, { mspId: string; peer: { endpoint: string; tlsCaCert: string; hostOverride: string }; user: { certPath: string; keyPath: string } }>
  >;
}

/** The connection of `org` (e.g. ProviderOrg) in a network file; undefined when the file names no such organisation. */
export function fabricConnectionFromNetworkFile(file: string, org: string): FabricConnection | undefined {
  const network = JSON.parse(readFileSync(file, 'utf8')) as NetworkFile;
  const o = network.orgs[org];
  if (!o) return undefined;
  return {
    peerEndpoint: o.peer.endpoint,
    tlsCaCertPath: o.peer.tlsCaCert,
    hostOverride: o.peer.hostOverride,
    mspId: o.mspId,
    certPath: o.user.certPath,
    keyPath: o.user.keyPath,
    channel: network.channel,
    chaincode: network.chaincode,
  };
}

/** The organisations a network file names, in its order. */
export function organisationsOfNetworkFile(file: string): string[] {
  return Object.keys((JSON.parse(readFileSync(file, 'utf8')) as NetworkFile).orgs);
}
