// Who may read which part of a patient's audit trail. The patient reads their own;
// an auditor or privacy officer of the patient's custodian (the survivor's, after a
// merge) oversees the custodian's patients and reads their whole trail; oversight of
// any other organisation reads what its own organisation did to the patient (its
// accesses to others' patients), nothing else. Another patient reads nothing.
import { isPermitted, relationshipOf, type Caller, type Relationship } from '@carechain/auth';
import type { PatientRegistry } from '@carechain/patient-registry';
import type { AnchoredAuditEntry, AuditTrailReader } from './audit-trail.reader';
import type { AuditEntry } from './audit-trail.projection';
import type { StoredReceipt } from './receipt.projection';

export class AuditAccessError extends Error {
  constructor(
    readonly code: 'forbidden' | 'receipt-not-found',
    message: string,
  ) {
    super(message);
    this.name = 'AuditAccessError';
  }
}

export class ReadAuditTrailUseCase {
  constructor(
    private readonly trail: AuditTrailReader,
    private readonly registry: PatientRegistry,
  ) {}

  async forPatient(patientId: string, caller: Caller, limit: number): Promise<AnchoredAuditEntry[]> {
    const scope = this.scope(patientId, caller, 'audit.trail.read');
    const entries = await this.trail.forPatient(patientId, limit);
    return scope === 'whole' ? entries : entries.filter((e) => e.actorOrganisation === caller.organisation);
  }

  async proof(eventId: string, caller: Caller): Promise<{ eventId: string; commitment: string } & StoredReceipt> {
    const [entry, stored] = await Promise.all([this.trail.get(eventId), this.trail.receipt(eventId)]);
    if (!entry || !stored) throw new AuditAccessError('receipt-not-found', `no receipt for event ${eventId}`);
    if (!this.mayRead(entry, caller)) throw new AuditAccessError('forbidden', 'the event is not in a part of the audit trail the caller may read');
    return { eventId, commitment: stored.receipt.commitment, ...stored };
  }

  private mayRead(entry: AuditEntry, caller: Caller): boolean {
    if (entry.subject === null) return !caller.roles.includes('patient') && entry.actorOrganisation === caller.organisation;
    try {
      const scope = this.scope(entry.subject, caller, 'audit.proof.read');
      return scope === 'whole' || entry.actorOrganisation === caller.organisation;
    } catch (err) {
      if (err instanceof AuditAccessError) return false;
      throw err;
    }
  }

  /** whole: the patient, or oversight of their custodian; own-organisation: another organisation's oversight. */
  private scope(patientId: string, caller: Caller, operation: 'audit.trail.read' | 'audit.proof.read'): 'whole' | 'own-organisation' {
    const relationship = this.relationship(patientId, caller);
    if (!isPermitted(operation, caller.roles, relationship)) throw new AuditAccessError('forbidden', "a patient reads their own audit trail; auditors and privacy officers read their custodian's patients' trails and their own organisation's accesses");
    return relationship === 'self' || relationship === 'custodian' ? 'whole' : 'own-organisation';
  }

  private relationship(patientId: string, caller: Caller): Relationship {
    const survivor = this.registry.resolve(patientId);
    if (survivor === undefined) return relationshipOf(caller, { patientId, custodian: '' });
    return relationshipOf(caller, { patientId: survivor.patientId, custodian: survivor.custodian, aliases: [patientId, ...this.registry.mergedInto(survivor.patientId)] });
  }
}
