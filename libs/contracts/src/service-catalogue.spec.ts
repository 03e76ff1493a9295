import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_PLANE_ACCESS } from './data-plane-access';
import { localEnvironment, SERVICE_CATALOGUE, SERVICE_INSTANCES, SERVICE_NAMES, serviceInstance, variablesOf, type LocalStackFacts } from './service-catalogue';

const facts: LocalStackFacts = {
  host: '127.0.0.1',
  kafkaBrokers: ['127.0.0.1:29092', '127.0.0.1:29094'],
  redisUrl: 'redis://127.0.0.1:26379',
  logins: Object.fromEntries(
    SERVICE_NAMES.map((s) => [
      s,
      { kafka: { username: s, passwordFile: `/c/kafka/${s}.password` }, redis: { username: s, passwordFile: `/c/redis/${s}.password` } },
    ]),
  ),
  auth: { jwksFile: '/keys/jwks.json', issuer: 'https://issuer', audience: 'carechain' },
  keyringFile: '/keys/keyring.json',
  fabricNetworkFile: '/fabric/network.json',
  ledgerCommitmentKey: 'ab'.repeat(32),
  keysMaxCompactionLagMs: 3000,
  logLevel: 'info',
  docsUi: false,
};

describe('the service catalogue', () => {
  it('lists exactly the services the data plane gives a principal', () => {
    expect([...SERVICE_NAMES].sort()).toEqual(Object.keys(DATA_PLANE_ACCESS).sort());
  });

  it('gives every instance its own name, port and port variable', () => {
    for (const key of ['name', 'defaultPort', 'portVariable'] as const) {
      const values = SERVICE_INSTANCES.map((i) => i[key]);
      expect(new Set(values).size).toBe(values.length);
    }
  });

  it('runs ledger-writer once per Fabric organisation, the only service with one', () => {
    expect(SERVICE_INSTANCES.filter((i) => i.fabricOrg).map((i) => [i.name, i.service, i.fabricOrg])).toEqual([
      ['ledger-writer', 'ledger-writer', 'ProviderOrg'],
      ['ledger-writer-payer', 'ledger-writer', 'PayerOrg'],
    ]);
  });

  it('finds an instance by name and refuses an unknown one, naming the known', () => {
    expect(serviceInstance('audit')).toMatchObject({ service: 'audit', defaultPort: 3006, portVariable: 'AUDIT_PORT' });
    expect(() => serviceInstance('billing')).toThrow(/no service instance "billing".*identity, consent/);
  });

  it("is the README's port table, row for row", () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| ([a-z-]+) \| (\d+) \| `([A-Z_]+_PORT)` \|$/gm)].map(([, name, port, variable]) => [name, Number(port), variable]);
    expect(rows).toEqual(SERVICE_INSTANCES.map((i) => [i.name, i.defaultPort, i.portVariable]));
  });
});

