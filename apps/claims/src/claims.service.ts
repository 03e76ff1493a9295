// Wires the claims service: its replicas (patient keys, the patient registry, the
// records that document billed care), its read model, the payers' benefit plans,
// and the use cases over them.
import { z } from 'zod';
import { bool, ConfigError } from '@carechain/config';
import { SERVICE_CATALOGUE } from '@carechain/contracts';
import type { EventPublisher } from '@carechain/messaging';
import { kmsConfigShape, openKms, PatientKeyTable } from '@carechain/patient-keys';
import { PatientRegistry } from '@carechain/patient-registry';
import {
  AdjudicateClaimUseCase,
  ApplyChainVerdictUseCase,
  BenefitPlansReplica,
  ChainVerdictsHandler,
  ClaimTransitionsUseCase,
  ClaimVault,
  CLAIMS_READ_MODEL,
  DEFAULT_CLAIMS_TIMING,
  ExplanationOfBenefitsUseCase,
  ListCoveragesUseCase,
  PublishBenefitPlanUseCase,
  ReadClaimsUseCase,
  RecordsReplica,
  RedisClaimStore,
  RegisterCoverageUseCase,
  SubmitClaimUseCase,
  type ClaimsDeps,
} from '@carechain/claims-domain';
import {
  EVENT_PUBLISHER,
  EVENT_TRANSPORT,
  LOGGER,
  REDIS,
  startService,
  type KafkaEventTransport,
  type Redis,
  type ServiceDefinition,
  type ServiceHttp,
} from '@carechain/runtime';
import type { Logger } from '@carechain/telemetry';
import { BenefitPlansController, PLAN_BOOK } from './benefit-plans.controller';
import { loadPlanBook } from './benefit-plans.file';
import { ClaimsController } from './claims.controller';
import { ChainVerdictEvents, ClaimsEvents } from './claims.events';
import { FhirJsonBodies } from '@carechain/http';
import { PatientClaimsController } from './patient-claims.controller';
import { CLAIMS_PROBLEMS } from './claims.problems';

/** What claims answers over HTTP (its OpenAPI document, checked by claims.openapi.spec.ts). */
export const CLAIMS_HTTP: ServiceHttp = { controllers: [ClaimsController, PatientClaimsController, BenefitPlansController], problems: [CLAIMS_PROBLEMS] };

const CLAIMS_DEPS = Symbol('carechain.claims.deps');

const claimsConfigShape = {
  ...kmsConfigShape,
  /** The payers' benefit plans (a JSON array), before those they publish (POST /benefit-plans); with neither, every claim is pended for a person. */
  CLAIMS_BENEFIT_PLANS_FILE: z.string().min(1).optional(),
  /**
   * Hold claims in `submitted` until the ledger's ClaimContract publishes its verdict
   * (ledger.claim.v1, from the providers' ledger-writer): billing is then verified on
   * the chain, and the claim's transitions are submitted by each organisation's writer.
   */
  CLAIMS_AWAIT_CHAIN_VERDICT: bool(false),
};

export const claimsService: ServiceDefinition<typeof claimsConfigShape> = {
  name: 'claims',
  description:
    "Claims: coverages, the insurance claim lifecycle (FHIR R4 Claim, ClaimResponse, ExplanationOfBenefit) and automatic adjudication by the payers' benefit plans.",
  defaultPort: SERVICE_CATALOGUE.claims.defaultPort,
  config: claimsConfigShape,
  async parts(config) {
    let plans;
    try {
      plans = loadPlanBook(config.CLAIMS_BENEFIT_PLANS_FILE);
    } catch (err) {
      throw new ConfigError([`CLAIMS_BENEFIT_PLANS_FILE: ${(err as Error).message}`]);
    }
    const keys = new PatientKeyTable(await openKms(config));
    const patients = new PatientRegistry();
    const records = new RecordsReplica(new ClaimVault(keys, DEFAULT_CLAIMS_TIMING.keyWaitMs));
    const settings = { awaitChainVerdict: config.CLAIMS_AWAIT_CHAIN_VERDICT };
    const useCase = <T>(make: (deps: ClaimsDeps) => T) => ({ useFactory: make, inject: [CLAIMS_DEPS] });
    return {
      problems: CLAIMS_HTTP.problems,
      // With CLAIMS_AWAIT_CHAIN_VERDICT, the ledger's verdicts move claims out of `submitted`.
      controllers: [ClaimsEvents, ...(config.CLAIMS_AWAIT_CHAIN_VERDICT ? [ChainVerdictEvents] : []), ...CLAIMS_HTTP.controllers],
      providers: [
        FhirJsonBodies,
        { provide: PLAN_BOOK, useValue: plans },
        { provide: PatientKeyTable, useValue: keys },
        { provide: PatientRegistry, useValue: patients },
        { provide: RecordsReplica, useValue: records },
        { provide: BenefitPlansReplica, useValue: new BenefitPlansReplica(plans) },
        {
          provide: CLAIMS_DEPS,
          useFactory: (redis: Redis, publisher: EventPublisher, transport: KafkaEventTransport): ClaimsDeps => ({
            patients,
            keys,
            store: new RedisClaimStore(redis),
            publisher,
            progress: { replicas: transport.replicaProgress, readModel: transport.readModelProgress(CLAIMS_READ_MODEL) },
            documents: records,
            plans,
            settings,
          }),
          inject: [REDIS, EVENT_PUBLISHER, EVENT_TRANSPORT],
        },
        {
          provide: ChainVerdictsHandler,
          useFactory: (deps: ClaimsDeps, logger: Logger) =>
            new ChainVerdictsHandler(new ApplyChainVerdictUseCase(deps), logger.child({ processor: 'chain-verdicts' })),
          inject: [CLAIMS_DEPS, LOGGER],
        },
        { provide: SubmitClaimUseCase, ...useCase((d) => new SubmitClaimUseCase(d)) },
        { provide: ReadClaimsUseCase, ...useCase((d) => new ReadClaimsUseCase(d)) },
        { provide: AdjudicateClaimUseCase, ...useCase((d) => new AdjudicateClaimUseCase(d)) },
        { provide: ClaimTransitionsUseCase, ...useCase((d) => new ClaimTransitionsUseCase(d)) },
        { provide: RegisterCoverageUseCase, ...useCase((d) => new RegisterCoverageUseCase(d)) },
        { provide: ListCoveragesUseCase, ...useCase((d) => new ListCoveragesUseCase(d)) },
        { provide: ExplanationOfBenefitsUseCase, ...useCase((d) => new ExplanationOfBenefitsUseCase(d)) },
        { provide: PublishBenefitPlanUseCase, ...useCase((d) => new PublishBenefitPlanUseCase(d)) },
      ],
    };
  },
};

export function start() {
  return startService(claimsService);
}
