// The grants of every patient, in memory, fed by the consent events (granted, revoked,
// expired, patient erased). records keeps one to decide each read without a network
// hop; consent keeps one to serve POST /decisions and to find grants due for expiry.
//
// Delivery is at least once and a restart replays the topic, so every operation is
// idempotent: re-applying a grant, revocation or expiry changes nothing, and an ended
// grant never becomes active again. Events of one patient are ordered (the Kafka key
// is the patientId), but a revocation or expiry is not trusted to follow its grant:
// one for a grant not seen yet is kept and applied when the grant arrives, so a grant
// delivered late stays revoked. Those early endings are keyed by grantId alone (the
// events carry no more), so forget() cannot drop them; they only arise from
// out-of-order delivery and hold two short strings each.
//
// Stored grants are deeply frozen copies carrying their compiled form (storedGrant),
// and a patient's list is replaced, never mutated, on each change: forPatient() hands
// out the list itself, with no copy on the read path.
import type { Grant, GrantStatus } from './grant';
import { compileGrant, storedGrant } from './compiled-grant';
import { ConsentDecisionError, ConsentDecisionErrorCode } from './consent-decision.error';
import { type ExpiryEntry, ExpiryQueue } from './expiry-queue';
import { parseInstant } from './instant';

type Ending = { readonly status: Exclude<GrantStatus, 'active'>; readonly at: string };

const NO_GRANTS: readonly Grant[] = Object.freeze([]);

// Stale heap entries (of grants revoked, expired or forgotten before their end) are
// rebuilt away once they outnumber the live ones; the slack keeps a small book from
// rebuilding on every other revocation.
const REBUILD_SLACK = 1024;

export class GrantBook {
  private readonly byId = new Map<string, Grant>();
  private readonly byPatient = new Map<string, readonly Grant[]>();
  private readonly endedEarly = new Map<string, Ending>();
  private readonly expiries = new ExpiryQueue();
  /** Active grants with a validUntil: the heap entries that are not stale. */
  private liveExpiries = 0;

  /** Number of grants held, ended ones included. */
  get size(): number {
    return this.byId.size;
  }

  /**
   * Adds a grant (from a granted event, or a snapshot: an ended grant is stored as
   * ended). Returns whether the book changed. Throws ConsentDecisionError
   * INVALID_GRANT / INVALID_TIMESTAMP on a malformed grant, and GRANT_CONFLICT when a
   * different grant is already held under the same grantId.
   */
  grant(grant: Grant): boolean {
    assertStorable(grant);
    const existing = this.byId.get(grant.grantId);
    if (existing !== undefined) {
      if (!sameTerms(existing, grant)) {
        throw new ConsentDecisionError(ConsentDecisionErrorCode.GrantConflict, `grant ${grant.grantId} is already held with other terms`);
      }
      if (existing.status !== 'active' || grant.status === 'active') return false;
      return this.end(grant.grantId, { status: grant.status, at: endedAt(grant) });
    }
    const early = this.endedEarly.get(grant.grantId);
    this.endedEarly.delete(grant.grantId);
    const value = early !== undefined && grant.status === 'active' ? ended(grant, early) : storedGrant(grant);
    this.byId.set(value.grantId, value);
    this.byPatient.set(value.patientId, Object.freeze([...this.forPatient(value.patientId), value]));
    if (value.status === 'active' && value.validUntil !== undefined) {
      this.expiries.push({ dueMs: compileGrant(value).untilMs, grantId: value.grantId });
      this.liveExpiries++;
    }
    return true;
  }

  /** Records a revocation at `at` (ISO instant). Returns whether the book changed. */
  revoke(grantId: string, at: string): boolean {
    parseInstant(at, `revocation of ${grantId} at`);
    return this.end(grantId, { status: 'revoked', at });
  }

  /** Records an expiry at `at` (ISO instant). Returns whether the book changed. */
  expire(grantId: string, at: string): boolean {
    parseInstant(at, `expiry of ${grantId} at`);
    return this.end(grantId, { status: 'expired', at });
  }

  /** Drops every grant of the patient (erasure). Returns whether the book changed. */
  forget(patientId: string): boolean {
    const grants = this.byPatient.get(patientId);
    if (grants === undefined) return false;
    for (const grant of grants) {
      this.byId.delete(grant.grantId);
      if (grant.status === 'active' && grant.validUntil !== undefined) this.liveExpiries--;
    }
    this.byPatient.delete(patientId);
    this.compactExpiries();
    return true;
  }

  get(grantId: string): Grant | undefined {
    return this.byId.get(grantId);
  }

