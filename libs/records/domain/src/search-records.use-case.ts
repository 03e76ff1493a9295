// A patient's records in some categories (all of them when none are named), for a
// purpose: consent decides each category, and the answer holds exactly the records
// of the permitted ones, newest first, a page at a time. The withheld categories
// are named (never whether they hold records). Only a search permitting nothing at
// all is refused. Either way AccessDecided is published before the answer: one
// event for what was disclosed and one for what was withheld.
import { RECORD_CATEGORIES, type RecordCategory } from '@carechain/contracts';
import type { DenyReason } from '@carechain/consent-decision';
import { erasedOutcome, outcomesOf } from './access-log';
import type { OpenedVersion } from './read-record.use-case';
import { recordsKit, type RecordsDeps, type RecordsKit } from './records.deps';
import { patientErased, RecordsError, RecordsErrorCode } from './records.error';
import type { ReadRequest } from './requester';
import type { RecordPage } from './record-store.port';

export const DEFAULT_PAGE_SIZE = 50;
// A page is decrypted in one request and its ids go into one AccessDecided (≤ 1000).
export const MAX_PAGE_SIZE = 200;

export interface SearchQuery {
  /** Empty: every category. */
  readonly categories: readonly RecordCategory[];
  readonly offset: number;
  readonly count: number;
}

export interface SearchResult {
  readonly patientId: string;
  /** Matches in the permitted categories, over all pages. */
  readonly total: number;
  readonly entries: readonly OpenedVersion[];
  readonly permitted: readonly RecordCategory[];
  readonly withheld: readonly RecordCategory[];
  /** Why the withheld categories were withheld (undefined when none were). */
  readonly withheldReason?: DenyReason;
  readonly withheldMessage?: string;
  readonly accessEventIds: readonly string[];
}

export class SearchRecordsUseCase {
  private readonly kit: RecordsKit;

  constructor(deps: RecordsDeps) {
    this.kit = recordsKit(deps);
  }

  async execute(patientId: string, query: SearchQuery, read: ReadRequest): Promise<SearchResult> {
    if (!Number.isSafeInteger(query.offset) || query.offset < 0 || !Number.isSafeInteger(query.count) || query.count < 1 || query.count > MAX_PAGE_SIZE) {
      throw new RangeError(`a page is an offset ≥ 0 and a count of 1 to ${MAX_PAGE_SIZE}`);
    }
    const categories = query.categories.length === 0 ? RECORD_CATEGORIES : [...new Set(query.categories)];
    const patient = await this.kit.lookup.find(patientId);
    if (patient.erased) {
      await this.kit.access.record(patientId, 'search', read, [erasedOutcome(categories)]);
      throw patientErased(patientId);
    }
    // A merged patient is searched as its survivor: the survivor's grants, every record of the merged group.
    const governing = this.kit.lookup.survivorOf(patient);
    const decision = this.kit.gate.decide(governing, read.requester, categories, read.purpose, read.breakGlassReason);
    // A permit covers every category asked for, so only a deny can leave nothing.
    if (decision.effect === 'deny' && decision.permitted.length === 0) {
      await this.kit.access.record(patientId, 'search', read, outcomesOf(decision, []));
      throw new RecordsError(RecordsErrorCode.AccessDenied, `${decision.message} (${read.purpose})`, { denyReason: decision.reason });
    }
    const page = await this.searchGroup(this.kit.lookup.group(governing.patientId), decision.permitted, query.offset, query.count);
    const entries = await Promise.all(page.versions.map(async (stored) => ({ stored, resource: await this.kit.vault.open(stored) })));
    const accessEventIds = await this.kit.access.record(
      patientId,
      'search',
      read,
      outcomesOf(
        decision,
        entries.map((e) => e.stored.recordId),
      ),
    );
    return {
      patientId,
      total: page.total,
      entries,
      permitted: decision.permitted,
      withheld: decision.denied,
      ...(decision.effect === 'deny' && { withheldReason: decision.reason, withheldMessage: decision.message }),
      accessEventIds,
    };
  }

  /** One patient's page straight from the store; a merged group's pages merged newest first. */
  private async searchGroup(patientIds: readonly string[], categories: readonly RecordCategory[], offset: number, count: number): Promise<RecordPage> {
    if (patientIds.length === 1) return this.kit.store.search(patientIds[0]!, categories, offset, count);
    const pages = await Promise.all(patientIds.map((id) => this.kit.store.search(id, categories, 0, offset + count)));
    const versions = pages.flatMap((p) => p.versions).sort((a, b) => b.writtenAt.localeCompare(a.writtenAt));
    return { total: pages.reduce((n, p) => n + p.total, 0), versions: versions.slice(offset, offset + count) };
  }
}
