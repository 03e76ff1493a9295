// Wires the claims service: its replicas (patient keys, the patient registry, the
// records that document billed care), its read model, the payers' benefit plans,
// and the use cases over them.
import { z } from 'zod';
import { bool, ConfigError } from '@carechain/config';
import { ConsumerGroups, Topics } from '@carechain/contracts';
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
  claimsProjection,
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
import { EVENT_PUBLISHER, REDIS, startService, type Redis, type ServiceDefinition } from '@carechain/runtime';
import { BenefitPlansController, PLAN_BOOK } from './benefit-plans.controller';
import { loadPlanBook } from './benefit-plans.file';
import { ClaimsController } from './claims.controller';
import { FhirJsonBodies } from './fhir-json.parser';
import { PatientClaimsController } from './patient-claims.controller';
import { CLAIMS_PROBLEMS } from './claims.problems';

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
  defaultPort: 3004,
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
    const depsOf = (redis: Redis, publisher: EventPublisher): ClaimsDeps => ({
      patients,
      keys,
      store: new RedisClaimStore(redis),
      publisher,
      documents: records,
      plans,
      settings,
    });
    const useCase = <T>(make: (deps: ClaimsDeps) => T) => ({ useFactory: make, inject: [CLAIMS_DEPS] });
    return {
      problems: [CLAIMS_PROBLEMS],
      // The registry replica is caught up before projections start: the projection skips erased patients with it.
      projections: [claimsProjection({ isErased: (patientId) => patients.get(patientId)?.erased === true })],
      replicas: [
        { name: 'carechain.claims.keys', topics: [Topics.identityKeys], handler: keys },
        { name: 'carechain.claims.patients', topics: [Topics.identityPatient], handler: patients },
        { name: 'carechain.claims.records', topics: [Topics.recordsRecord, Topics.identityPatient], handler: records },
        // Plans published by payers, over those of the file: every instance decides with the same versions.
        { name: 'carechain.claims.plans', topics: [Topics.claimsClaim], handler: new BenefitPlansReplica(plans) },
      ],
      // The ledger's verdicts on the claims held in `submitted` for them.
      processors: config.CLAIMS_AWAIT_CHAIN_VERDICT
        ? [
            {
              name: 'chain-verdicts',
              groupId: ConsumerGroups.claimsChainVerdicts,
              topics: [Topics.ledgerClaim],
              create: ({ publisher, redis, logger }) => ({ handler: new ChainVerdictsHandler(new ApplyChainVerdictUseCase(depsOf(redis, publisher)), logger) }),
            },
          ]
        : [],
      controllers: [ClaimsController, PatientClaimsController, BenefitPlansController],
      providers: [
        FhirJsonBodies,
        { provide: PLAN_BOOK, useValue: plans },
        { provide: CLAIMS_DEPS, useFactory: depsOf, inject: [REDIS, EVENT_PUBLISHER] },
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
