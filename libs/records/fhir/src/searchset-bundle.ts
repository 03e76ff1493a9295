// The answer to a FHIR search: a Bundle of type searchset.
import { FhirError, FhirErrorCode } from './fhir.error';
import type { FhirResource } from './resource-schemas';

export interface SearchsetEntry {
  fullUrl: string;
  resource: FhirResource;
  search: { mode: 'match' };
}

export interface FhirSearchsetBundle {
  resourceType: 'Bundle';
  type: 'searchset';
  total: number;
  link: { relation: 'self' | 'next' | 'previous'; url: string }[];
  entry?: SearchsetEntry[];
}

export interface SearchsetPage {
  /** Matches of the whole search, not just this page. */
  readonly total: number;
  readonly selfUrl: string;
  readonly nextUrl?: string;
  readonly previousUrl?: string;
}

const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

function invalid(message: string): never {
  throw new FhirError(FhirErrorCode.InvalidBundle, message);
}

function checkEntry({ fullUrl, resource }: { fullUrl: string; resource: FhirResource }): void {
  if (!ABSOLUTE_URI.test(fullUrl)) invalid(`fullUrl ${JSON.stringify(fullUrl)} is not an absolute URI`);
  // bdl-8: fullUrl cannot be a version specific reference.
  if (fullUrl.includes('/_history/')) invalid(`fullUrl ${fullUrl} is version specific`);
  // "fullUrl SHALL NOT disagree with the id in the resource".
  if (resource.id !== undefined && !fullUrl.startsWith('urn:') && !fullUrl.endsWith(`/${resource.resourceType}/${resource.id}`)) {
    invalid(`fullUrl ${fullUrl} disagrees with ${resource.resourceType}/${resource.id}`);
  }
}

/** A searchset Bundle of `entries` (all search matches), with self and paging links. */
export function searchsetBundle(entries: readonly { resource: FhirResource; fullUrl: string }[], page: SearchsetPage): FhirSearchsetBundle {
  if (!Number.isSafeInteger(page.total) || page.total < entries.length)
    invalid(`total ${page.total} must be a whole number of at least ${entries.length} (the entries)`);
  const links = { self: page.selfUrl, next: page.nextUrl, previous: page.previousUrl };
  for (const [relation, url] of Object.entries(links)) {
    if (url !== undefined && !ABSOLUTE_URI.test(url)) invalid(`${relation} link ${JSON.stringify(url)} is not an absolute URI`);
  }
  entries.forEach(checkEntry);
  // bdl-7: FullUrl must be unique in a bundle (entries here have no versions to tell them apart).
  const seen = new Set<string>();
  for (const { fullUrl } of entries) {
    if (seen.has(fullUrl)) invalid(`fullUrl ${fullUrl} appears twice`);
    seen.add(fullUrl);
  }
  const bundle: FhirSearchsetBundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    total: page.total,
    link: (['self', 'next', 'previous'] as const).flatMap((relation) => (links[relation] === undefined ? [] : [{ relation, url: links[relation] }])),
  };
  if (entries.length > 0) bundle.entry = entries.map(({ fullUrl, resource }) => ({ fullUrl, resource, search: { mode: 'match' } }));
  return bundle;
}
