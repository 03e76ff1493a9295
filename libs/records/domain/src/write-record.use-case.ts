// Writing a record: a new one under a patient (version 1) or an amendment (the
// next version; earlier ones stay). The resource is validated as FHIR R4, must be
// about the patient it is filed under, and the writer's organisation must be
// permitted by consent to treat that category. The stored resource carries the
// server's id and meta, is sealed under the patient's current key, and leaves as
// RecordWritten; the answer waits for Kafka's acknowledgement and then, briefly,
// for the read model to apply the position Kafka gave it.
import { createEvent, RECORD_WRITTEN_V1, Topics, type RecordCategory } from '@carechain/contracts';
import type { RegisteredPatient } from '@carechain/patient-registry';
import { subjectReferenceOf, validateResource, withMeta, type FhirResource, type SupportedResourceType } from '@carechain/records-fhir';
import { recordsKit, type RecordsDeps, type RecordsKit } from './records.deps';
import { recordNotFound, RecordsError, RecordsErrorCode } from './records.error';
import { KeyedMutex } from '@carechain/concurrency';
import type { Requester } from './requester';
import { RECORDS_SOURCE } from './records-topology';

export interface WrittenRecord {
  readonly recordId: string;
  readonly patientId: string;
  readonly version: number;
  readonly eventId: string;
  readonly lastUpdated: string;
}

interface Valid {
  readonly resource: FhirResource;
  readonly resourceType: SupportedResourceType;
  readonly category: RecordCategory;
}

export class WriteRecordUseCase {
  private readonly kit: RecordsKit;
  /** Amendments of one record, one at a time in this instance, so two cannot both become version n+1 (across instances the read model keeps the later of two equal versions). */
  private readonly lock = new KeyedMutex();

  constructor(deps: RecordsDeps) {
    this.kit = recordsKit(deps);
  }

  /** A new record of the patient, from `body` (a FHIR resource as parsed JSON). */
  async create(patientId: string, body: unknown, author: Requester): Promise<WrittenRecord> {
    const valid = validated(body);
    assertSubject(valid.resource, patientId);
    const patient = await this.kit.lookup.forWrite(patientId);
    this.assertMayWrite(patient, author, valid.category);
    return this.write(patientId, this.kit.newId(), 1, valid, author);
  }

  /**
   * The next version of a record. `expectedVersion` (from If-Match) must be the
   * latest when given. Consent is checked before the resource is compared with the
   * record, so a caller without access learns nothing about it.
   */
  async amend(recordId: string, body: unknown, author: Requester, expectedVersion?: number): Promise<WrittenRecord> {
    const valid = validated(body);
    const patientId = await this.kit.store.patientOf(recordId);
    if (patientId === undefined) throw recordNotFound(recordId);
    const patient = await this.kit.lookup.forWrite(patientId);
    return this.lock.run(recordId, async () => {
      const latest = await this.kit.store.latest(patientId, recordId);
      if (latest === undefined) throw recordNotFound(recordId);
      this.assertMayWrite(patient, author, latest.category);
      assertSubject(valid.resource, patientId);
      if (valid.resourceType !== latest.resourceType) {
        throw new RecordsError(
          RecordsErrorCode.ResourceTypeChanged,
          `record ${recordId} is a ${latest.resourceType}; an amendment cannot make it a ${valid.resourceType}`,
        );
      }
      if (expectedVersion !== undefined && expectedVersion !== latest.version) {
        throw new RecordsError(RecordsErrorCode.VersionConflict, `record ${recordId} is at version ${latest.version}, not ${expectedVersion}`);
      }
      return this.write(patientId, recordId, latest.version + 1, valid, author);
    });
  }

  private assertMayWrite(patient: RegisteredPatient, author: Requester, category: RecordCategory): void {
    const decision = this.kit.gate.decide(patient, author, [category], 'TREAT');
    if (decision.effect === 'deny') {
      throw new RecordsError(RecordsErrorCode.AccessDenied, `${decision.message} (${category}, TREAT)`, { denyReason: decision.reason });
    }
  }

  private async write(patientId: string, recordId: string, version: number, valid: Valid, author: Requester): Promise<WrittenRecord> {
    const now = this.kit.now();
    const resource = withMeta(valid.resource, { id: recordId, versionId: String(version), lastUpdated: now });
    const sealed = await this.kit.vault.seal(patientId, recordId, version, resource);
    const event = createEvent({
      type: RECORD_WRITTEN_V1,
      source: RECORDS_SOURCE,
      subject: patientId,
      actor: author.subject,
      actororg: author.organisation,
      time: now,
      data: {
        recordId,
        patientId,
        version,
        category: valid.category,
        resourceType: valid.resourceType,
        author: { subject: author.subject, organisation: author.organisation },
        resource: sealed,
      },
    });
    const written = await this.kit.publisher.publish(Topics.recordsRecord, event, { key: patientId });
    await this.kit.progress.readModel.caughtUpTo([written], this.kit.timing.visibleWaitMs);
    return { recordId, patientId, version, eventId: event.id, lastUpdated: event.time };
  }
}

function validated(body: unknown): Valid {
  const result = validateResource(body);
  if (!result.ok)
    throw new RecordsError(RecordsErrorCode.InvalidResource, `not a valid FHIR R4 resource carechain stores (${result.issues.length} issues)`, {
      issues: result.issues,
    });
  return result;
}

function assertSubject(resource: FhirResource, patientId: string): void {
  const expected = `Patient/${patientId}`;
  const actual = subjectReferenceOf(resource);
  if (actual !== expected) {
    // The reference written is not echoed: it may name another patient.
    throw new RecordsError(RecordsErrorCode.SubjectMismatch, `the ${resource.resourceType}'s patient reference must be ${expected}`);
  }
}
