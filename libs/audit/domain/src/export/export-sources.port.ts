// What the export asks each owning service for, through its HTTP API, with a token of
// audit's own service identity bound to the patient (ServiceCredentials). audit never
// reads another service's Redis: each answers by its own rules (ACCESS_POLICY's
// boundService rows) and records the reads in its own access log.
import type { ExportedResource } from './patient-export';

export type ExportSourceName = 'identity' | 'consent' | 'records' | 'claims';

export interface PatientDataSources {
  /** identity GET /patients/:id: the patient's demographics and identifiers. */
  demographics(patientId: string, token: string): Promise<PatientDemographics>;
  /** consent GET /patients/:id/consents: every grant, ended ones included. */
  consents(patientId: string, token: string): Promise<readonly ConsentGrantView[]>;
  /** records: every record of the patient with all its versions (newest first per record). */
  recordVersions(patientId: string, token: string): Promise<readonly ExportedResource[]>;
  /** claims: the patient's coverages, claims and explanations of benefit. */
  claims(patientId: string, token: string): Promise<readonly ExportedResource[]>;
}

/** What identity answers for GET /patients/:id (its fields the export maps). */
export interface PatientDemographics {
  readonly id: string;
  readonly custodian: string;
  readonly demographics: {
    readonly name?: { readonly given?: readonly string[]; readonly family?: string };
    readonly birthDate?: string;
    readonly gender?: string;
    readonly telecom?: readonly { readonly system: string; readonly value: string }[];
    readonly address?: readonly { readonly line?: readonly string[]; readonly city?: string; readonly postalCode?: string; readonly country?: string }[];
  };
  readonly identifiers: readonly { readonly system: string; readonly value: string }[];
  readonly mergedInto?: string;
}

/** One grant as consent lists it. */
export interface ConsentGrantView {
  readonly grantId: string;
  readonly grantee: { readonly organisation: string; readonly practitioner?: string };
  readonly categories: readonly string[];
  readonly purposes: readonly string[];
  readonly validFrom: string;
  readonly validUntil?: string;
  readonly grantedAt: string;
  readonly grantedBy: { readonly kind: string; readonly subject: string; readonly signed: boolean };
  readonly status: 'active' | 'scheduled' | 'expired' | 'revoked';
  readonly revokedAt?: string;
}

/** A source answered something the export cannot use; the export fails with this (no PHI in it). */
export class ExportSourceError extends Error {
  constructor(
    readonly source: ExportSourceName,
    message: string,
    /** The source's HTTP status, when it answered. */
    readonly status?: number,
  ) {
    super(`${source}: ${message}`);
    this.name = 'ExportSourceError';
  }
}
