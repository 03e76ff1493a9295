import { ConsumerGroups, Topics } from '@carechain/contracts';
import {
  AnchoringHandler,
  ClaimTransitionsHandler,
  ConsentRegistrationHandler,
  PatientSaltProvider,
  RedisDocumentationIndex,
  RedisIntentStore,
} from '@carechain/ledger-anchoring';
import { PROVIDER_MSP_ID } from '@carechain/ledger-chaincode-api';
import { FabricClaimChain, FabricConsentLedger, FabricGatewayAnchor } from '@carechain/ledger-fabric';
import { StaticSaltProvider } from '@carechain/ledger-merkle';
import { openKms, PatientKeyTable } from '@carechain/patient-keys';
import { startService, type ProcessorDefinition, type ServiceDefinition } from '@carechain/runtime';
import { fabricConnectionOf, ledgerWriterConfig } from './ledger-writer.config';

export const ledgerWriterService: ServiceDefinition<typeof ledgerWriterConfig> = {
  name: 'ledger-writer',
  description:
    "The only Fabric client, one instance per organisation: Merkle-batched anchoring of every domain event with a receipt per event and consent state on the chain (ProviderOrg's), and the claim transitions its organisation made.",
  defaultPort: 3005,
  config: ledgerWriterConfig,
  async parts(settings) {
    const config = { ...settings, fabric: fabricConnectionOf(settings) };
    // Every organisation's instance puts its own claim transitions on the chain; the providers' also anchors and registers consent.
    const claims: ProcessorDefinition = {
      name: 'claim-transitions',
      groupId: `${ConsumerGroups.ledgerWriterClaims}.${config.fabric.mspId}`,
      topics: [Topics.claimsClaim],
      consumer: { maxWaitMs: config.LEDGER_BATCH_MAX_WAIT_MS },
      create: ({ publisher, redis, logger }) => {
        const chain = new FabricClaimChain(config.fabric);
        const handler = new ClaimTransitionsHandler(chain, new RedisDocumentationIndex(redis), publisher, logger, {
          documentationWaitMs: config.LEDGER_CLAIM_DOCUMENTATION_WAIT_MS,
        });
        return { handler, close: () => chain.close() };
      },
    };
    // The payers' instance holds no patient key: claims reach it as commitments already.
    if (config.fabric.mspId !== PROVIDER_MSP_ID) return { processors: [claims] };
    const keys = new PatientKeyTable(await openKms(config));
    return {
      replicas: [{ name: 'carechain.ledger-writer.keys', topics: [Topics.identityKeys], handler: keys }],
      processors: [
        {
          name: 'anchoring',
          groupId: ConsumerGroups.ledgerWriter,
          topics: config.LEDGER_TOPICS,
          consumer: {
            minBatchBytes: config.LEDGER_BATCH_MIN_BYTES,
            maxWaitMs: config.LEDGER_BATCH_MAX_WAIT_MS,
            maxBatchBytes: config.LEDGER_MAX_BACKLOG_BYTES,
          },
          create: ({ publisher, redis, logger }) => {
            const ledger = new FabricGatewayAnchor(config.fabric);
            const serviceSalt = new StaticSaltProvider(Buffer.from(config.LEDGER_COMMITMENT_KEY, 'hex'), config.LEDGER_COMMITMENT_KEY_VERSION);
            const salts = new PatientSaltProvider(keys, serviceSalt);
            const documentation = new RedisDocumentationIndex(redis);
            const handler = new AnchoringHandler(
              ledger,
              salts,
              new RedisIntentStore(redis),
              publisher,
              logger,
              { maxEvents: config.LEDGER_BATCH_MAX_EVENTS },
              documentation,
            );
            return { handler, probes: [{ name: 'fabric', check: () => handler.isLedgerReachable() }], close: () => ledger.close() };
          },
        },
        {
          name: 'consent-registry',
          groupId: ConsumerGroups.ledgerWriterConsent,
          topics: [Topics.consentGrant],
          create: ({ logger }) => {
            const ledger = new FabricConsentLedger(config.fabric);
            return { handler: new ConsentRegistrationHandler(ledger, keys, logger), close: () => ledger.close() };
          },
        },
        claims,
      ],
    };
  },
};

export function start() {
  return startService(ledgerWriterService);
}
