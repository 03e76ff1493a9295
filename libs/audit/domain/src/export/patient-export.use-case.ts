// The patient's export: started by the patient (or their custodian's privacy officer
// on their request), assembled in the background by asking each owning service over
// HTTP with audit's service identity bound to the patient, kept in Redis for a while,
// and read back only by whoever started it. An erased patient's export is refused:
// there is nothing left to give, and the attempt must not look like an empty record.
import { randomUUID } from 'node:crypto';
import type { Caller, ServiceCredentials } from '@carechain/auth';
import { createEvent, PATIENT_EXPORTED_V1, Topics } from '@carechain/contracts';
import type { EventPublisher } from '@carechain/messaging';
import { AuditAccessError } from '../audit-access.error';
import type { AuditOversight } from '../audit-oversight';
import type { AuditTrailStore } from '../audit-trail.store.port';
import { toAuditEvent, type AuditEventResource } from '../balp-audit-event';
import { collectionBundle } from './export-bundle';
import type { PatientDataSources } from './export-sources.port';
import type { ExportStore, PatientExport } from './patient-export';

/** What the export's service token may be used for: the patient's own request (HL7 PATRQT), nothing broader. */
export const EXPORT_PURPOSES = ['PATRQT'] as const;
const TRAIL_PAGE = 1000;

/** Whether audit knows the patient, and whether they were erased (audit's patient registry). */
export type PatientStanding = 'unknown' | 'erased' | 'known';

export interface PatientExportDeps {
  readonly store: ExportStore;
  readonly trail: AuditTrailStore;
  readonly oversight: AuditOversight;
  readonly standing: (patientId: string) => PatientStanding;
  /** Publishes PatientExported on audit.export.v1: the delivery is an audited event of the patient's trail. */
  readonly publisher: EventPublisher;
  /** Absent when the deployment configured no service identity or service URLs: exports are then unavailable. */
  readonly sources?: PatientDataSources;
  readonly credentials?: ServiceCredentials;
  readonly ttlSeconds: number;
  readonly now?: () => Date;
  readonly newId?: () => string;
  /** Told why an export failed (ids and statuses only). */
  readonly onFailure?: (exportId: string, err: unknown) => void;
}

export class PatientExportUseCase {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly deps: PatientExportDeps) {}

  async start(patientId: string, caller: Caller): Promise<PatientExport> {
    this.deps.oversight.scope(
      patientId,
      caller,
      'audit.export.start',
      "an export is the patient's own, or their custodian's privacy officer's on their request",
    );
    const standing = this.deps.standing(patientId);
    if (standing === 'unknown') throw new AuditAccessError('patient-not-found', `no patient ${patientId}`);
    if (standing === 'erased') throw new AuditAccessError('patient-erased', `patient ${patientId} was erased`);
    const { sources, credentials } = this.deps;
    if (sources === undefined || credentials === undefined)
      throw new AuditAccessError('export-unavailable', 'this deployment has no service identity for exports');
    const state: PatientExport = {
      exportId: (this.deps.newId ?? randomUUID)(),
      patientId,
      requestedBy: { subject: caller.subject, organisation: caller.organisation },
      requestedAt: this.now().toISOString(),
      status: 'running',
    };
    await this.deps.store.save(state, this.deps.ttlSeconds);
    const run = this.assemble(state, sources, credentials).finally(() => this.running.delete(run));
    this.running.add(run);
    return state;
  }

  /** The export, to whoever started it; anyone else is told it does not exist. */
  async read(exportId: string, caller: Caller): Promise<PatientExport> {
    const state = await this.deps.store.get(exportId);
    if (state === undefined || state.requestedBy.subject !== caller.subject || state.requestedBy.organisation !== caller.organisation) {
      throw new AuditAccessError('export-not-found', `no export ${exportId} of yours`);
    }
    if (state.status === 'failed') throw new AuditAccessError('export-failed', `export ${exportId} failed: ${state.failure ?? 'unknown'}`);
    return state;
  }

  /** Resolves once every export started so far has finished (for shutdown and specs). */
  async settled(): Promise<void> {
    await Promise.all([...this.running]);
  }

  private async assemble(state: PatientExport, sources: PatientDataSources, credentials: ServiceCredentials): Promise<void> {
    const { patientId } = state;
    try {
      const { token } = await credentials.tokenFor({ patientId, purposes: EXPORT_PURPOSES });
      const [patient, consents, records, claims, auditEvents] = await Promise.all([
        sources.demographics(patientId, token),
        sources.consents(patientId, token),
        sources.recordVersions(patientId, token),
        sources.claims(patientId, token),
        this.auditEvents(patientId),
      ]);
      const now = this.now();
      const bundle = collectionBundle(state.exportId, { patient, consents, records, claims, auditEvents }, now);
      // Told before it can be fetched: no export is ever delivered that the trail does not show.
      await this.deps.publisher.publish(Topics.auditExport, this.exported(state, bundle.entry, now), { key: patientId });
      await this.deps.store.save({ ...state, status: 'ready', completedAt: now.toISOString(), bundle }, this.deps.ttlSeconds);
    } catch (err) {
      this.deps.onFailure?.(state.exportId, err);
      const failure = err instanceof Error ? err.message : String(err);
      await this.deps.store.save({ ...state, status: 'failed', completedAt: this.now().toISOString(), failure }, this.deps.ttlSeconds).catch((e: unknown) => {
        this.deps.onFailure?.(state.exportId, e);
      });
    }
  }

  private exported(state: PatientExport, entries: readonly { resource: { resourceType: string } }[], at: Date) {
    const resources: Record<string, number> = {};
    for (const { resource } of entries) resources[resource.resourceType] = (resources[resource.resourceType] ?? 0) + 1;
    return createEvent({
      type: PATIENT_EXPORTED_V1,
      source: '/carechain/audit',
      subject: state.patientId,
      actor: state.requestedBy.subject,
      actororg: state.requestedBy.organisation,
      time: at,
      data: { exportId: state.exportId, patientId: state.patientId, requestedBy: state.requestedBy, resources },
    });
  }

  /** The patient's whole trail as BALP AuditEvents: what GET /patients/:id/access-report tells in words. */
  private async auditEvents(patientId: string): Promise<AuditEventResource[]> {
    const events: AuditEventResource[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.trail.page({ kind: 'patient', patientId }, { limit: TRAIL_PAGE, ...(cursor !== undefined && { cursor }) });
      for (const entry of page.entries) {
        const event = toAuditEvent(entry);
        if (event !== undefined) events.push(event);
      }
      cursor = page.next ?? undefined;
    } while (cursor !== undefined);
    return events;
  }

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }
}
