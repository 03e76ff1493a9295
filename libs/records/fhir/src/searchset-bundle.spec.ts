import { FhirErrorCode } from './fhir.error';
import type { FhirResource } from './resource-schemas';
import { searchsetBundle } from './searchset-bundle';
import { EXAMPLES } from './testing/examples';
import { schemaProblems } from './testing/issues';
import { R4SearchsetBundle } from './testing/r4-outcome-and-bundle.schema';
import { validateResource } from './validate-resource';

const BASE = 'https://records.carechain.example/fhir';

function stored(json: Record<string, unknown>): FhirResource {
  const result = validateResource(json);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.resource;
}

const condition = stored(EXAMPLES.Condition.full());
const observation = stored(EXAMPLES.Observation.full());
const entries = [
  { resource: condition, fullUrl: `${BASE}/Condition/cond-1` },
  { resource: observation, fullUrl: `${BASE}/Observation/bp-1` },
];

describe('searchsetBundle', () => {
  it('builds a valid R4 searchset with match entries and a self link', () => {
    const bundle = searchsetBundle(entries, { total: 2, selfUrl: `${BASE}/Patient/p-123/records?_count=20` });
    expect(bundle).toEqual({
      resourceType: 'Bundle',
      type: 'searchset',
      total: 2,
      link: [{ relation: 'self', url: `${BASE}/Patient/p-123/records?_count=20` }],
      entry: [
        { fullUrl: `${BASE}/Condition/cond-1`, resource: condition, search: { mode: 'match' } },
        { fullUrl: `${BASE}/Observation/bp-1`, resource: observation, search: { mode: 'match' } },
      ],
    });
    expect(schemaProblems(R4SearchsetBundle, bundle)).toEqual([]);
  });

  it('adds paging links and counts the whole search in total', () => {
    const bundle = searchsetBundle(entries.slice(0, 1), {
      total: 41,
      selfUrl: `${BASE}/Patient/p-123/records?_count=1&_offset=20`,
      nextUrl: `${BASE}/Patient/p-123/records?_count=1&_offset=21`,
      previousUrl: `${BASE}/Patient/p-123/records?_count=1&_offset=19`,
    });
    expect(bundle.link.map((link) => link.relation)).toEqual(['self', 'next', 'previous']);
    expect(bundle.total).toBe(41);
    expect(schemaProblems(R4SearchsetBundle, bundle)).toEqual([]);
  });

  it('leaves out entry when nothing matched (no empty arrays)', () => {
    const bundle = searchsetBundle([], { total: 0, selfUrl: `${BASE}/Patient/p-123/records` });
    expect(bundle).toEqual({ resourceType: 'Bundle', type: 'searchset', total: 0, link: [{ relation: 'self', url: `${BASE}/Patient/p-123/records` }] });
    expect(schemaProblems(R4SearchsetBundle, bundle)).toEqual([]);
  });

  it.each([
    ['a total below the entries', entries, { total: 1 }],
    ['a fractional total', entries, { total: 2.5 }],
    ['a relative self link', entries, { selfUrl: '/Patient/p-123/records' }],
    ['a relative fullUrl', [{ resource: condition, fullUrl: 'Condition/cond-1' }], {}],
    ['a versioned fullUrl (bdl-8)', [{ resource: condition, fullUrl: `${BASE}/Condition/cond-1/_history/2` }], {}],
    ['a fullUrl that disagrees with the id', [{ resource: condition, fullUrl: `${BASE}/Condition/cond-2` }], {}],
    ['a duplicate fullUrl (bdl-7)', [entries[0], entries[0]], {}],
  ])('refuses %s', (_case, bundleEntries, page) => {
    expect(() => searchsetBundle(bundleEntries, { total: 2, selfUrl: `${BASE}/x`, ...page })).toThrow(FhirErrorCode.InvalidBundle);
  });

  it('accepts urn:uuid fullUrls for resources without a server id', () => {
    const { id: _id, ...anonymous } = EXAMPLES.Condition.minimal() as Record<string, unknown>;
    const bundle = searchsetBundle([{ resource: stored(anonymous), fullUrl: 'urn:uuid:6f1d2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b' }], {
      total: 1,
      selfUrl: `${BASE}/x`,
    });
    expect(schemaProblems(R4SearchsetBundle, bundle)).toEqual([]);
  });
});
