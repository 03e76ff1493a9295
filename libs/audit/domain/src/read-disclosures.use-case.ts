// A patient's accounting of disclosures: for the patient, and for the custodian's
// auditors and privacy officers. Only disclosures outside the custodian count: the
// recipient is compared with the custodian of now (after a merge, the survivor's).
import type { Caller } from '@carechain/auth';
import { AuditOversight } from './audit-oversight';
import type { AuditTrailStore, TrailQuery } from './audit-trail.store.port';
import { billedRecordIds, toDisclosure, withRecordKinds, type Disclosure } from './disclosure';

export interface DisclosurePolicy {
  /** How far back an accounting reaches when no `from` is given (HIPAA: six years). */
  readonly years: number;
  readonly now: () => Date;
}

export interface DisclosurePage {
  readonly patient: string;
  readonly from: string;
  readonly to: string | null;
  readonly disclosures: readonly Disclosure[];
  readonly next: string | null;
}

export class ReadDisclosuresUseCase {
  constructor(
    private readonly store: AuditTrailStore,
    private readonly oversight: AuditOversight,
    private readonly policy: DisclosurePolicy,
  ) {}

  async forPatient(patientId: string, caller: Caller, query: TrailQuery): Promise<DisclosurePage> {
    this.oversight.scope(
      patientId,
      caller,
      'audit.disclosures.read',
      "a patient's accounting of disclosures is for the patient and their custodian's auditors and privacy officers",
    );
    const from = query.from ?? this.defaultFrom();
    const page = await this.store.page({ kind: 'disclosures', patientId }, { ...query, from });
    const custodian = this.oversight.custodianOf(patientId);
    // One MGET for the kinds of every record the page's claims bill for.
    const kinds = await this.store.recordKinds(page.entries.flatMap(billedRecordIds));
    const disclosures = page.entries.flatMap((e) => {
      const d = toDisclosure(e);
      return d && d.recipient.organisation !== custodian ? [withRecordKinds(d, e, kinds)] : [];
    });
    return {
      patient: patientId,
      from: new Date(from).toISOString(),
      to: query.to === undefined ? null : new Date(query.to).toISOString(),
      disclosures,
      next: page.next,
    };
  }

  private defaultFrom(): number {
    const start = this.policy.now();
    start.setUTCFullYear(start.getUTCFullYear() - this.policy.years);
    return start.getTime();
  }
}
