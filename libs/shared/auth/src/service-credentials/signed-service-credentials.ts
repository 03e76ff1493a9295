// Development and test: the service signs its own token with the devnet's issuer key
// (the private JWK next to the JWKS every service of the stack trusts, README
// "Tokens"). Never for production: there the platform's identity provider issues it
// (ClientCredentialsServiceCredentials).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { importJWK, SignJWT, type JWK } from 'jose';
import { ServiceCredentialsError, type ServiceCredentials, type ServiceToken, type ServiceTokenRequest } from './service-credentials.port';

export interface SignedServiceCredentialsOptions {
  /** The issuer's private JWK (EC P-256, ES256), e.g. ~/.cache/carechain/dev-keys/token-issuer.private.jwk.json. */
  readonly privateJwkFile: string;
  readonly issuer: string;
  readonly audience: string;
  /** The service's own id (`sub`) and organisation (`org`). */
  readonly subject: string;
  readonly organisation: string;
  readonly ttlSeconds: number;
  readonly now?: () => Date;
}

interface SigningKey {
  readonly key: Awaited<ReturnType<typeof importJWK>>;
  readonly kid?: string;
}

export class SignedServiceCredentials implements ServiceCredentials {
  private key: Promise<SigningKey> | undefined;

  constructor(private readonly options: SignedServiceCredentialsOptions) {}

  async tokenFor(request: ServiceTokenRequest): Promise<ServiceToken> {
    const { key, kid } = await (this.key ??= this.load());
    const now = (this.options.now ?? (() => new Date()))();
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.options.ttlSeconds;
    const token = await new SignJWT({ roles: ['service'], org: this.options.organisation, patient: request.patientId, purposes: [...request.purposes] })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', ...(kid !== undefined && { kid }) })
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setSubject(this.options.subject)
      .setJti(randomUUID())
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  private async load(): Promise<SigningKey> {
    let jwk: JWK;
    try {
      jwk = JSON.parse(readFileSync(this.options.privateJwkFile, 'utf8')) as JWK;
    } catch (err) {
      this.key = undefined;
      throw new ServiceCredentialsError(`cannot read the signing key ${this.options.privateJwkFile}: ${(err as Error).message}`, { cause: err });
    }
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.d !== 'string') {
      this.key = undefined;
      throw new ServiceCredentialsError(`${this.options.privateJwkFile} is not an ES256 private JWK`);
    }
    return { key: await importJWK(jwk, 'ES256'), ...(typeof jwk.kid === 'string' && { kid: jwk.kid }) };
  }
}
