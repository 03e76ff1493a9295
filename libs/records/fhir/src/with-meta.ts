// The server-assigned parts of a stored resource: its logical id and version.
import { DATE_TIME_PATTERN, ID_PATTERN, INSTANT_PATTERN, isCalendarDate } from './datatypes/primitive.schema';
import { FhirError, FhirErrorCode } from './fhir.error';
import type { FhirResource } from './resource-schemas';

export interface ResourceVersion {
  readonly id: string;
  readonly versionId: string;
  /** An R4 instant, or a Date turned into one (UTC, milliseconds). */
  readonly lastUpdated: string | Date;
}

function toInstant(value: string | Date): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new FhirError(FhirErrorCode.InvalidInstant, 'lastUpdated is an invalid Date');
    return value.toISOString();
  }
  if (!INSTANT_PATTERN.test(value) || !DATE_TIME_PATTERN.test(value) || !isCalendarDate(value)) {
    throw new FhirError(FhirErrorCode.InvalidInstant, `lastUpdated ${JSON.stringify(value)} is not an R4 instant (YYYY-MM-DDThh:mm:ss[.fff] with a time zone)`);
  }
  return value;
}

function assertId(name: string, value: string): void {
  if (!ID_PATTERN.test(value)) throw new FhirError(FhirErrorCode.InvalidId, `${name} ${JSON.stringify(value)} is not an R4 id (1-64 of A-Z a-z 0-9 - .)`);
}

/**
 * A copy of `resource` with the server's id and meta.versionId/lastUpdated; the
 * client's other meta (profile, security, tag, source) is kept.
 */
export function withMeta<T extends FhirResource>(resource: T, version: ResourceVersion): T {
  assertId('id', version.id);
  assertId('versionId', version.versionId);
  const lastUpdated = toInstant(version.lastUpdated);
  const { resourceType, id: _clientId, meta, ...rest } = resource;
  return { resourceType, id: version.id, meta: { ...meta, versionId: version.versionId, lastUpdated }, ...rest } as T;
}
