// Self-sovereign option: a patient registers an Ed25519 public key with their own
// token (never staff: a key staff registered would let them sign as the patient);
// identity serves it in a DID document (did:carechain:<patient id>) and consent
// verifies patient-signed actions against it.
import { createHash } from 'node:crypto';
import { createEvent, SIGNING_KEY_REGISTERED_V1, Topics, type Ed25519Jwk } from '@carechain/contracts';
import type { EventPublisher } from '@carechain/messaging';
import type { IdentityState } from './identity-state';
import { IdentityError, IdentityErrorCode } from './identity.error';
import { IDENTITY_SOURCE } from './patient-key.issuer';
import { actorOf, relationshipTo, requireAccess, type Caller } from './patient-access';

/** RFC 7638 thumbprint: SHA-256 over the required members in lexicographic order. */
export function jwkThumbprint(jwk: Ed25519Jwk): string {
  return createHash('sha256')
    .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x }))
    .digest('base64url');
}

export function didOf(patientId: string): string {
  return `did:carechain:${patientId}`;
}

/** A W3C DID document of a patient: their Ed25519 keys as JsonWebKey2020 verification methods. */
export interface DidDocument {
  readonly '@context': readonly string[];
  readonly id: string;
  readonly verificationMethod: readonly { id: string; type: 'JsonWebKey2020'; controller: string; publicKeyJwk: Ed25519Jwk }[];
  readonly authentication: readonly string[];
  readonly assertionMethod: readonly string[];
}

export function didDocument(patientId: string, keys: ReadonlyMap<string, Ed25519Jwk>): DidDocument {
  const id = didOf(patientId);
  const methods = [...keys].map(([keyId, jwk]) => ({ id: `${id}#${keyId}`, type: 'JsonWebKey2020' as const, controller: id, publicKeyJwk: jwk }));
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
    id,
    verificationMethod: methods,
    authentication: methods.map((m) => m.id),
    assertionMethod: methods.map((m) => m.id),
  };
}

export class RegisterSigningKeyUseCase {
  constructor(
    private readonly state: IdentityState,
    private readonly publisher: EventPublisher,
  ) {}

  async execute(patientId: string, jwk: Ed25519Jwk, caller: Caller): Promise<{ keyId: string; did: string }> {
    if (this.state.isErased(patientId)) throw new IdentityError(IdentityErrorCode.PatientErased, `patient ${patientId} was erased`);
    const patient = this.state.patient(patientId);
    if (!patient) throw new IdentityError(IdentityErrorCode.PatientNotFound, `no patient ${patientId}`);
    // Staff registering a key would let them sign consent "as the patient": only the patient may.
    requireAccess(
      'identity.signing-key.register',
      caller,
      relationshipTo(this.state, caller, patient),
      'only the patient may register the keys their consent is signed with',
    );
    const actor = actorOf(caller);
    if (Buffer.from(jwk.x, 'base64url').length !== 32) throw new IdentityError(IdentityErrorCode.BadSigningKey, 'x must be a 32-byte Ed25519 public key');
    const keyId = jwkThumbprint(jwk);
    const event = createEvent({
      type: SIGNING_KEY_REGISTERED_V1,
      source: IDENTITY_SOURCE,
      subject: patientId,
      actor: actor.subject,
      actororg: actor.organisation,
      data: { patientId, keyId, jwk },
    });
    await this.publisher.publish(Topics.identityPatient, event, { key: patientId });
    this.state.applyEvent(event);
    return { keyId, did: `${didOf(patientId)}#${keyId}` };
  }
}

/** The DID document of a patient: public keys, for any caller the policy admits (a patient token for its own). */
export class ReadDidDocumentUseCase {
  constructor(private readonly state: IdentityState) {}

  execute(patientId: string, caller: Caller): DidDocument {
    if (this.state.isErased(patientId)) throw new IdentityError(IdentityErrorCode.PatientErased, `patient ${patientId} was erased`);
    const patient = this.state.patient(patientId);
    if (!patient) throw new IdentityError(IdentityErrorCode.PatientNotFound, `no patient ${patientId}`);
    requireAccess('identity.patient.did', caller, relationshipTo(this.state, caller, patient), 'a patient reads their own DID document only');
    return didDocument(patientId, patient.signingKeys);
  }
}
