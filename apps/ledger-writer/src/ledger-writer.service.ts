import type { EventPublisher } from '@carechain/messaging';
import { ConsumerGroups, SERVICE_CATALOGUE } from '@carechain/contracts';
import {
  anchoringFaultsOf,
  AnchoringHandler,
  ClaimTransitionsHandler,
  ConsentRegistrationHandler,
  PatientSaltProvider,
  RedisDocumentationIndex,
  RedisIntentStore,
  serviceSaltOf,
} from '@carechain/ledger-anchoring';
import { PROVIDER_MSP_ID } from '@carechain/ledger-chaincode-api';
import { FabricClaimChain, FabricConsentLedger, FabricGatewayAnchor } from '@carechain/ledger-fabric';
import { ConfigError } from '@carechain/config';
import { openKms, PatientKeyTable } from '@carechain/patient-keys';
import { EVENT_PUBLISHER, LOGGER, REDIS, startService, type Redis, type ServiceDefinition } from '@carechain/runtime';
import type { Logger } from '@carechain/telemetry';
import { fabricConnectionOf, ledgerWriterConfig } from './ledger-writer.config';
import { claimTransitionEvents, LEDGER_CONNECTIONS, ledgerWriterEvents } from './ledger-writer.events';

export const ledgerWriterService: ServiceDefinition<typeof ledgerWriterConfig> = {
  name: 'ledger-writer',
  description:
    "The only Fabric client, one instance per organisation: Merkle-batched anchoring of every domain event with a receipt per batch and consent state on the chain (ProviderOrg's), and the claim transitions its organisation made.",
  defaultPort: SERVICE_CATALOGUE['ledger-writer'].defaultPort,
  config: ledgerWriterConfig,
  async parts(settings, logger) {
    const config = { ...settings, fabric: fabricConnectionOf(settings) };
    const { faults, problems } = anchoringFaultsOf(settings, logger);
    if (problems.length > 0) throw new ConfigError(problems);
    // Every organisation's instance puts its own claim transitions on the chain; the providers' also anchors and registers consent.
    const claimChain = new FabricClaimChain(config.fabric);
    const claims = claimTransitionEvents({
      groupId: `${ConsumerGroups.ledgerWriterClaims}.${config.fabric.mspId}`,
      consumer: { maxWaitMs: config.LEDGER_BATCH_MAX_WAIT_MS },
    });
    const claimProviders = [
      {
        provide: ClaimTransitionsHandler,
        useFactory: (redis: Redis, publisher: EventPublisher, logger: Logger) =>
          new ClaimTransitionsHandler(claimChain, new RedisDocumentationIndex(redis), publisher, logger.child({ processor: 'claim-transitions' }), {
            documentationWaitMs: config.LEDGER_CLAIM_DOCUMENTATION_WAIT_MS,
            maxInFlight: config.LEDGER_CLAIM_MAX_IN_FLIGHT,
          }),
        inject: [REDIS, EVENT_PUBLISHER, LOGGER],
      },
    ];
    // The payers' instance holds no patient key: claims reach it as commitments already.
    if (config.fabric.mspId !== PROVIDER_MSP_ID) {
      return { controllers: [claims], providers: [...claimProviders, { provide: LEDGER_CONNECTIONS, useValue: [claimChain] }] };
    }
    const keys = new PatientKeyTable(await openKms(config));
    const ledger = new FabricGatewayAnchor(config.fabric);
    const consentLedger = new FabricConsentLedger(config.fabric);
    const serviceSalt = serviceSaltOf(config.LEDGER_COMMITMENT_KEY, config.LEDGER_COMMITMENT_KEY_VERSION);
    const salts = new PatientSaltProvider(keys, serviceSalt);
    const events = ledgerWriterEvents({
      topics: config.LEDGER_TOPICS,
      faults,
      consumer: {
        minBatchBytes: config.LEDGER_BATCH_MIN_BYTES,
        maxWaitMs: config.LEDGER_BATCH_MAX_WAIT_MS,
        maxBatchBytes: config.LEDGER_MAX_BACKLOG_BYTES,
        concurrency: config.LEDGER_ANCHOR_PARTITIONS,
      },
    });
    return {
      controllers: [events, claims],
      providers: [
        ...claimProviders,
        { provide: PatientKeyTable, useValue: keys },
        { provide: LEDGER_CONNECTIONS, useValue: [ledger, consentLedger, claimChain] },
        {
          provide: AnchoringHandler,
          // The intents and the documentation index are the handler's narrow store ports; the receipts go through the publisher port.
          useFactory: (redis: Redis, publisher: EventPublisher, logger: Logger) =>
            new AnchoringHandler(
              ledger,
              salts,
              new RedisIntentStore(redis),
              publisher,
              logger.child({ processor: 'anchoring' }),
              { maxEvents: config.LEDGER_BATCH_MAX_EVENTS, maxInFlight: config.LEDGER_ANCHOR_MAX_IN_FLIGHT },
              new RedisDocumentationIndex(redis),
            ),
          inject: [REDIS, EVENT_PUBLISHER, LOGGER],
        },
        {
          provide: ConsentRegistrationHandler,
          useFactory: (logger: Logger) => new ConsentRegistrationHandler(consentLedger, keys, logger.child({ processor: 'consent-registry' })),
          inject: [LOGGER],
        },
      ],
    };
  },
};

export function start() {
  return startService(ledgerWriterService);
}
