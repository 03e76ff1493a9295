// The bodies records answers with, as zod schemas: the OpenAPI document is generated
// from them (ApiResult) and the compiler checks each handler's result against them.
// Resources are declared by their type: the FHIR R4 specification says the rest.
import { z } from 'zod';
import { fhirResourceSchema, linksTo } from '@carechain/http';
import { SUPPORTED_RESOURCE_TYPES } from '@carechain/records-fhir';

export const recordResourceSchema = fhirResourceSchema(SUPPORTED_RESOURCE_TYPES);

export const writtenRecordSchema = z.object({ recordId: z.uuid(), version: z.number().int().min(1), eventId: z.string().min(1) });
export const sharedRecordSchema = z.object({ shareId: z.uuid(), recordId: z.uuid(), eventId: z.string().min(1), grantId: z.uuid().optional() });

const link = <R extends readonly [string, ...string[]]>(relations: R) => z.object({ relation: z.enum(relations), url: z.url() });

export const recordsSearchBundleSchema = z.object({
  resourceType: z.literal('Bundle'),
  type: z.literal('searchset'),
  total: z.number().int().min(0),
  link: z.array(link(['self', 'next', 'previous'])),
  entry: z
    .array(
      z.union([
        z.object({ fullUrl: z.string().startsWith('urn:uuid:'), resource: recordResourceSchema, search: z.object({ mode: z.literal('match') }) }),
        z.object({
          resource: z.object({
            resourceType: z.literal('OperationOutcome'),
            issue: z.array(z.object({ severity: z.literal('warning'), code: z.literal('suppressed'), diagnostics: z.string() })),
          }),
          search: z.object({ mode: z.literal('outcome') }),
        }),
      ]),
    )
    .optional(),
});

export const recordHistoryBundleSchema = z.object({
  resourceType: z.literal('Bundle'),
  type: z.literal('history'),
  total: z.number().int().min(0),
  link: z.array(link(['self'])),
  entry: z.array(
    z.object({
      fullUrl: z.string().startsWith('urn:uuid:'),
      resource: recordResourceSchema,
      request: z.object({ method: z.enum(['POST', 'PUT']), url: z.string() }),
      response: z.object({ status: z.string(), etag: z.string(), lastModified: z.iso.datetime({ offset: true }) }),
    }),
  ),
});

// What a client (and the fuzzer's stateful mode) can do next with the record it wrote.
export const RECORD_LINKS = linksTo(
  ['RecordsController_read', 'RecordsController_history', 'RecordsController_amend', 'RecordsController_share'],
  'recordId',
  'recordId',
);
