// The real DocumentingRecords: every record's latest version, replayed from
// records.record.v1 into memory in each claims instance (as records and consent
// keep their replicas), sealed as records published it. A record is opened with
// the patient's key only when a claim item names it, and only its codes and date
// are kept from it, for the moment of the check.
import { isEventOf, PATIENT_ERASED_V1, RECORD_WRITTEN_V1, type SealedPayload } from '@carechain/contracts';
import { openJson } from '@carechain/crypto';
import type { ReplicatedRecord, TopicReplicaHandler } from '@carechain/messaging';
import { recordContext } from '@carechain/records-domain';
import type { ClaimVault } from './claim-vault';
import type { DocumentingRecord, DocumentingRecords } from './documenting-records.port';

interface Entry {
  readonly eventId: string;
  readonly patientId: string;
  readonly author: string;
  readonly resourceType: string;
  readonly version: number;
  readonly resource: SealedPayload;
}

type Coded = { coding?: { code?: string }[] } | undefined;
type Resource = Record<string, unknown>;

const codesOf = (...concepts: Coded[]) => concepts.flatMap((c) => (c?.coding ?? []).flatMap((coding) => (coding.code === undefined ? [] : [coding.code])));

const dayOf = (...candidates: unknown[]) => {
  const first = candidates.find((c): c is string => typeof c === 'string');
  return first?.slice(0, 10);
};

const startOf = (period: unknown) => (period as { start?: string } | undefined)?.start;

/** The main concept's codes and the care's day, per resource type a claim can bill for. */
function describe(resourceType: string, r: Resource): Pick<DocumentingRecord, 'codes' | 'date'> {
  switch (resourceType) {
    case 'Encounter':
      return { codes: codesOf(...((r['type'] as Coded[] | undefined) ?? []), r['serviceType'] as Coded), date: dayOf(startOf(r['period'])) };
    case 'Observation':
      return { codes: codesOf(r['code'] as Coded), date: dayOf(r['effectiveDateTime'], startOf(r['effectivePeriod']), r['effectiveInstant'], r['issued']) };
    case 'ChargeItem':
      return { codes: codesOf(r['code'] as Coded), date: dayOf(r['occurrenceDateTime'], startOf(r['occurrencePeriod']), r['enteredDate']) };
    default:
      return { codes: [] };
  }
}

/** What the replica applies: every other event on its topics is passed over by its type header, unparsed. */
export const DOCUMENTING_RECORD_EVENTS = [RECORD_WRITTEN_V1, PATIENT_ERASED_V1] as const;

export class RecordsReplica implements TopicReplicaHandler, DocumentingRecords {
  private readonly records = new Map<string, Entry>();

  constructor(private readonly vault: Pick<ClaimVault, 'key'>) {}

  apply({ event }: ReplicatedRecord): void {
    if (event === null || !isEventOf(DOCUMENTING_RECORD_EVENTS, event)) return;
    if (event.type === RECORD_WRITTEN_V1) {
      const { recordId, patientId, author, resourceType, version, resource } = event.data;
      const known = this.records.get(recordId);
      if (known === undefined || known.version < version)
        this.records.set(recordId, { eventId: event.id, patientId, author: author.organisation, resourceType, version, resource });
    } else if (event.type === PATIENT_ERASED_V1) {
      const erased = new Set([event.data.patientId, ...event.data.alsoErased]);
      for (const [recordId, entry] of this.records) if (erased.has(entry.patientId)) this.records.delete(recordId);
    }
  }

  async find(recordId: string): Promise<DocumentingRecord | undefined> {
    const entry = this.records.get(recordId);
    if (entry === undefined) return undefined;
    const key = await this.vault.key(entry.patientId, entry.resource.keyVersion);
    const resource = openJson<Resource>(key, entry.resource, recordContext(entry.patientId, recordId, entry.version));
    return {
      recordId,
      eventId: entry.eventId,
      patientId: entry.patientId,
      author: entry.author,
      resourceType: entry.resourceType,
      ...describe(entry.resourceType, resource),
    };
  }
}
