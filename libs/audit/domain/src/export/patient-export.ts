// A patient's export (right of access and portability: GDPR Art. 15 and 20, HIPAA
// 164.524): who asked for it, how far it got, and, when ready, the one FHIR Bundle of
// type collection with everything carechain holds about the patient. Kept in audit's
// Redis for a limited time (AUDIT_EXPORT_TTL_SECONDS): a copy of PHI outlives its
// purpose once fetched.

export type ExportStatus = 'running' | 'ready' | 'failed';

export interface ExportRequester {
  readonly subject: string;
  readonly organisation: string;
}

/** A FHIR R4 resource of the collection, as each owning service answered it (or audit mapped it). */
export interface ExportedResource {
  readonly resourceType: string;
  readonly id?: string;
  readonly [key: string]: unknown;
}

export interface FhirCollectionBundle {
  readonly resourceType: 'Bundle';
  readonly id: string;
  readonly type: 'collection';
  readonly timestamp: string;
  readonly meta: { readonly lastUpdated: string };
  readonly entry: readonly { readonly fullUrl: string; readonly resource: ExportedResource }[];
}

export interface PatientExport {
  readonly exportId: string;
  readonly patientId: string;
  readonly requestedBy: ExportRequester;
  readonly requestedAt: string;
  readonly status: ExportStatus;
  readonly completedAt?: string;
  /** Why it failed (which service, what status); never PHI. */
  readonly failure?: string;
  readonly bundle?: FhirCollectionBundle;
}

/** Where exports are kept, each for `ttlSeconds` from its last write. */
export interface ExportStore {
  save(state: PatientExport, ttlSeconds: number): Promise<void>;
  get(exportId: string): Promise<PatientExport | undefined>;
}
