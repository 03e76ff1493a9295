// Makes a service's OpenAPI document say every error an operation can answer, as
// application/problem+json with one Problem schema, so a client (or a fuzzer
// checking status and schema conformance) can rely on it. Nest's generator knows
// only the success status of each handler; the errors come from layers it does not
// see: the HTTP conventions (http-conventions.ts), the token guard and rate limit,
// the service's domain mappings (DomainProblems), the validation pipes.
import type { OpenAPIObject } from '@nestjs/swagger';
import { problemTypesOf, type DomainProblems } from './domain-problems';
import { HTTP_LIMITS } from './http-conventions';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { operationKey, type UuidPathParams } from './uuid-path-params';

export const PROBLEM_SCHEMA_NAME = 'Problem';

/** RFC 9457 problem details as carechain answers them. */
export const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', format: 'uri', description: 'Stable per kind of error: branch on it (README "Problem types").' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      description: 'For a validation problem: each field that does not match.',
      items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
  additionalProperties: true,
} as const;

const WHY: Readonly<Record<number, string>> = {
  400: 'The request does not match the schema (validation), or its body is not strict UTF-8 JSON.',
  401: 'No valid bearer token (auth/*); WWW-Authenticate says why.',
  403: 'Authenticated, but not allowed (forbidden).',
  404: 'No such resource.',
  405: 'Not a method of this path; Allow lists those that are.',
  409: 'The resource is not in a state that allows it.',
  410: 'The patient was erased.',
  412: 'If-Match names a version that is no longer the latest.',
  413: `The body is over ${HTTP_LIMITS.bodyBytes} bytes.`,
  414: `The URL is over ${HTTP_LIMITS.urlLength} characters.`,
  415: 'The body is not application/json or application/fhir+json.',
  422: 'Well-formed, but not something the service can take.',
  429: 'The principal is over its rate limit; Retry-After says when to try again.',
  431: `The request line and headers are over ${HTTP_LIMITS.headerBytes} bytes.`,
  503: 'A dependency (token keys, the patient keys) is not available yet; retry.',
};

/** Statuses any authenticated operation can answer, whatever it does. */
const EVERY_OPERATION = [400, 401, 403, 405, 414, 429, 431, 503];
/** And those of a method Fastify reads a body for, whether the operation declares one or not. */
const WITH_BODY = [413, 415];
const BODY_METHODS = new Set(['post', 'put', 'patch', 'delete', 'options']);

type Operation = {
  parameters?: { in?: string; name?: string; schema?: unknown }[];
  requestBody?: unknown;
  responses: Record<string, { description: string; content?: unknown; headers?: unknown }>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * Adds the problem responses to every operation of `document` (in place), and
 * `format: uuid` to the path parameters its handler parses as UUIDs; returns it.
 */
export function completeOpenApi(document: OpenAPIObject, domains: readonly DomainProblems[], uuids: UuidPathParams = new Map()): OpenAPIObject {
  const domainStatuses = new Set(domains.flatMap((d) => problemTypesOf(d).map((t) => t.status)).filter((s) => (s >= 400 && s < 500) || s === 503));
  document.components = { ...document.components, schemas: { ...document.components?.schemas, [PROBLEM_SCHEMA_NAME]: PROBLEM_SCHEMA as never } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const uuidNames = uuids.get(operationKey(method, path));
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in === 'path' && parameter.name && uuidNames?.has(parameter.name)) parameter.schema = { type: 'string', format: 'uuid' };
      }
      const statuses = new Set([...EVERY_OPERATION, ...domainStatuses]);
      if (operation.requestBody || BODY_METHODS.has(method)) for (const s of WITH_BODY) statuses.add(s);
      // A resource named by the path may not exist.
      if (operation.parameters?.some((p) => p.in === 'path')) statuses.add(404);
      for (const status of [...statuses].sort()) {
        const declared = operation.responses[String(status)];
        // A handler's own description of an error (what the problem adds) is kept; the body is still a problem.
        operation.responses[String(status)] = declared
          ? { ...problemResponse(status), ...declared, content: declared.content ?? problemResponse(status).content }
          : problemResponse(status);
      }
    }
  }
  return document;
}

function problemResponse(status: number) {
  return {
    description: WHY[status] ?? 'An error; see the problem type.',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA_NAME}` } } },
    ...(status === 429 && { headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer', minimum: 1 } } } }),
    ...(status === 405 && { headers: { Allow: { description: 'The methods this path takes.', schema: { type: 'string' } } } }),
  };
}
