// PatientDataSources over the services' HTTP APIs. Pages through searches by their
// `next` links, so a patient with many records or claims is exported whole.
import type { ExportedResource } from './patient-export';
import { ExportSourceError, type ConsentGrantView, type ExportSourceName, type PatientDataSources, type PatientDemographics } from './export-sources.port';

export interface ExportSourceUrls {
  readonly identity: string;
  readonly consent: string;
  readonly records: string;
  readonly claims: string;
}

interface SearchBundle {
  readonly entry?: readonly { readonly resource?: ExportedResource; readonly search?: { readonly mode?: string } }[];
  readonly link?: readonly { readonly relation: string; readonly url: string }[];
}

// A runaway server (a next link that never ends) must not hold an export forever.
const MAX_PAGES = 1000;
const PAGE_SIZE = 100;

export class HttpExportSources implements PatientDataSources {
  constructor(
    private readonly urls: ExportSourceUrls,
    private readonly timeoutMs: number,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  demographics(patientId: string, token: string): Promise<PatientDemographics> {
    return this.json<PatientDemographics>('identity', `${this.urls.identity}/patients/${patientId}`, token);
  }

  async consents(patientId: string, token: string): Promise<readonly ConsentGrantView[]> {
    const answer = await this.json<{ consents?: readonly ConsentGrantView[] }>('consent', `${this.urls.consent}/patients/${patientId}/consents`, token);
    if (!Array.isArray(answer.consents)) throw new ExportSourceError('consent', 'the answer has no consents list');
    return answer.consents;
  }

  async recordVersions(patientId: string, token: string): Promise<readonly ExportedResource[]> {
    const latest = await this.search('records', `${this.urls.records}/patients/${patientId}/records?_count=${PAGE_SIZE}`, token);
    const versions: ExportedResource[] = [];
    for (const record of latest) {
      if (typeof record.id !== 'string') throw new ExportSourceError('records', 'a record without an id');
      versions.push(...(await this.search('records', `${this.urls.records}/records/${record.id}/_history`, token)));
    }
    return versions;
  }

  async claims(patientId: string, token: string): Promise<readonly ExportedResource[]> {
    const base = this.urls.claims;
    return [
      ...(await this.search('claims', `${base}/patients/${patientId}/coverages`, token)),
      ...(await this.claimPages(`${base}/claims?patient=${patientId}&_count=${PAGE_SIZE}`, token)),
      ...(await this.search('claims', `${base}/patients/${patientId}/explanation-of-benefits`, token)),
    ];
  }

  /** claims' search pages by _offset and says its total (no next link). */
  private async claimPages(url: string, token: string): Promise<ExportedResource[]> {
    const claims: ExportedResource[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const bundle = await this.json<SearchBundle & { total?: number }>('claims', `${url}&_offset=${claims.length}`, token);
      const found = (bundle.entry ?? []).flatMap((e) => (e.resource === undefined ? [] : [e.resource]));
      claims.push(...found);
      if (found.length === 0 || claims.length >= (bundle.total ?? 0)) return claims;
    }
    throw new ExportSourceError('claims', `more than ${MAX_PAGES} pages`);
  }

  /** Every resource of a search or history Bundle, following `next`; outcome entries (what was withheld) are left out. */
  private async search(source: ExportSourceName, url: string, token: string): Promise<ExportedResource[]> {
    const resources: ExportedResource[] = [];
    let next: string | undefined = url;
    for (let page = 0; next !== undefined; page++) {
      if (page === MAX_PAGES) throw new ExportSourceError(source, `more than ${MAX_PAGES} pages`);
      const bundle: SearchBundle = await this.json<SearchBundle>(source, next, token);
      for (const entry of bundle.entry ?? []) {
        if (entry.resource === undefined || entry.search?.mode === 'outcome' || entry.resource.resourceType === 'OperationOutcome') continue;
        resources.push(entry.resource);
      }
      next = bundle.link?.find((l) => l.relation === 'next')?.url;
      if (next !== undefined && new URL(next).origin !== new URL(url).origin) throw new ExportSourceError(source, 'a next link to another origin');
    }
    return resources;
  }

  private async json<T>(source: ExportSourceName, url: string, token: string): Promise<T> {
    let res: Response;
    try {
      res = await this.fetchFn(url, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/fhir+json, application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new ExportSourceError(source, `unreachable (${(err as Error).name})`);
    }
    if (!res.ok) {
      const problem = (await res.json().catch(() => undefined)) as { type?: unknown } | undefined;
      throw new ExportSourceError(source, `answered ${res.status}${typeof problem?.type === 'string' ? ` ${problem.type}` : ''}`, res.status);
    }
    return (await res.json()) as T;
  }
}
