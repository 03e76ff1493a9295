import { randomUUID } from 'node:crypto';
import type { FhirResource } from '@carechain/records-fhir';
import type { OpenedVersion } from './read-record.use-case';
import { historyBundle, searchBundle } from './records-bundles';
import type { SearchResult } from './search-records.use-case';

const patientId = randomUUID();
const recordId = randomUUID();

function opened(version: number): OpenedVersion {
  const resource = {
    resourceType: 'Condition',
    id: recordId,
    meta: { versionId: String(version) },
    subject: { reference: `Patient/${patientId}` },
  } as FhirResource;
  return {
    resource,
    stored: {
      recordId,
      patientId,
      version,
      category: 'conditions',
      resourceType: 'Condition',
      author: { subject: 'dr-house', organisation: 'hospital-a' },
      writtenAt: `2026-03-0${version}T10:00:00.000Z`,
      eventId: randomUUID(),
      resource: { alg: 'A256GCM', keyVersion: 1, iv: 'AAAAAAAAAAAAAAAA', ct: 'AA', tag: 'AAAAAAAAAAAAAAAAAAAAAA' },
    },
  };
}

const result = (withheld: SearchResult['withheld']): SearchResult => ({
  patientId,
  total: 1,
  entries: [opened(1)],
  permitted: ['conditions'],
  withheld,
  ...(withheld.length > 0 && { withheldMessage: 'No grant covers some of the requested record categories.' }),
  accessEventIds: [],
});

describe('searchBundle', () => {
  const links = { selfUrl: `https://records.example/patients/${patientId}/records?_count=1` };

  it('is a searchset of the matches, each named by its record id', () => {
    const bundle = searchBundle(result([]), links);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1, link: [{ relation: 'self', url: links.selfUrl }] });
    expect(bundle.entry).toEqual([{ fullUrl: `urn:uuid:${recordId}`, resource: opened(1).resource, search: { mode: 'match' } }]);
  });

  it('names the withheld categories in an OperationOutcome entry of search mode outcome, outside the total', () => {
    const bundle = searchBundle(result(['allergies', 'billing']), links);
    expect(bundle.total).toBe(1);
    expect(bundle.entry?.[1]).toEqual({
      resource: {
        resourceType: 'OperationOutcome',
        issue: [
          {
            severity: 'warning',
            code: 'suppressed',
            diagnostics: 'Withheld by consent: allergies, billing. No grant covers some of the requested record categories.',
          },
        ],
      },
      search: { mode: 'outcome' },
    });
  });
});

describe('historyBundle', () => {
  it('lists the versions newest first, each with how it was written', () => {
    const bundle = historyBundle([opened(1), opened(2)], `https://records.example/records/${recordId}/_history`);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'history', total: 2 });
    expect(bundle.entry.map((e) => [e.resource.meta?.versionId, e.request.method, e.response.status, e.response.etag, e.response.lastModified])).toEqual([
      ['2', 'PUT', '200 OK', 'W/"2"', '2026-03-02T10:00:00.000Z'],
      ['1', 'POST', '201 Created', 'W/"1"', '2026-03-01T10:00:00.000Z'],
    ]);
  });
});
