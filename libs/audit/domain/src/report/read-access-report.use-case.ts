// A patient's access report: their own, or on their request by the custodian's
// privacy officer. The whole trail in plain words, a page at a time.
import type { Caller } from '@carechain/auth';
import { AuditOversight } from '../audit-oversight';
import type { AuditTrailStore, TrailQuery } from '../audit-trail.store.port';
import { toReportLine, type AccessReportLine } from './access-report-line';

export interface AccessReport {
  readonly patient: string;
  readonly generatedAt: string;
  readonly lines: readonly AccessReportLine[];
  readonly next: string | null;
}

export class ReadAccessReportUseCase {
  constructor(
    private readonly store: AuditTrailStore,
    private readonly oversight: AuditOversight,
    private readonly now: () => Date,
  ) {}

  async forPatient(patientId: string, caller: Caller, query: TrailQuery): Promise<AccessReport> {
    this.oversight.scope(
      patientId,
      caller,
      'audit.access-report.read',
      "an access report is the patient's own, or their custodian's privacy officer's on their request",
    );
    const page = await this.store.page({ kind: 'patient', patientId }, query);
    return { patient: patientId, generatedAt: this.now().toISOString(), lines: page.entries.flatMap((e) => toReportLine(e) ?? []), next: page.next };
  }
}
