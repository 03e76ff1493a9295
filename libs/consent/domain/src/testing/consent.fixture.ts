// Builders for specs: a ConsentState fed with real, validated events the way the
// replica feeds it, a publisher that validates and keeps what it is given, a clock
// the spec moves, and patients with Ed25519 signing keys.
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import {
  createEvent,
  PATIENT_ERASED_V1,
  PATIENT_MERGED_V1,
  PATIENT_REGISTERED_V2,
  SIGNING_KEY_REGISTERED_V1,
  Topics,
  validateEvent,
  type CloudEvent,
  type Ed25519Jwk,
  type PatientSignature,
} from '@carechain/contracts';
import type { Caller } from '../consent-caller';
import { ConsentState } from '../consent-state';
import { ConsentError, type ConsentErrorCode } from '../consent.error';
import { grantConsentSchema } from '../grant-consent.command';
import { GrantConsentUseCase } from '../grant-consent.use-case';

export const PATIENT = '0b7c3d4e-1f2a-4b5c-8d6e-7f8091a2b3c4';
export const OTHER_PATIENT = '1c8d4e5f-2a3b-4c6d-9e7f-8091a2b3c4d5';
export const CUSTODIAN = 'hospital-a';
export const CLINIC = 'clinic-b';
export const STRANGER = 'insurer-x';
export const T0 = new Date('2026-03-01T10:00:00.000Z');
export const HOUR = 3_600_000;

// The shared recording publisher, under the name these specs use.
export { RecordingPublisher as FakePublisher, type Published } from '@carechain/messaging/testing';
import { RecordingPublisher } from '@carechain/messaging/testing';

export class Clock {
  constructor(private ms = T0.getTime()) {}
  readonly now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

let offset = 0;

/** Feeds `event` to the state as the replica would: validated, as a record of `topic`. */
export function replicate(state: ConsentState, topic: string, event: CloudEvent): void {
  const valid = validateEvent(event);
  state.apply({ topic, partition: 0, offset: String(offset++), key: valid.subject ?? null, event: valid, traceContext: ROOT_CONTEXT });
}

export function registerPatient(state: ConsentState, patientId = PATIENT, custodian = CUSTODIAN): void {
  replicate(
    state,
    Topics.identityPatient,
    createEvent({
      type: PATIENT_REGISTERED_V2,
      source: '/carechain/identity',
      subject: patientId,
      data: {
        patientId,
        custodian,
        registrationId: '2d9e5f60-3b4c-4d7e-8f80-91a2b3c4d5e6',
        details: { alg: 'A256GCM', keyVersion: 1, iv: 'AAAAAAAAAAAAAAAA', ct: 'c2VhbGVk', tag: 'AAAAAAAAAAAAAAAAAAAAAA' },
        match: { decision: 'new' },
      },
    }),
  );
}

export function erasePatient(state: ConsentState, patientId = PATIENT, alsoErased: string[] = []): void {
  replicate(
    state,
    Topics.identityPatient,
    createEvent({
      type: PATIENT_ERASED_V1,
      source: '/carechain/identity',
      subject: patientId,
      data: { patientId, reason: 'data-subject-request', caseReference: 'DSR-2026-0042', alsoErased },
    }),
  );
}

export function mergePatient(state: ConsentState, survivorId: string, mergedId: string): void {
  replicate(
    state,
    Topics.identityPatient,
    createEvent({ type: PATIENT_MERGED_V1, source: '/carechain/identity', subject: mergedId, data: { survivorId, mergedId } }),
  );
}

export interface SigningKey {
  readonly keyId: string;
  readonly privateKey: KeyObject;
  sign(payload: Buffer): PatientSignature;
}

/** A fresh Ed25519 key pair, its public half registered for the patient as identity would. */
export function registerSigningKey(state: ConsentState, patientId = PATIENT): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const exported = publicKey.export({ format: 'jwk' });
  const jwk: Ed25519Jwk = { kty: 'OKP', crv: 'Ed25519', x: exported.x! };
  const keyId = createHash('sha256')
    .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x }))
    .digest('base64url');
  replicate(
    state,
    Topics.identityPatient,
    createEvent({ type: SIGNING_KEY_REGISTERED_V1, source: '/carechain/identity', subject: patientId, actor: patientId, data: { patientId, keyId, jwk } }),
  );
  return { keyId, privateKey, sign: (payload) => ({ keyId, alg: 'EdDSA', value: sign(null, payload, privateKey).toString('base64url') }) };
}

export const patientCaller = (patientId = PATIENT): Caller => ({ subject: patientId, organisation: 'patient-portal', roles: ['patient'] });
export const staffOf = (organisation: string, role = 'registrar', subject = 'staff-7'): Caller => ({ subject, organisation, roles: [role] });

/** The code of the ConsentError `work` rejects with; fails the spec on anything else. */
export async function refusal(work: Promise<unknown>): Promise<ConsentErrorCode> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ConsentError)) throw new Error(`expected a ConsentError, got ${String(err)}`);
  return err.code;
}

/**
 * A registered patient, what is published, a clock, and `grant(fields)`: the patient's
 * consent for CLINIC to read conditions for TREAT, with `fields` changed, its grant ids
 * taken from `ids` in turn.
 */
export function grantingWorld(ids: readonly string[]) {
  const state = new ConsentState();
  registerPatient(state);
  const publisher = new RecordingPublisher();
  const clock = new Clock();
  const next = [...ids];
  const grants = new GrantConsentUseCase(state, publisher, clock.now, () => next.shift()!);
  const grant = (fields: object = {}) =>
    grants.execute(
      grantConsentSchema.parse({ patientId: PATIENT, grantee: { organisation: CLINIC }, categories: ['conditions'], purposes: ['TREAT'], ...fields }),
      patientCaller(),
    );
  return { state, publisher, clock, grants, grant };
}
