// audit's service identity: how it gets the token it asks other services with
// (README "Tokens", "Service identities"). dev: signs its own with the devnet issuer's
// private key, which only a development stack has; client-credentials: OAuth 2.0
// against the platform's token endpoint. Unset: audit asks nobody, and exports are
// unavailable.
import { z } from 'zod';
import { positiveInt } from '@carechain/config';
import { ClientCredentialsServiceCredentials, SignedServiceCredentials, type ServiceCredentials } from '@carechain/auth';

export const serviceCredentialsShape = {
  SERVICE_CREDENTIALS_MODE: z.enum(['dev', 'client-credentials']).optional(),
  /** dev: the issuer's private JWK (the devnet's ~/.cache/carechain/dev-keys/token-issuer.private.jwk.json). */
  SERVICE_DEV_SIGNING_KEY_FILE: z.string().optional(),
  /** The service's own subject and organisation in its tokens (`sub`, `org`). */
  SERVICE_SUBJECT: z.string().min(1).max(128).default('carechain-audit'),
  SERVICE_ORGANISATION: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .default('carechain'),
  /** dev: the life of a token it signs; a few minutes covers one export. */
  SERVICE_TOKEN_TTL_SECONDS: positiveInt(300),
  /** client-credentials: the token endpoint, the client id and the file holding its secret (re-read on each request). */
  SERVICE_TOKEN_URL: z.url().optional(),
  SERVICE_CLIENT_ID: z.string().min(1).optional(),
  SERVICE_CLIENT_SECRET_FILE: z.string().optional(),
} as const;

type CredentialSettings = Readonly<z.infer<z.ZodObject<typeof serviceCredentialsShape>>> & {
  readonly AUTH_MODE: string;
  readonly AUTH_ISSUER: string;
  readonly AUTH_AUDIENCE: string;
};

/** The ServiceCredentials the settings name; throws, naming the variable, when they do not add up. */
export function serviceCredentialsOf(c: CredentialSettings): ServiceCredentials | undefined {
  switch (c.SERVICE_CREDENTIALS_MODE) {
    case undefined:
      return undefined;
    case 'dev':
      // A self-signed identity is only as trustworthy as the dev key: never where tokens come from a real issuer.
      if (c.AUTH_MODE !== 'dev') throw new Error('config: SERVICE_CREDENTIALS_MODE=dev needs AUTH_MODE=dev');
      if (!c.SERVICE_DEV_SIGNING_KEY_FILE) throw new Error('config: SERVICE_DEV_SIGNING_KEY_FILE is required when SERVICE_CREDENTIALS_MODE=dev');
      return new SignedServiceCredentials({
        privateJwkFile: c.SERVICE_DEV_SIGNING_KEY_FILE,
        issuer: c.AUTH_ISSUER,
        audience: c.AUTH_AUDIENCE,
        subject: c.SERVICE_SUBJECT,
        organisation: c.SERVICE_ORGANISATION,
        ttlSeconds: c.SERVICE_TOKEN_TTL_SECONDS,
      });
    case 'client-credentials':
      if (!c.SERVICE_TOKEN_URL || !c.SERVICE_CLIENT_ID || !c.SERVICE_CLIENT_SECRET_FILE) {
        throw new Error(
          'config: SERVICE_TOKEN_URL, SERVICE_CLIENT_ID and SERVICE_CLIENT_SECRET_FILE are required when SERVICE_CREDENTIALS_MODE=client-credentials',
        );
      }
      return new ClientCredentialsServiceCredentials({
        tokenUrl: c.SERVICE_TOKEN_URL,
        clientId: c.SERVICE_CLIENT_ID,
        clientSecretFile: c.SERVICE_CLIENT_SECRET_FILE,
        audience: c.AUTH_AUDIENCE,
        timeoutMs: 10_000,
      });
    default: {
      const unknown: never = c.SERVICE_CREDENTIALS_MODE;
      throw new Error(`config: unknown SERVICE_CREDENTIALS_MODE ${String(unknown)}`);
    }
  }
}
