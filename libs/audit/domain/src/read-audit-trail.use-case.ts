// Reading the audit trail: a patient's (scoped by AuditOversight), one staff member's
// (an investigation by their own organisation's privacy officer), and one event's proof.
import { isPermitted, type Caller } from '@carechain/auth';
import { AuditAccessError } from './audit-access.error';
import { AuditOversight } from './audit-oversight';
import type { AuditEntry } from './audit-trail.projection';
import type { AuditTrailStore, TrailPage, TrailQuery } from './audit-trail.store.port';
import type { StoredReceipt } from './receipt.projection';

const TRAIL_REFUSAL =
  "a patient reads their own audit trail; auditors and privacy officers read their custodian's patients' trails and their own organisation's accesses";

export class ReadAuditTrailUseCase {
  constructor(
    private readonly store: AuditTrailStore,
    private readonly oversight: AuditOversight,
  ) {}

  /** A patient's trail, oldest first: whole, or for another organisation's oversight what that organisation did (its own index, so pages stay full). */
  async forPatient(patientId: string, caller: Caller, query: TrailQuery): Promise<TrailPage> {
    const scope = this.oversight.scope(patientId, caller, 'audit.trail.read', TRAIL_REFUSAL);
    return scope === 'whole'
      ? this.store.page({ kind: 'patient', patientId }, query)
      : this.store.page({ kind: 'patient-organisation', patientId, organisation: caller.organisation }, query);
  }

  /**
   * Everything one user did, to any patient: the snooping investigation. A privacy
   * officer investigates the staff of their own organisation only, so the actor is
   * looked up under the caller's organisation; another organisation's staff of the
   * same id stay out of reach.
   */
  async forActor(actor: string, caller: Caller, query: TrailQuery): Promise<TrailPage> {
    if (caller.roles.includes('patient') || !isPermitted('audit.actor.read', caller.roles, 'other')) {
      throw new AuditAccessError('forbidden', "a privacy officer investigates their own organisation's staff");
    }
    return this.store.page({ kind: 'actor', organisation: caller.organisation, actor }, query);
  }

  async proof(eventId: string, caller: Caller): Promise<{ eventId: string; commitment: string } & StoredReceipt> {
    const [entry, stored] = await Promise.all([this.store.get(eventId), this.store.receipt(eventId)]);
    if (!entry || !stored) throw new AuditAccessError('receipt-not-found', `no receipt for event ${eventId}`);
    if (!this.mayRead(entry, caller)) throw new AuditAccessError('forbidden', 'the event is not in a part of the audit trail the caller may read');
    return { eventId, commitment: stored.receipt.commitment, ...stored };
  }

  private mayRead(entry: AuditEntry, caller: Caller): boolean {
    if (entry.subject === null) return !caller.roles.includes('patient') && entry.actorOrganisation === caller.organisation;
    try {
      const scope = this.oversight.scope(entry.subject, caller, 'audit.proof.read', TRAIL_REFUSAL);
      return scope === 'whole' || entry.actorOrganisation === caller.organisation;
    } catch (err) {
      if (err instanceof AuditAccessError) return false;
      throw err;
    }
  }
}
