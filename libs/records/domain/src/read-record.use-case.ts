// Reading one record (its latest version, or its whole history): decided by
// consent for the record's category and the stated purpose, break-glass
// included, and recorded as AccessDecided, permitted or denied, before the
// answer. Decryption happens in memory, before the access is recorded, so a read
// that fails for want of a key discloses nothing and is not counted as one.
import type { FhirResource } from '@carechain/records-fhir';
import { erasedOutcome, outcomesOf } from './access-log';
import { recordsKit, type RecordsDeps, type RecordsKit } from './records.deps';
import { patientErased, recordNotFound, RecordsError, RecordsErrorCode } from './records.error';
import type { ReadRequest } from './requester';
import type { StoredVersion } from './stored-version';

export interface OpenedVersion {
  readonly stored: StoredVersion;
  readonly resource: FhirResource;
}

export class ReadRecordUseCase {
  private readonly kit: RecordsKit;

  constructor(deps: RecordsDeps) {
    this.kit = recordsKit(deps);
  }

  /** The latest version, decrypted. */
  async latest(recordId: string, read: ReadRequest): Promise<OpenedVersion & { readonly accessEventIds: readonly string[] }> {
    const { versions, accessEventIds } = await this.read(recordId, read, false);
    return { ...versions[versions.length - 1], accessEventIds };
  }

  /** Every version, oldest first, decrypted. */
  async history(recordId: string, read: ReadRequest): Promise<{ readonly versions: readonly OpenedVersion[]; readonly accessEventIds: readonly string[] }> {
    return this.read(recordId, read, true);
  }

  private async read(recordId: string, read: ReadRequest, wholeHistory: boolean) {
    const patientId = await this.kit.store.patientOf(recordId);
    if (patientId === undefined) throw recordNotFound(recordId);
    const patient = await this.kit.lookup.find(patientId);
    if (patient.erased) {
      // Its category went with its content; the attempt is recorded all the same.
      await this.kit.access.record(patientId, 'read', read, [erasedOutcome([])]);
      throw patientErased(patientId);
    }
    const stored = wholeHistory
      ? await this.kit.store.history(patientId, recordId)
      : [await this.kit.store.latest(patientId, recordId)].filter((v) => v !== undefined);
    if (stored.length === 0) throw recordNotFound(recordId);
    const { category } = stored[stored.length - 1];
    // After a merge the survivor's custodian and grants govern the merged patient's records.
    const survivor = this.kit.lookup.survivorOf(patient);
    // A payer reads for payment what a claim addressed to it bills for: this record, nothing else.
    const claimIds =
      read.purpose === 'HPAYMT' ? this.kit.claims.disclosing(this.kit.lookup.group(survivor.patientId), read.requester.organisation, recordId) : [];
    const decision = this.kit.gate.decide(survivor, read.requester, [category], read.purpose, read.breakGlassReason, claimIds);
    if (decision.effect === 'deny') {
      await this.kit.access.record(patientId, 'read', read, outcomesOf(decision, []));
      throw new RecordsError(RecordsErrorCode.AccessDenied, `${decision.message} (${category}, ${read.purpose})`, { denyReason: decision.reason });
    }
    const versions = await Promise.all(stored.map(async (s) => ({ stored: s, resource: await this.kit.vault.open(s) })));
    const accessEventIds = await this.kit.access.record(patientId, 'read', read, outcomesOf(decision, [recordId]));
    return { versions, accessEventIds };
  }
}
