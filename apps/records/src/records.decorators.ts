// What every read endpoint of records declares, and what every write answers.
import { applyDecorators, Get, Header } from '@nestjs/common';
import { ApiHeader, ApiOperation } from '@nestjs/swagger';
import { Roles } from '@carechain/auth';
import { FHIR_JSON } from '@carechain/http';
import { BREAK_GLASS_HEADER } from './records.http';
import { READ_ROLES } from './records.roles';

/** GET `path` for the read roles, answered as FHIR JSON, open to break-glass access. */
export function FhirRead(summary: string, path?: string): MethodDecorator {
  return applyDecorators(
    Get(path),
    Roles(...READ_ROLES),
    Header('content-type', FHIR_JSON),
    ApiOperation({ summary }),
    ApiHeader({
      name: BREAK_GLASS_HEADER,
      required: false,
      description: 'Emergency access without consent: the reason (10-500 characters). Clinicians only, TREAT or ETREAT only; audited.',
    }),
  );
}

export interface WrittenRecord {
  readonly recordId: string;
  readonly version: number;
  readonly eventId: string;
}

/** A write's answer: the record, its new version and the event that carries it. */
export function writtenRecord({ recordId, version, eventId }: WrittenRecord): WrittenRecord {
  return { recordId, version, eventId };
}
