import { FhirErrorCode } from './fhir.error';
import type { FhirResource } from './resource-schemas';
import { EXAMPLES } from './testing/examples';
import { validateResource } from './validate-resource';
import { withMeta } from './with-meta';

function stored(json: Record<string, unknown>): FhirResource {
  const result = validateResource(json);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.resource;
}

describe('withMeta', () => {
  it('sets the server id, versionId and lastUpdated, keeping the client meta', () => {
    const resource = stored({
      ...EXAMPLES.Observation.minimal(),
      id: 'client-chosen',
      meta: { versionId: '9', tag: [{ system: 'https://x.example/tags', code: 'imported' }] },
    });
    const versioned = withMeta(resource, { id: 'obs-42', versionId: '3', lastUpdated: '2024-03-01T10:15:00.123+01:00' });
    expect(versioned).toEqual({
      ...resource,
      id: 'obs-42',
      meta: { versionId: '3', lastUpdated: '2024-03-01T10:15:00.123+01:00', tag: [{ system: 'https://x.example/tags', code: 'imported' }] },
    });
    expect(Object.keys(versioned).slice(0, 3)).toEqual(['resourceType', 'id', 'meta']);
    expect(resource.id).toBe('client-chosen');
  });

  it('turns a Date into a UTC instant, and the result is still a valid resource', () => {
    const versioned = withMeta(stored(EXAMPLES.ChargeItem.minimal()), { id: 'charge-7', versionId: '1', lastUpdated: new Date(Date.UTC(2024, 2, 1, 9, 0, 0)) });
    expect(versioned.meta).toEqual({ versionId: '1', lastUpdated: '2024-03-01T09:00:00.000Z' });
    expect(validateResource(versioned)).toMatchObject({ ok: true, resource: versioned });
  });

  it.each([
    ['an id with a slash', { id: 'obs/42' }, FhirErrorCode.InvalidId],
    ['an empty versionId', { versionId: '' }, FhirErrorCode.InvalidId],
    ['a date as lastUpdated', { lastUpdated: '2024-03-01' }, FhirErrorCode.InvalidInstant],
    ['an impossible instant', { lastUpdated: '2024-02-30T10:00:00Z' }, FhirErrorCode.InvalidInstant],
    ['an invalid Date', { lastUpdated: new Date('never') }, FhirErrorCode.InvalidInstant],
  ])('refuses %s', (_case, patch, code) => {
    const version = { id: 'obs-42', versionId: '1', lastUpdated: '2024-03-01T10:15:00Z', ...patch };
    expect(() => withMeta(stored(EXAMPLES.Observation.minimal()), version)).toThrow(code);
  });
});
