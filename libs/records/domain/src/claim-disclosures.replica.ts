// What claims disclose to payers, from claims.claim.v1: a submitted claim discloses
// the records it bills for (its documenting records) to the insurer it is addressed
// to, for payment, until it is cancelled. records keeps this replica so that a
// payer's read of such a record is decided in process, like every other read (basis
// claim), and nothing else of the patient opens to the payer. Ids only.
import { CLAIM_CANCELLED_V1, CLAIM_SUBMITTED_V1, isEventOf, PATIENT_ERASED_V1, type AnyEvent } from '@carechain/contracts';

interface Disclosure {
  readonly patientId: string;
  readonly insurer: string;
  readonly recordIds: ReadonlySet<string>;
}

/** What the replica applies: every other event on its topics is passed over by its type header, unparsed. */
export const CLAIM_DISCLOSURE_EVENTS = [CLAIM_SUBMITTED_V1, CLAIM_CANCELLED_V1, PATIENT_ERASED_V1] as const;

export class ClaimDisclosuresReplica {
  private readonly claims = new Map<string, Disclosure>();
  /** patient id → claim ids, so an erasure forgets them without a scan. */
  private readonly byPatient = new Map<string, Set<string>>();
  private readonly erased = new Set<string>();

  apply(record: { readonly event: AnyEvent | null }): void {
    const event = record.event;
    if (event === null || !isEventOf(CLAIM_DISCLOSURE_EVENTS, event)) return;
    switch (event.type) {
      case CLAIM_SUBMITTED_V1: {
        const d = event.data;
        if (this.erased.has(d.patientId)) return;
        this.claims.set(d.claimId, { patientId: d.patientId, insurer: d.insurer, recordIds: new Set(d.documentingRecordIds) });
        this.byPatient.set(d.patientId, (this.byPatient.get(d.patientId) ?? new Set()).add(d.claimId));
        return;
      }
      case CLAIM_CANCELLED_V1:
        this.claims.delete(event.data.claimId);
        this.byPatient.get(event.data.patientId)?.delete(event.data.claimId);
        return;
      case PATIENT_ERASED_V1:
        for (const id of [event.data.patientId, ...event.data.alsoErased]) {
          this.erased.add(id);
          for (const claimId of this.byPatient.get(id) ?? []) this.claims.delete(claimId);
          this.byPatient.delete(id);
        }
        return;
      default:
        return;
    }
  }

  /** Claims of these patients addressed to `organisation` that bill for `recordId`, oldest first. */
  disclosing(patientIds: readonly string[], organisation: string, recordId: string): string[] {
    const found: string[] = [];
    for (const patientId of patientIds) {
      for (const claimId of this.byPatient.get(patientId) ?? []) {
        const claim = this.claims.get(claimId);
        if (claim !== undefined && claim.insurer === organisation && claim.recordIds.has(recordId)) found.push(claimId);
      }
    }
    return found;
  }
}
