import { SERVICE_CATALOGUE } from '@carechain/contracts';
import { ConsentState, DecideUseCase, ExpireDueGrantsUseCase, GrantConsentUseCase, ListConsentsUseCase, RevokeConsentUseCase } from '@carechain/consent-domain';
import type { EventPublisher, ReplicaProgress } from '@carechain/messaging';
import { EVENT_PUBLISHER, LOGGER, REPLICA_PROGRESS, startService, type ServiceDefinition, type ServiceHttp, type ServiceParts } from '@carechain/runtime';
import type { Logger } from '@carechain/telemetry';
import { ConsentEvents } from './consent.events';
import { ConsentsController } from './consents.controller';
import { DecisionsController } from './decisions.controller';
import { GrantExpiryScheduler } from './grant-expiry.scheduler';
import { PatientConsentsController } from './patient-consents.controller';
import { CONSENT_PROBLEMS } from './consent.problems';

/** What consent answers over HTTP (its OpenAPI document, checked by consent.openapi.spec.ts). */
export const CONSENT_HTTP: ServiceHttp = { controllers: [ConsentsController, PatientConsentsController, DecisionsController], problems: [CONSENT_PROBLEMS] };

/** The consent service's replica, controllers and providers (the runtime adds Kafka, Redis, auth and health). */
export function consentParts(state = new ConsentState()): ServiceParts {
  return {
    problems: CONSENT_HTTP.problems,
    controllers: [ConsentEvents, ...CONSENT_HTTP.controllers],
    providers: [
      {
        provide: ConsentState,
        useFactory: (logger: Logger) => {
          state.onRejected((rejected) => logger.warn(rejected, 'consent event skipped: the grant book refused it'));
          return state;
        },
        inject: [LOGGER],
      },
      {
        provide: GrantConsentUseCase,
        useFactory: (s: ConsentState, p: EventPublisher, r: ReplicaProgress) => new GrantConsentUseCase(s, p, undefined, undefined, r),
        inject: [ConsentState, EVENT_PUBLISHER, REPLICA_PROGRESS],
      },
      {
        provide: RevokeConsentUseCase,
        useFactory: (s: ConsentState, p: EventPublisher) => new RevokeConsentUseCase(s, p),
        inject: [ConsentState, EVENT_PUBLISHER],
      },
      {
        provide: ExpireDueGrantsUseCase,
        useFactory: (s: ConsentState, p: EventPublisher) => new ExpireDueGrantsUseCase(s, p),
        inject: [ConsentState, EVENT_PUBLISHER],
      },
      { provide: DecideUseCase, useFactory: (s: ConsentState, p: EventPublisher) => new DecideUseCase(s, p), inject: [ConsentState, EVENT_PUBLISHER] },
      { provide: ListConsentsUseCase, useFactory: (s: ConsentState) => new ListConsentsUseCase(s), inject: [ConsentState] },
      GrantExpiryScheduler,
    ],
  };
}

export const consentService: ServiceDefinition = {
  name: 'consent',
  description: 'Consent: grants, revocations, expiry and the access decision.',
  defaultPort: SERVICE_CATALOGUE.consent.defaultPort,
  parts: () => consentParts(),
};

export function start() {
  return startService(consentService);
}
