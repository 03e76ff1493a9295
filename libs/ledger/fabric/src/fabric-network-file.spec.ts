import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fabricConnectionFromNetworkFile } from './fabric-network-file';
import { detailsOf } from './fabric-gateway';

function networkFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'network-')), 'network.json');
  const org = (name: string, port: number) => ({
    mspId: `${name}MSP`,
    peer: { endpoint: `127.0.0.1:${port}`, tlsCaCert: `/tls/${name}.pem`, hostOverride: `peer0.${name.toLowerCase()}` },
    user: { certPath: `/users/${name}/cert.pem`, keyPath: `/users/${name}/key.pem` },
  });
  writeFileSync(
    file,
    JSON.stringify({ channel: 'carechain', chaincode: 'carechain', orgs: { ProviderOrg: org('ProviderOrg', 7051), PayerOrg: org('PayerOrg', 9051) } }),
  );
  return file;
}

describe('fabricConnectionFromNetworkFile', () => {
  it("reads one organisation's peer and client identity from the devnet's network file", () => {
    expect(fabricConnectionFromNetworkFile(networkFile(), 'PayerOrg')).toEqual({
      peerEndpoint: '127.0.0.1:9051',
      tlsCaCertPath: '/tls/PayerOrg.pem',
      hostOverride: 'peer0.payerorg',
      mspId: 'PayerOrgMSP',
      certPath: '/users/PayerOrg/cert.pem',
      keyPath: '/users/PayerOrg/key.pem',
      channel: 'carechain',
      chaincode: 'carechain',
    });
  });

  it('answers undefined for an organisation the file does not name', () => {
    expect(fabricConnectionFromNetworkFile(networkFile(), 'ClinicOrg')).toBeUndefined();
  });
});

describe('detailsOf', () => {
  it("joins a gateway error's message with each endorser's, where contracts put their refusal codes", () => {
    const err = Object.assign(new Error('10 ABORTED: failed to endorse transaction'), {
      details: [{ message: 'chaincode response 500, GRANT_EXISTS: grant x is already registered' }, {}],
    });
    expect(detailsOf(err)).toBe('10 ABORTED: failed to endorse transaction | chaincode response 500, GRANT_EXISTS: grant x is already registered | ');
  });
});
