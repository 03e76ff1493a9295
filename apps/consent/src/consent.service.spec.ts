// The service's wiring, without a server: its controllers and providers in a Nest
// application context, the runtime's ports replaced by a validating in-memory
// publisher, driven the way HTTP would drive them (bodies already validated).
import { Global, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import type { Principal } from '@carechain/auth';
import { BREAK_GLASS_INVOKED_V1, createEvent, GRANT_GRANTED_V1, GRANT_REVOKED_V1, PATIENT_REGISTERED_V2, Topics, validateEvent } from '@carechain/contracts';
import { CONSENT_STATE_EVENTS, ConsentErrorCode, ConsentState, decideSchema, grantConsentSchema } from '@carechain/consent-domain';
import { toProblem } from '@carechain/http';
import { RecordingPublisher } from '@carechain/messaging/testing';
import { PATTERN_EXTRAS_METADATA, PATTERN_METADATA } from '@nestjs/microservices/constants';
import { EVENT_PUBLISHER, LOGGER, REPLICA_PROGRESS, replica } from '@carechain/runtime';
import { createLogger } from '@carechain/telemetry';
import { ConsentEvents } from './consent.events';
import { CONSENT_PROBLEMS } from './consent.problems';
import { consentParts } from './consent.service';
import { ConsentsController } from './consents.controller';
import { DecisionsController } from './decisions.controller';
import { PatientConsentsController } from './patient-consents.controller';

const PATIENT = '0b7c3d4e-1f2a-4b5c-8d6e-7f8091a2b3c4';
const CUSTODIAN = 'hospital-a';
const CLINIC = 'clinic-b';
const patient: Principal = { subject: PATIENT, organisation: 'patient-portal', roles: ['patient'] };
const clinician = (organisation: string): Principal => ({ subject: 'dr-who', organisation, roles: ['clinician'] });

async function boot(): Promise<{ app: INestApplicationContext; publisher: RecordingPublisher; state: ConsentState }> {
  const state = new ConsentState();
  const registered = validateEvent(
    createEvent({
      type: PATIENT_REGISTERED_V2,
      source: '/carechain/identity',
      subject: PATIENT,
      data: {
        patientId: PATIENT,
        custodian: CUSTODIAN,
        registrationId: '2d9e5f60-3b4c-4d7e-8f80-91a2b3c4d5e6',
        details: { alg: 'A256GCM', keyVersion: 1, iv: 'AAAAAAAAAAAAAAAA', ct: 'c2VhbGVk', tag: 'AAAAAAAAAAAAAAAAAAAAAA' },
        match: { decision: 'new' },
      },
    }),
  );
  state.apply({ topic: Topics.identityPatient, partition: 0, offset: '0', key: PATIENT, event: registered, traceContext: ROOT_CONTEXT });
  const publisher = new RecordingPublisher();
  const definition = consentParts(state);

  @Global()
  @Module({
    providers: [
      { provide: LOGGER, useValue: createLogger('test', 'silent') },
      { provide: EVENT_PUBLISHER, useValue: publisher },
      // The state is fed directly: complete at every moment.
      { provide: REPLICA_PROGRESS, useValue: { caughtUpTo: async () => true, caughtUpToEnd: async () => true } },
    ],
    exports: [LOGGER, EVENT_PUBLISHER, REPLICA_PROGRESS],
  })
  class FakeRuntimeModule {}

  @Module({ imports: [FakeRuntimeModule], controllers: [...(definition.controllers ?? [])], providers: [...(definition.providers ?? [])] })
  class TestRootModule {}

  const app = await NestFactory.createApplicationContext(TestRootModule, { logger: false });
  return { app, publisher, state };
}

/** The problem the service's filter would answer for what `work` throws. */
async function problemOf(work: () => unknown): Promise<{ status: number; type: unknown }> {
  try {
    await work();
  } catch (err) {
    const problem = toProblem(err, undefined, [CONSENT_PROBLEMS]);
    return { status: problem.status, type: problem.type };
  }
  throw new Error('expected a problem');
}

describe('consent service', () => {
  let app: INestApplicationContext;
  let publisher: RecordingPublisher;
  let state: ConsentState;

  beforeEach(async () => ({ app, publisher, state } = await boot()));
  afterEach(() => app.close());

  it('replicates identity.patient.v1 and consent.grant.v1 into one state', () => {
    const handler = ConsentEvents.prototype.consentState;
    expect(consentParts(state).controllers).toContain(ConsentEvents);
    expect(Reflect.getMetadata(PATTERN_METADATA, handler)).toEqual([Topics.identityPatient, Topics.consentGrant]);
    expect(Reflect.getMetadata(PATTERN_EXTRAS_METADATA, handler)).toEqual(replica('carechain.consent.state', CONSENT_STATE_EVENTS));
  });

  it('grants, decides, lists and revokes through its controllers', async () => {
    const consents = app.get(ConsentsController);
    const decisions = app.get(DecisionsController);
    const body = grantConsentSchema.parse({ patientId: PATIENT, grantee: { organisation: CLINIC }, categories: ['conditions'], purposes: ['TREAT'] });
    const { grantId, eventId } = await consents.grant(body, patient);
    expect(publisher.published[0]).toMatchObject({ topic: Topics.consentGrant, key: PATIENT, event: { id: eventId, type: GRANT_GRANTED_V1 } });

    const ask = decideSchema.parse({ patientId: PATIENT, categories: ['conditions'], purpose: 'TREAT' });
    expect(await decisions.decide(ask, clinician(CLINIC))).toMatchObject({ decision: 'permit', basis: 'grant', grantId });
    expect((await app.get(PatientConsentsController).list(PATIENT, patient)).consents).toMatchObject([{ grantId, status: 'active' }]);

    await consents.revoke(grantId, undefined, patient);
    expect(publisher.published[1].event.type).toBe(GRANT_REVOKED_V1);
    expect(await decisions.decide(ask, clinician(CLINIC))).toMatchObject({ decision: 'deny', reason: 'grant-revoked' });
    expect(await problemOf(() => consents.revoke(grantId, {}, patient))).toEqual({ status: 409, type: 'https://carechain.dev/problems/consent/grant-ended' });
  });

  it('answers each refusal as problem+json with its own type', async () => {
    const consents = app.get(ConsentsController);
    const body = grantConsentSchema.parse({ patientId: PATIENT, grantee: { organisation: CLINIC }, categories: ['conditions'], purposes: ['TREAT'] });
    expect(await problemOf(() => consents.grant(body, clinician(CLINIC)))).toEqual({ status: 403, type: 'https://carechain.dev/problems/forbidden' });
    expect(await problemOf(() => consents.grant({ ...body, patientId: '1c8d4e5f-2a3b-4c6d-9e7f-8091a2b3c4d5' }, patient))).toEqual({
      status: 404,
      type: 'https://carechain.dev/problems/consent/patient-not-found',
    });
    expect(await problemOf(() => app.get(PatientConsentsController).list(PATIENT, clinician(CLINIC)))).toEqual({
      status: 403,
      type: 'https://carechain.dev/problems/forbidden',
    });
    expect(publisher.published).toEqual([]);
  });

  it('publishes a break-glass permit before answering it', async () => {
    const ask = decideSchema.parse({
      patientId: PATIENT,
      categories: ['allergies'],
      purpose: 'ETREAT',
      breakGlassReason: 'unconscious, anaphylaxis suspected',
    });
    const answer = await app.get(DecisionsController).decide(ask, clinician(CLINIC));
    expect(answer).toMatchObject({ decision: 'permit', basis: 'break-glass', breakGlass: true });
    expect(publisher.published.map((p) => [p.event.type, (p.event.data as { decisionId: string }).decisionId])).toEqual([
      [BREAK_GLASS_INVOKED_V1, answer.decisionId],
    ]);
  });

  it('maps every error code to a client error status', () => {
    for (const code of Object.values(ConsentErrorCode)) expect(CONSENT_PROBLEMS.status[code]).toBeGreaterThanOrEqual(400);
    expect(CONSENT_PROBLEMS.status[ConsentErrorCode.PatientErased]).toBe(410);
    expect(CONSENT_PROBLEMS.status[ConsentErrorCode.SignatureInvalid]).toBe(422);
  });
});
