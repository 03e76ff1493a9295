// Who is who on the devnet's Fabric network and where they listen. Every port
// comes from ports.ts, so CARECHAIN_PORT_OFFSET moves the whole network.
import { join } from 'node:path';
import { host, port } from './lib/ports.ts';

export const CHANNEL = 'carechain';
export const CHAINCODE = 'carechain';
export type OrgName = 'ProviderOrg' | 'PayerOrg';
export const ORGS: readonly OrgName[] = ['ProviderOrg', 'PayerOrg'];
/**
 * The chaincode's endorsement policy, explicit rather than the channel's "MAJORITY
 * Endorsement" default (which, with two organisations, also means both): every claim
 * transition, anchor and grant needs a peer of each, so neither organisation can
 * change a claim alone, whichever of them submits it.
 */
export const ENDORSEMENT_POLICY = "AND('ProviderOrgMSP.peer','PayerOrgMSP.peer')";

export interface PeerNode {
  readonly org: OrgName;
  readonly mspId: string;
  readonly domain: string;
  readonly port: number;
  readonly chaincodePort: number;
  readonly operationsPort: number;
  /** The org's own chaincode-as-a-service process. */
  readonly chaincodeServerPort: number;
}

export interface Topology {
  readonly host: string;
  readonly orderer: { readonly port: number; readonly adminPort: number; readonly operationsPort: number; readonly domain: string };
  readonly peers: Readonly<Record<OrgName, PeerNode>>;
}

export function topology(env: NodeJS.ProcessEnv): Topology {
  return {
    host: host(env),
    orderer: {
      port: port('FABRIC_ORDERER_PORT', 7050, env),
      adminPort: port('FABRIC_ORDERER_ADMIN_PORT', 7053, env),
      operationsPort: port('FABRIC_ORDERER_OPERATIONS_PORT', 9443, env),
      domain: 'orderer.carechain.local',
    },
    peers: {
      ProviderOrg: {
        org: 'ProviderOrg',
        mspId: 'ProviderOrgMSP',
        domain: 'provider.carechain.local',
        port: port('FABRIC_PROVIDER_PEER_PORT', 7051, env),
        chaincodePort: port('FABRIC_PROVIDER_PEER_CHAINCODE_PORT', 7052, env),
        operationsPort: port('FABRIC_PROVIDER_PEER_OPERATIONS_PORT', 9444, env),
        chaincodeServerPort: port('FABRIC_PROVIDER_CHAINCODE_SERVER_PORT', 9999, env),
      },
      PayerOrg: {
        org: 'PayerOrg',
        mspId: 'PayerOrgMSP',
        domain: 'payer.carechain.local',
        port: port('FABRIC_PAYER_PEER_PORT', 9051, env),
        chaincodePort: port('FABRIC_PAYER_PEER_CHAINCODE_PORT', 9052, env),
        operationsPort: port('FABRIC_PAYER_PEER_OPERATIONS_PORT', 9445, env),
        chaincodeServerPort: port('FABRIC_PAYER_CHAINCODE_SERVER_PORT', 9998, env),
      },
    },
  };
}

/** Paths into cryptogen's output. */
export function cryptoPaths(crypto: string, t: Topology) {
  const ordererNode = join(crypto, 'ordererOrganizations', t.orderer.domain, 'orderers', `orderer0.${t.orderer.domain}`);
  const ordererAdmin = join(crypto, 'ordererOrganizations', t.orderer.domain, 'users', `Admin@${t.orderer.domain}`);
  const peer = (p: PeerNode) => join(crypto, 'peerOrganizations', p.domain, 'peers', `peer0.${p.domain}`);
  const user = (p: PeerNode, name: string) => join(crypto, 'peerOrganizations', p.domain, 'users', `${name}@${p.domain}`);
  return {
    ordererNode,
    ordererTlsCa: join(ordererNode, 'tls', 'ca.crt'),
    ordererAdminTls: join(ordererAdmin, 'tls'),
    peer,
    peerTlsCa: (p: PeerNode) => join(peer(p), 'tls', 'ca.crt'),
    adminMsp: (p: PeerNode) => join(user(p, 'Admin'), 'msp'),
    userMsp: (p: PeerNode) => join(user(p, 'User1'), 'msp'),
  };
}
