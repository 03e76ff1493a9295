// How a service proves who it is when it calls another service over HTTP. Services
// answer people's tokens; when one must ask another on someone's behalf (audit
// assembling a patient's export from identity, consent, records and claims), it asks
// with a token of its own: role `service`, bound to the one patient it acts for (the
// `patient` claim), with only the purposes of use the task needs and a short life.
// The owning service decides such a token like any other (ACCESS_POLICY's
// `boundService` rows): it reads that patient's data, for that purpose, and nothing else.

export interface ServiceTokenRequest {
  /** The one patient the token acts for. */
  readonly patientId: string;
  /** HL7 PurposeOfUse codes the task needs (e.g. PATRQT for a patient's own export). */
  readonly purposes: readonly string[];
}

/** A bearer token and when it stops being accepted. */
export interface ServiceToken {
  readonly token: string;
  readonly expiresAt: Date;
}

export interface ServiceCredentials {
  /** A token for `request`; throws ServiceCredentialsError when none can be had. */
  tokenFor(request: ServiceTokenRequest): Promise<ServiceToken>;
}

export class ServiceCredentialsError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ServiceCredentialsError';
  }
}
