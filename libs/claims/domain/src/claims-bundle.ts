// FHIR searchset Bundles of claims' resources (records-fhir's searchsetBundle is
// typed for the clinical records).
export interface ClaimsBundle<R> {
  resourceType: 'Bundle';
  type: 'searchset';
  total: number;
  link: { relation: 'self'; url: string }[];
  entry?: { fullUrl: string; resource: R; search: { mode: 'match' } }[];
}

/** `baseUrl` is the service's own base (e.g. http://host:3004); each entry's fullUrl is `<base>/<type>/<id>`. */
export function claimsBundle<R extends { resourceType: string; id?: string }>(
  resources: readonly R[],
  selfUrl: string,
  baseUrl: string,
  total = resources.length,
): ClaimsBundle<R> {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total,
    link: [{ relation: 'self', url: selfUrl }],
    ...(resources.length > 0 && {
      entry: resources.map((resource) => ({ fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' as const } })),
    }),
  };
}
