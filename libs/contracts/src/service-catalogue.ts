// The one list of carechain's services: each one's name, default port and the
// variable that moves it, what it needs (and so which variables it reads), and its
// instances. The devnet (tools/devnet/services.ts), the end-to-end suite
// (apps/e2e/src/support/service-process.ts), each app's default port, the bench and
// verify tools, the README's port table and the Helm chart (files/services.json,
// `npm run chart:services`) all read it. No import: tools load this file as it is.

export const SERVICE_NAMES = ['identity', 'consent', 'records', 'claims', 'ledger-writer', 'audit'] as const;

/** A service: one program, apps/<name>. */
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** What a service talks to, each with the variables that say where and as whom. */
export type ServiceNeed = 'kafka' | 'redis' | 'auth' | 'kms' | 'fabric';

export const NEED_VARIABLES: Readonly<Record<ServiceNeed, readonly string[]>> = {
  kafka: ['KAFKA_BROKERS', 'KAFKA_SASL_MECHANISM', 'KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD_FILE'],
  redis: ['REDIS_URL', 'REDIS_USERNAME', 'REDIS_PASSWORD_FILE'],
  auth: ['AUTH_MODE', 'AUTH_DEV_JWKS_FILE', 'AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE'],
  kms: ['KMS_PROVIDER', 'KMS_KEYRING_FILE'],
  // The devnet names the peer by its network file and organisation; a deployment names it variable by variable.
  fabric: ['FABRIC_NETWORK_FILE', 'FABRIC_ORG', 'FABRIC_MSP_ID', 'FABRIC_PEER_ENDPOINT', 'FABRIC_CERT', 'FABRIC_KEY', 'LEDGER_COMMITMENT_KEY'],
};

export type FabricOrganisation = 'ProviderOrg' | 'PayerOrg';

/** One running copy of a service. ledger-writer runs once per Fabric organisation, each its own instance. */
export interface ServiceInstance {
  /** Unique among instances: its log file, its devnet row, its Helm workload suffix. */
  readonly name: string;
  readonly service: ServiceName;
  readonly portVariable: string;
  readonly defaultPort: number;
  /** The organisation whose Fabric identity it submits with (ledger-writer only). */
  readonly fabricOrg?: FabricOrganisation;
}

export interface ServiceEntry {
  readonly name: ServiceName;
  readonly description: string;
  readonly portVariable: string;
  readonly defaultPort: number;
  readonly needs: readonly ServiceNeed[];
  /** Variables of its own (beyond every service's and its needs') that a local stack sets. */
  readonly ownVariables: readonly OwnVariable[];
  /** At least one; the first has the service's name, port and port variable. */
  readonly instances: readonly ServiceInstance[];
}

const COMMON: readonly ServiceNeed[] = ['kafka', 'redis', 'auth'];

/** An instance as the catalogue lists it: what differs from the service's first (its name, port and variable). */
type InstanceEntry = Partial<Omit<ServiceInstance, 'service'>>;

function entry(
  name: ServiceName,
  defaultPort: number,
  description: string,
  own: { needs?: readonly ServiceNeed[]; ownVariables?: readonly OwnVariable[]; instances?: readonly InstanceEntry[] } = {},
): ServiceEntry {
  const portVariable = `${name.replace(/-/g, '_').toUpperCase()}_PORT`;
  return {
    name,
    description,
    portVariable,
    defaultPort,
    needs: [...COMMON, ...(own.needs ?? [])],
    ownVariables: own.ownVariables ?? [],
    instances: (own.instances ?? [{}]).map((i) => ({ name, portVariable, defaultPort, ...i, service: name })),
  };
}