describe('localEnvironment', () => {
  it('gives a service its own logins and only what it needs', () => {
    const env = localEnvironment(serviceInstance('consent'), 23002, facts);
    expect(env).toEqual({
      HOST: '127.0.0.1',
      PORT: '23002',
      LOG_LEVEL: 'info',
      DOCS_UI: 'false',
      KAFKA_BROKERS: '127.0.0.1:29092,127.0.0.1:29094',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'consent',
      KAFKA_SASL_PASSWORD_FILE: '/c/kafka/consent.password',
      REDIS_URL: 'redis://127.0.0.1:26379',
      REDIS_USERNAME: 'consent',
      REDIS_PASSWORD_FILE: '/c/redis/consent.password',
      AUTH_MODE: 'dev',
      AUTH_DEV_JWKS_FILE: '/keys/jwks.json',
      AUTH_ISSUER: 'https://issuer',
      AUTH_AUDIENCE: 'carechain',
    });
  });

  it('sets every variable it gives from the catalogue’s list for that service', () => {
    for (const instance of SERVICE_INSTANCES) {
      const given = Object.keys(localEnvironment(instance, 1, { ...facts, claimsBenefitPlansFile: '/plans.json', claimsAwaitChainVerdict: true }));
      const known = [...variablesOf(instance.service), 'HOST', 'PORT', 'LOG_LEVEL', 'DOCS_UI'];
      expect(given.filter((v) => !known.includes(v))).toEqual([]);
    }
  });

  it("gives ledger-writer its organisation's peer and the commitment key, and the keyring to those that need keys", () => {
    expect(localEnvironment(serviceInstance('ledger-writer'), 1, facts)).toMatchObject({
      FABRIC_NETWORK_FILE: '/fabric/network.json',
      FABRIC_ORG: 'ProviderOrg',
      LEDGER_COMMITMENT_KEY: 'ab'.repeat(32),
      KMS_KEYRING_FILE: '/keys/keyring.json',
    });
    const withKeys = SERVICE_INSTANCES.filter((i) => 'KMS_KEYRING_FILE' in localEnvironment(i, 1, facts)).map((i) => i.name);
    expect(withKeys).toEqual(['identity', 'records', 'claims', 'ledger-writer', 'ledger-writer-payer', 'audit']);
  });

  it('gives audit the peers and the salts its completeness monitor recomputes sampled leaves with', () => {
    expect(localEnvironment(serviceInstance('audit'), 1, facts)).toMatchObject({
      AUDIT_MONITOR_NETWORK_FILE: '/fabric/network.json',
      LEDGER_COMMITMENT_KEY: 'ab'.repeat(32),
      KMS_KEYRING_FILE: '/keys/keyring.json',
    });
  });

  it('sets identity’s compaction lag and claims’ plans only where they are read, and plans only when the stack has some', () => {
    expect(localEnvironment(serviceInstance('identity'), 1, facts).KEYS_MAX_COMPACTION_LAG_MS).toBe('3000');
    expect(localEnvironment(serviceInstance('records'), 1, facts).KEYS_MAX_COMPACTION_LAG_MS).toBeUndefined();
    expect(localEnvironment(serviceInstance('claims'), 1, facts).CLAIMS_BENEFIT_PLANS_FILE).toBeUndefined();
    expect(localEnvironment(serviceInstance('claims'), 1, { ...facts, claimsBenefitPlansFile: '/plans.json' }).CLAIMS_BENEFIT_PLANS_FILE).toBe('/plans.json');
  });

  it('refuses a stack that lacks what the service needs, naming it', () => {
    expect(() => localEnvironment(serviceInstance('ledger-writer'), 1, { ...facts, fabricNetworkFile: undefined })).toThrow(
      'ledger-writer needs a Fabric network',
    );
    expect(() => localEnvironment(serviceInstance('records'), 1, { ...facts, keyringFile: undefined })).toThrow('records needs a KMS keyring');
    expect(() => localEnvironment(serviceInstance('audit'), 1, { ...facts, logins: {} })).toThrow('audit needs Kafka and Redis logins');
  });

  it('gives audit its service identity and the services its exports ask, where the stack has them', () => {
    expect(localEnvironment(serviceInstance('audit'), 1, facts)).not.toHaveProperty('SERVICE_CREDENTIALS_MODE');
    const stack = {
      ...facts,
      auth: { ...facts.auth, privateJwkFile: '/keys/private.jwk.json' },
      serviceUrls: { identity: 'http://i', consent: 'http://c', records: 'http://r', claims: 'http://cl' },
    };
    expect(localEnvironment(serviceInstance('audit'), 1, stack)).toMatchObject({
      SERVICE_CREDENTIALS_MODE: 'dev',
      SERVICE_DEV_SIGNING_KEY_FILE: '/keys/private.jwk.json',
      AUDIT_EXPORT_IDENTITY_URL: 'http://i',
      AUDIT_EXPORT_CONSENT_URL: 'http://c',
      AUDIT_EXPORT_RECORDS_URL: 'http://r',
      AUDIT_EXPORT_CLAIMS_URL: 'http://cl',
    });
    expect(localEnvironment(serviceInstance('records'), 1, stack)).not.toHaveProperty('SERVICE_DEV_SIGNING_KEY_FILE');
  });

  it('lets a stack without Fabric run the services that do not need it', () => {
    expect(localEnvironment(SERVICE_CATALOGUE.audit.instances[0]!, 1, { ...facts, fabricNetworkFile: undefined }).FABRIC_NETWORK_FILE).toBeUndefined();
  });
});
