// The FHIR Bundles records answers with: a searchset for a search, a history for a
// record's versions. Entries are named urn:uuid:<recordId>: record ids are UUIDs,
// and records' paths (/records/<id>) are not FHIR's [type]/[id].
import { searchsetBundle, type FhirResource, type FhirSearchsetBundle, type SearchsetEntry } from '@carechain/records-fhir';
import type { OpenedVersion } from './read-record.use-case';
import type { SearchResult } from './search-records.use-case';

export interface BundleLinks {
  readonly selfUrl: string;
  readonly nextUrl?: string;
  readonly previousUrl?: string;
}

/** What a search withheld, as FHIR says it: an OperationOutcome entry of search mode 'outcome'. */
export interface WithheldOutcomeEntry {
  resource: {
    resourceType: 'OperationOutcome';
    issue: { severity: 'warning'; code: 'suppressed'; diagnostics: string }[];
  };
  search: { mode: 'outcome' };
}

export type RecordsSearchBundle = Omit<FhirSearchsetBundle, 'entry'> & { entry?: (SearchsetEntry | WithheldOutcomeEntry)[] };

export function recordUrn(recordId: string): string {
  return `urn:uuid:${recordId}`;
}

export function searchBundle(result: SearchResult, links: BundleLinks): RecordsSearchBundle {
  const bundle: RecordsSearchBundle = searchsetBundle(
    result.entries.map((e) => ({ fullUrl: recordUrn(e.stored.recordId), resource: e.resource })),
    { total: result.total, ...links },
  );
  if (result.withheld.length === 0) return bundle;
  const withheld: WithheldOutcomeEntry = {
    resource: {
      resourceType: 'OperationOutcome',
      issue: [
        { severity: 'warning', code: 'suppressed', diagnostics: `Withheld by consent: ${result.withheld.join(', ')}. ${result.withheldMessage ?? ''}`.trim() },
      ],
    },
    search: { mode: 'outcome' },
  };
  return { ...bundle, entry: [...(bundle.entry ?? []), withheld] };
}

export interface HistoryEntry {
  fullUrl: string;
  resource: FhirResource;
  request: { method: 'POST' | 'PUT'; url: string };
  response: { status: string; etag: string; lastModified: string };
}

export interface RecordHistoryBundle {
  resourceType: 'Bundle';
  type: 'history';
  total: number;
  link: { relation: 'self'; url: string }[];
  entry: HistoryEntry[];
}

/** A record's versions, newest first (FHIR's order for a history). */
export function historyBundle(versions: readonly OpenedVersion[], selfUrl: string): RecordHistoryBundle {
  const entry = [...versions]
    .sort((a, b) => b.stored.version - a.stored.version)
    .map(({ stored, resource }): HistoryEntry => {
      const created = stored.version === 1;
      return {
        fullUrl: recordUrn(stored.recordId),
        resource,
        request: created ? { method: 'POST', url: `patients/${stored.patientId}/records` } : { method: 'PUT', url: `records/${stored.recordId}` },
        response: { status: created ? '201 Created' : '200 OK', etag: `W/"${stored.version}"`, lastModified: stored.writtenAt },
      };
    });
  return { resourceType: 'Bundle', type: 'history', total: entry.length, link: [{ relation: 'self', url: selfUrl }], entry };
}