/** Keyed by service name, in the order the devnet starts them. */
export const SERVICE_CATALOGUE: Readonly<Record<ServiceName, ServiceEntry>> = {
  identity: entry('identity', 3001, 'patients, the master patient index, their keys and DIDs', {
    needs: ['kms'],
    // Must equal identity.keys.v1's max.compaction.lag.ms (KEYS_TOPIC_CONFIGS).
    ownVariables: ['KEYS_MAX_COMPACTION_LAG_MS'],
  }),
  consent: entry('consent', 3002, 'grants, revocations, expiry and the access decision'),
  records: entry('records', 3003, 'encrypted clinical records, every read checked against consent', { needs: ['kms'] }),
  claims: entry('claims', 3004, 'coverages, the claim lifecycle and adjudication by benefit plans', {
    needs: ['kms'],
    ownVariables: ['CLAIMS_BENEFIT_PLANS_FILE', 'CLAIMS_AWAIT_CHAIN_VERDICT'],
  }),
  // One instance per Fabric organisation, each submitting its own organisation's claim transitions with its own
  // identity; the ProviderOrg's also anchors every domain event and registers consent.
  'ledger-writer': entry('ledger-writer', 3005, 'the only Fabric client: anchors every domain event, consent and claim transitions on the chain', {
    needs: ['kms', 'fabric'],
    instances: [
      { fabricOrg: 'ProviderOrg' },
      { name: 'ledger-writer-payer', fabricOrg: 'PayerOrg', portVariable: 'LEDGER_WRITER_PAYER_PORT', defaultPort: 3007 },
    ],
  }),
  // The completeness monitor reads every organisation's peer (AUDIT_MONITOR_NETWORK_FILE); without it audit runs without the monitor.
  // With it, audit recomputes sampled events' leaves under the salts they were committed with: the patients' (the KMS) and the service key.
  // The patient's export asks identity, consent, records and claims over HTTP, as audit's service identity (SERVICE_CREDENTIALS_*).
  audit: entry('audit', 3006, 'the audit trail, accounting of disclosures, verification against the ledger, the completeness monitor, patient exports', {
    needs: ['kms'],
    ownVariables: [
      'AUDIT_MONITOR_NETWORK_FILE',
      'LEDGER_COMMITMENT_KEY',
      'AUDIT_EXPORT_IDENTITY_URL',
      'AUDIT_EXPORT_CONSENT_URL',
      'AUDIT_EXPORT_RECORDS_URL',
      'AUDIT_EXPORT_CLAIMS_URL',
      'SERVICE_CREDENTIALS_MODE',
      'SERVICE_DEV_SIGNING_KEY_FILE',
    ],
  }),
};

export const SERVICES: readonly ServiceEntry[] = SERVICE_NAMES.map((n) => SERVICE_CATALOGUE[n]);

/** Every instance of every service, in start order. */
export const SERVICE_INSTANCES: readonly ServiceInstance[] = SERVICES.flatMap((s) => s.instances);

export function serviceInstance(name: string): ServiceInstance {
  const found = SERVICE_INSTANCES.find((i) => i.name === name);
  if (!found) throw new Error(`no service instance "${name}" in the catalogue (${SERVICE_INSTANCES.map((i) => i.name).join(', ')})`);
  return found;
}

/** Every variable a service reads from its environment, besides HOST, PORT, LOG_LEVEL and DOCS_UI. */
export function variablesOf(service: ServiceName): string[] {
  const s = SERVICE_CATALOGUE[service];
  return [...s.needs.flatMap((n) => NEED_VARIABLES[n]), ...s.ownVariables];
}

/** A principal's login to Kafka (SCRAM) or Redis (ACL user): its name and the file holding its password. */
export interface Login {
  readonly username: string;
  readonly passwordFile: string;
}

/** What a local stack (the devnet, the test suite's private one) offers the services. */
export interface LocalStackFacts {
  readonly host: string;
  readonly kafkaBrokers: readonly string[];
  readonly redisUrl: string;
  /** Per principal (the service's name): its Kafka and Redis logins. */
  readonly logins: Readonly<Record<string, { readonly kafka: Login; readonly redis: Login }>>;
  readonly auth: {
    readonly jwksFile: string;
    readonly issuer: string;
    readonly audience: string;
    /** The dev issuer's private key: a service identity signs its own tokens with it on a local stack (SERVICE_CREDENTIALS_MODE=dev). */
    readonly privateJwkFile?: string;
  };
  /** Where each service answers on this stack, for a service that asks another over HTTP (audit's exports). */
  readonly serviceUrls?: Readonly<Partial<Record<ServiceName, string>>>;
  readonly keyringFile?: string;
  readonly fabricNetworkFile?: string;
  readonly ledgerCommitmentKey?: string;
  /** identity.keys.v1's max.compaction.lag.ms on this stack's broker. */
  readonly keysMaxCompactionLagMs: number;
  /** The payers' example plans claims decides by; none: every claim is pended for a person. */
  readonly claimsBenefitPlansFile?: string;
  /** Whether claims waits for the ClaimContract's verdict (the stack runs every organisation's ledger-writer). */
  readonly claimsAwaitChainVerdict?: boolean;
  readonly logLevel: string;
  readonly docsUi: boolean;
}

