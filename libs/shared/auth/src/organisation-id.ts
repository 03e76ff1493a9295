// Organisation ids end up in Kafka keys, Redis keys and audit entries, so they
// keep to a safe charset. Source of truth for the rule: tools/token imports this
// file directly (Node strips its types), so it stays dependency-free and erasable.

export const ORGANISATION_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export function isOrganisationId(value: unknown): value is string {
  return typeof value === 'string' && ORGANISATION_ID_PATTERN.test(value);
}
