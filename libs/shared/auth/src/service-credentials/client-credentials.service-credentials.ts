// Production: OAuth 2.0 client credentials (RFC 6749 §4.4) against the platform's
// token endpoint. The client authenticates with its id and a secret read from a file
// the platform provisions (re-read on every request, so a rotated secret is picked up
// without a restart); the patient and purposes ride as request parameters (`patient`,
// `purpose`, as in SMART backend services' launch context), and the identity provider
// must put them in the token as the `patient` and `purposes` claims it signs.
import { readFileSync } from 'node:fs';
import { decodeJwt } from 'jose';
import { ServiceCredentialsError, type ServiceCredentials, type ServiceToken, type ServiceTokenRequest } from './service-credentials.port';

export interface ClientCredentialsOptions {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecretFile: string;
  /** The audience the services check (AUTH_AUDIENCE). */
  readonly audience: string;
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
}

export class ClientCredentialsServiceCredentials implements ServiceCredentials {
  constructor(private readonly options: ClientCredentialsOptions) {}

  async tokenFor(request: ServiceTokenRequest): Promise<ServiceToken> {
    const body = new URLSearchParams({ grant_type: 'client_credentials', audience: this.options.audience, patient: request.patientId });
    for (const purpose of request.purposes) body.append('purpose', purpose);
    const basic = Buffer.from(`${encodeURIComponent(this.options.clientId)}:${encodeURIComponent(this.secret())}`).toString('base64');
    let res: Response;
    try {
      res = await (this.options.fetch ?? fetch)(this.options.tokenUrl, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (err) {
      throw new ServiceCredentialsError(`token endpoint ${this.options.tokenUrl} unreachable: ${(err as Error).message}`, { cause: err });
    }
    const answer = (await res.json().catch(() => undefined)) as { access_token?: unknown; expires_in?: unknown; error?: unknown } | undefined;
    if (!res.ok || typeof answer?.access_token !== 'string') {
      throw new ServiceCredentialsError(`token endpoint answered ${res.status}${typeof answer?.error === 'string' ? ` (${answer.error})` : ''}`);
    }
    const token = answer.access_token;
    // The token must say what was asked: a provider that drops the patient binding would hand out a broader token.
    let claims: ReturnType<typeof decodeJwt>;
    try {
      claims = decodeJwt(token);
    } catch (err) {
      throw new ServiceCredentialsError('the token endpoint answered something that is not a JWT', { cause: err });
    }
    if (claims['patient'] !== request.patientId) throw new ServiceCredentialsError('the issued token is not bound to the patient asked for');
    if (typeof claims.exp !== 'number') throw new ServiceCredentialsError('the issued token has no exp');
    return { token, expiresAt: new Date(claims.exp * 1000) };
  }

  private secret(): string {
    try {
      const secret = readFileSync(this.options.clientSecretFile, 'utf8').trim();
      if (secret.length === 0) throw new Error('empty');
      return secret;
    } catch (err) {
      throw new ServiceCredentialsError(`cannot read the client secret ${this.options.clientSecretFile}: ${(err as Error).message}`, { cause: err });
    }
  }
}