/** The variables of a service's own that a local stack sets, each from its facts (undefined: left unset). */
const OWN_VARIABLES = {
  KEYS_MAX_COMPACTION_LAG_MS: (f: LocalStackFacts) => String(f.keysMaxCompactionLagMs),
  CLAIMS_BENEFIT_PLANS_FILE: (f: LocalStackFacts) => f.claimsBenefitPlansFile,
  CLAIMS_AWAIT_CHAIN_VERDICT: (f: LocalStackFacts) => (f.claimsAwaitChainVerdict === undefined ? undefined : String(f.claimsAwaitChainVerdict)),
  AUDIT_MONITOR_NETWORK_FILE: (f: LocalStackFacts) => f.fabricNetworkFile,
  LEDGER_COMMITMENT_KEY: (f: LocalStackFacts) => f.ledgerCommitmentKey,
  AUDIT_EXPORT_IDENTITY_URL: (f: LocalStackFacts) => f.serviceUrls?.identity,
  AUDIT_EXPORT_CONSENT_URL: (f: LocalStackFacts) => f.serviceUrls?.consent,
  AUDIT_EXPORT_RECORDS_URL: (f: LocalStackFacts) => f.serviceUrls?.records,
  AUDIT_EXPORT_CLAIMS_URL: (f: LocalStackFacts) => f.serviceUrls?.claims,
  SERVICE_CREDENTIALS_MODE: (f: LocalStackFacts) => (f.auth.privateJwkFile === undefined ? undefined : 'dev'),
  SERVICE_DEV_SIGNING_KEY_FILE: (f: LocalStackFacts) => f.auth.privateJwkFile,
} as const satisfies Record<string, (f: LocalStackFacts) => string | undefined>;

export type OwnVariable = keyof typeof OWN_VARIABLES;

function required<T>(value: T | undefined, instance: ServiceInstance, what: string): T {
  if (value === undefined) throw new Error(`${instance.name} needs ${what}, which this stack does not offer`);
  return value;
}

/** The carechain variables of one instance on a local stack, listening on `port`. */
export function localEnvironment(instance: ServiceInstance, port: number, facts: LocalStackFacts): Record<string, string> {
  const service = SERVICE_CATALOGUE[instance.service];
  const login = required(facts.logins[instance.service], instance, 'Kafka and Redis logins');
  const env: Record<string, string> = {
    HOST: facts.host,
    PORT: String(port),
    LOG_LEVEL: facts.logLevel,
    DOCS_UI: String(facts.docsUi),
  };
  for (const need of service.needs) {
    switch (need) {
      case 'kafka':
        Object.assign(env, {
          KAFKA_BROKERS: facts.kafkaBrokers.join(','),
          KAFKA_SASL_MECHANISM: 'scram-sha-512',
          KAFKA_SASL_USERNAME: login.kafka.username,
          KAFKA_SASL_PASSWORD_FILE: login.kafka.passwordFile,
        });
        break;
      case 'redis':
        Object.assign(env, { REDIS_URL: facts.redisUrl, REDIS_USERNAME: login.redis.username, REDIS_PASSWORD_FILE: login.redis.passwordFile });
        break;
      case 'auth':
        Object.assign(env, { AUTH_MODE: 'dev', AUTH_DEV_JWKS_FILE: facts.auth.jwksFile, AUTH_ISSUER: facts.auth.issuer, AUTH_AUDIENCE: facts.auth.audience });
        break;
      case 'kms':
        Object.assign(env, { KMS_PROVIDER: 'local', KMS_KEYRING_FILE: required(facts.keyringFile, instance, 'a KMS keyring') });
        break;
      case 'fabric':
        Object.assign(env, {
          FABRIC_NETWORK_FILE: required(facts.fabricNetworkFile, instance, 'a Fabric network'),
          FABRIC_ORG: required(instance.fabricOrg, instance, 'a Fabric organisation'),
          LEDGER_COMMITMENT_KEY: required(facts.ledgerCommitmentKey, instance, 'a ledger commitment key'),
        });
        break;
      default: {
        const unknown: never = need;
        throw new Error(`unknown need ${String(unknown)}`);
      }
    }
  }
  for (const variable of service.ownVariables) {
    const value = OWN_VARIABLES[variable](facts);
    if (value !== undefined) env[variable] = value;
  }
  return env;
}