  /** The patient's grants in arrival order, ended ones included; frozen, never mutated later. */
  forPatient(patientId: string): readonly Grant[] {
    return this.byPatient.get(patientId) ?? NO_GRANTS;
  }

  /**
   * Active grants whose validUntil ≤ now, earliest first (then by grantId). They stay
   * active until expire() is called for them: a caller that fails to publish the
   * expiry events finds them again next time.
   */
  dueForExpiry(now: Date): Grant[] {
    const nowMs = now.getTime();
    while (this.expiries.length > 0 && !this.isLive(this.expiries.peek()!)) this.expiries.pop();
    const seen = new Set<string>();
    const due: Grant[] = [];
    for (const entry of this.expiries.due(nowMs)) {
      // A grant forgotten then granted again has two identical entries.
      if (!this.isLive(entry) || seen.has(entry.grantId)) continue;
      seen.add(entry.grantId);
      due.push(this.byId.get(entry.grantId)!);
    }
    return due;
  }

  private end(grantId: string, ending: Ending): boolean {
    const existing = this.byId.get(grantId);
    if (existing === undefined) {
      // The first ending wins, as it does for a grant already held.
      if (this.endedEarly.has(grantId)) return false;
      this.endedEarly.set(grantId, ending);
      return true;
    }
    if (existing.status !== 'active') return false;
    const value = ended(existing, ending);
    this.byId.set(grantId, value);
    this.byPatient.set(value.patientId, Object.freeze(this.forPatient(value.patientId).map((g) => (g.grantId === grantId ? value : g))));
    if (existing.validUntil !== undefined) {
      this.liveExpiries--;
      this.compactExpiries();
    }
    return true;
  }

  private isLive(entry: ExpiryEntry): boolean {
    const grant = this.byId.get(entry.grantId);
    return grant !== undefined && grant.status === 'active' && grant.validUntil !== undefined && compileGrant(grant).untilMs === entry.dueMs;
  }

  private compactExpiries(): void {
    if (this.expiries.length <= 2 * this.liveExpiries + REBUILD_SLACK) return;
    const live: ExpiryEntry[] = [];
    for (const grant of this.byId.values()) {
      if (grant.status === 'active' && grant.validUntil !== undefined) live.push({ dueMs: compileGrant(grant).untilMs, grantId: grant.grantId });
    }
    this.expiries.rebuild(live);
  }
}

function ended(grant: Grant, ending: Ending): Grant {
  return storedGrant(grant, ending.status === 'revoked' ? { status: 'revoked', revokedAt: ending.at } : { status: 'expired', expiredAt: ending.at });
}

// assertStorable has made sure an ended grant carries the instant it ended at.
function endedAt(grant: Grant): string {
  return (grant.status === 'revoked' ? grant.revokedAt : grant.expiredAt)!;
}

// Beyond what decide() needs (compileGrant): the provenance and instants a stored
// grant is compared and reported with.
function assertStorable(grant: Grant): void {
  compileGrant(grant);
  const by = grant.grantedBy;
  if (
    typeof by !== 'object' ||
    by === null ||
    !['patient', 'delegate', 'custodian'].includes(by.kind) ||
    typeof by.subject !== 'string' ||
    typeof by.signed !== 'boolean'
  ) {
    throw new ConsentDecisionError(
      ConsentDecisionErrorCode.InvalidGrant,
      `grant ${grant.grantId}: grantedBy needs a kind (patient, delegate or custodian), a subject and signed`,
    );
  }
  parseInstant(grant.grantedAt, `grant ${grant.grantId} grantedAt`);
  if (grant.status === 'revoked' || grant.revokedAt !== undefined) parseInstant(grant.revokedAt ?? '', `grant ${grant.grantId} revokedAt`);
  if (grant.status === 'expired' || grant.expiredAt !== undefined) parseInstant(grant.expiredAt ?? '', `grant ${grant.grantId} expiredAt`);
}

// The terms a grant was given with; its status and end instants are state, not terms.
function sameTerms(a: Grant, b: Grant): boolean {
  const ca = compileGrant(a);
  const cb = compileGrant(b);
  return (
    a.patientId === b.patientId &&
    a.grantee.organisation === b.grantee.organisation &&
    a.grantee.practitioner === b.grantee.practitioner &&
    ca.categoryMask === cb.categoryMask &&
    ca.purposeMask === cb.purposeMask &&
    ca.fromMs === cb.fromMs &&
    ca.untilMs === cb.untilMs &&
    a.grantedAt === b.grantedAt &&
    a.grantedBy.kind === b.grantedBy.kind &&
    a.grantedBy.subject === b.grantedBy.subject &&
    a.grantedBy.signed === b.grantedBy.signed
  );
}
