// audit with exports: the URLs of the services its exports ask over HTTP. Its service
// identity comes with the test stack (SERVICE_CREDENTIALS_MODE=dev, the dev issuer's key).
import type { ServiceProcess } from './service-process';

export function exportEnv(s: { identity: ServiceProcess; consent: ServiceProcess; records: ServiceProcess; claims: ServiceProcess }): Record<string, string> {
  return {
    AUDIT_EXPORT_IDENTITY_URL: s.identity.url,
    AUDIT_EXPORT_CONSENT_URL: s.consent.url,
    AUDIT_EXPORT_RECORDS_URL: s.records.url,
    AUDIT_EXPORT_CLAIMS_URL: s.claims.url,
  };
}
