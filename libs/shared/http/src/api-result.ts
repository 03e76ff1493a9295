// What an operation answers on success, declared once from a zod schema: the
// OpenAPI response (status, content type, body schema, links) is generated from the
// schema, and the compiler checks that the handler's result fits the same schema
// (the decorator only applies to a method whose return type is the schema's output),
// so the document cannot drift from what the handler returns.
import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { toJSONSchema, z } from 'zod';

/** An OpenAPI link: the operation a client can call next, and where its parameters come from in this answer. */
export interface ApiLink {
  readonly operationId: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly description?: string;
}

/** One success answer of an operation. */
export interface ApiResultSpec<S extends z.ZodType = z.ZodType> {
  /** The zod schema of the body. */
  readonly schema: S;
  /** 200 unless given (a POST that creates says 201). */
  readonly status?: number;
  readonly description: string;
  /** The body's media type; application/json unless given. A status can be given once per media type (content negotiation). */
  readonly contentType?: string;
  readonly links?: Readonly<Record<string, ApiLink>>;
}

/** The OpenAPI 3.0 schema of what a zod schema produces: the body a client receives. */
export function openApiResponseSchemaOf(schema: z.ZodType): object {
  return toJSONSchema(schema, { io: 'output', target: 'openapi-3.0', unrepresentable: 'any' }) as object;
}

/**
 * What a handler may return for a body of type T: the same, readonly or not (JSON does
 * not tell); where T takes any further property (a FHIR resource's), the handler's type need not say so.
 */
export type Answer<T> = T extends readonly (infer U)[]
  ? readonly Answer<U>[]
  : T extends object
    ? { readonly [K in keyof T as string extends K ? never : K]: Answer<T[K]> }
    : T;

/** A method decorator that only fits a handler returning `R` (or a promise of it). */
export type ResultDecorator<R> = <H extends (...args: never[]) => Answer<R> | Promise<Answer<R>>>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<H>,
) => void;

/**
 * Declares every success answer of an operation, each with the zod schema of its
 * body; the handler's return type must be the output of one of them.
 */
export function ApiResults<const R extends readonly ApiResultSpec[]>(...results: R): ResultDecorator<z.output<R[number]['schema']>> {
  const byStatus = new Map<number, { description: string; content: Record<string, { schema: object }>; links?: Record<string, ApiLink> }>();
  for (const result of results) {
    const status = result.status ?? 200;
    const response = byStatus.get(status) ?? { description: result.description, content: {} };
    response.content[result.contentType ?? 'application/json'] = { schema: openApiResponseSchemaOf(result.schema) };
    if (result.links) response.links = { ...response.links, ...result.links };
    byStatus.set(status, response);
  }
  return applyDecorators(...[...byStatus].map(([status, response]) => ApiResponse({ status, ...response }))) as ResultDecorator<z.output<R[number]['schema']>>;
}

/** Declares the one success answer of an operation (see ApiResults). */
export function ApiResult<S extends z.ZodType>(schema: S, options: Omit<ApiResultSpec<S>, 'schema'>): ResultDecorator<z.output<S>> {
  return ApiResults({ schema, ...options });
}

/** Links to operations that take this answer's `field` as their path parameter `param`. */
export function linksTo(operationIds: readonly string[], param: string, field: string): Record<string, ApiLink> {
  return Object.fromEntries(operationIds.map((operationId) => [operationId, { operationId, parameters: { [param]: `$response.body#/${field}` } }]));
}

/**
 * A FHIR R4 resource of one of `types`, as a response body: its resourceType and id,
 * the rest as FHIR defines it (the document does not restate the FHIR specification).
 */
export function fhirResourceSchema<const T extends readonly [string, ...string[]]>(types: T) {
  return z.looseObject({ resourceType: z.enum(types), id: z.string().optional() });
}
