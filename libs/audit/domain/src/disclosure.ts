// One line of an accounting of disclosures (HIPAA 45 CFR 164.528, with HITECH's
// extension to treatment, payment and operations through an electronic record):
// when, to whom, what, why and on which basis, and where its proof is. Built from the
// PHI-free audit entry alone.
import { ACCESS_DECIDED_V1, CLAIM_SUBMITTED_V1, RECORD_SHARED_V1 } from '@carechain/contracts';
import type { RecordKind } from './audit-trail.projection';
import type { AnchoredAuditEntry } from './audit-trail.store.port';

export type DisclosureBasis =
  | { readonly kind: 'grant'; readonly grantId: string | null }
  | { readonly kind: 'break-glass'; readonly reason: string | null }
  /** A claim sent to a payer discloses what it bills for, for payment; a payer's later reads of those records name the claim. */
  | { readonly kind: 'claim'; readonly claimId: string | null };

export interface Disclosure {
  readonly eventId: string;
  readonly date: string;
  /** read: the recipient read records itself; share: the records were sent to it; claim: a claim for payment was sent to it. */
  readonly kind: 'read' | 'share' | 'claim';
  readonly recipient: { readonly organisation: string; readonly practitioner: string | null };
  readonly categories: readonly string[];
  /** A claim's: the FHIR resource types of the records it bills for, where audit saw them written. */
  readonly resourceTypes?: readonly string[];
  /** How many records a read disclosed (a share discloses one). */
  readonly records: number;
  readonly purpose: string;
  readonly basis: DisclosureBasis;
  /** The event's ledger receipt, and where it was anchored once it is. */
  readonly proof: string;
  readonly anchored: AnchoredAuditEntry['anchored'];
}

export function proofPath(eventId: string): string {
  return `/audit/events/${encodeURIComponent(eventId)}/proof`;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const list = (v: unknown): readonly string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A claim's disclosure with what it disclosed: the categories and resource types of the records it bills for, where known. */
export function withRecordKinds(disclosure: Disclosure, entry: AnchoredAuditEntry, kinds: ReadonlyMap<string, RecordKind>): Disclosure {
  if (disclosure.kind !== 'claim') return disclosure;
  const known = list(entry.details?.['recordIds']).flatMap((id) => {
    const kind = kinds.get(id);
    return kind ? [kind] : [];
  });
  return { ...disclosure, categories: unique(known.map((k) => k.category)), resourceTypes: unique(known.map((k) => k.resourceType)) };
}

/** The record ids a claim entry bills for (to look their kinds up). */
export function billedRecordIds(entry: AnchoredAuditEntry): readonly string[] {
  return entry.type === CLAIM_SUBMITTED_V1 ? list(entry.details?.['recordIds']) : [];
}

const unique = (xs: readonly string[]): readonly string[] => [...new Set(xs)].sort();

/** The disclosure an entry of the disclosures index records, or undefined for any other entry. */
export function toDisclosure(entry: AnchoredAuditEntry): Disclosure | undefined {
  const d = entry.details ?? {};
  const common = { eventId: entry.eventId, date: entry.time, proof: proofPath(entry.eventId), anchored: entry.anchored };
  if (entry.type === ACCESS_DECIDED_V1 && entry.actorOrganisation) {
    const basis: DisclosureBasis =
      d['breakGlass'] === true || d['basis'] === 'break-glass'
        ? { kind: 'break-glass', reason: str(d['breakGlassReason']) }
        : d['basis'] === 'claim'
          ? { kind: 'claim', claimId: str(d['claimId']) }
          : { kind: 'grant', grantId: str(d['grantId']) };
    return {
      ...common,
      kind: 'read',
      recipient: { organisation: entry.actorOrganisation, practitioner: entry.actor },
      categories: list(d['categories']),
      records: typeof d['records'] === 'number' ? d['records'] : 0,
      purpose: str(d['purpose']) ?? 'unknown',
      basis,
    };
  }
  if (entry.type === RECORD_SHARED_V1 && typeof d['sharedWith'] === 'string') {
    return {
      ...common,
      kind: 'share',
      recipient: { organisation: d['sharedWith'], practitioner: null },
      categories: list([d['category']]),
      records: 1,
      purpose: str(d['purpose']) ?? 'unknown',
      basis: { kind: 'grant', grantId: str(d['grantId']) },
    };
  }
  if (entry.type === CLAIM_SUBMITTED_V1 && typeof d['insurer'] === 'string') {
    return {
      ...common,
      kind: 'claim',
      recipient: { organisation: d['insurer'], practitioner: null },
      categories: [],
      records: typeof d['records'] === 'number' ? d['records'] : 0,
      purpose: 'HPAYMT',
      basis: { kind: 'claim', claimId: str(d['claimId']) },
    };
  }
  return undefined;
}
