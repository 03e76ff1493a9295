// What a service's OpenAPI document leaves out or says wrong, compared with what its
// handlers do: an operation without a success answer and its body schema, a path id
// the handler parses as a UUID declared as any string, a query parameter the
// handler's zod schema constrains (format, enum, pattern, bounds) declared without
// the constraint, or not declared at all. Each service's unit spec expects none.
import { ParseUUIDPipe, type Type } from '@nestjs/common';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { z } from 'zod';
import { ZodValidationPipe, openApiSchemaOf } from './zod-validation.pipe';
import { operationKey, routesOf } from './uuid-path-params';

type Schema = Record<string, unknown>;
interface Parameter {
  readonly in: string;
  readonly name: string;
  readonly schema?: Schema;
}
interface Operation {
  readonly parameters?: readonly Parameter[];
  readonly responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

/** The keywords of a parameter's schema a client cannot guess: each the handler's schema has must be declared, equal. */
const CONSTRAINTS = ['type', 'format', 'enum', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength', 'items'] as const;

export function openApiGaps(document: OpenAPIObject, controllers: readonly Type<unknown>[]): string[] {
  const gaps: string[] = [];
  const operations = new Map<string, Operation>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      if (typeof operation !== 'object' || !('responses' in operation)) continue;
      const key = operationKey(method, path);
      operations.set(key, operation);
      gaps.push(...successGaps(key, operation));
    }
  }
  for (const route of routesOf(controllers)) {
    const operation = operations.get(route.key);
    if (!operation) continue; // excluded from the document (health)
    const declared = new Map((operation.parameters ?? []).map((p) => [`${p.in} ${p.name}`, p.schema ?? {}]));
    for (const arg of route.args) {
      if (arg.type === RouteParamtypes.PARAM && arg.name !== undefined && arg.pipes.some(isUuidPipe)) {
        if (declared.get(`path ${arg.name}`)?.format !== 'uuid')
          gaps.push(`${route.key}: path parameter ${arg.name} is parsed as a UUID but not declared format: uuid`);
      }
      if (arg.type !== RouteParamtypes.QUERY) continue;
      for (const schema of arg.pipes.flatMap((p) => (p instanceof ZodValidationPipe ? [(p as unknown as { schema: z.ZodType }).schema] : []))) {
        const properties = (openApiSchemaOf(schema) as { properties?: Record<string, Schema> }).properties ?? {};
        for (const [name, expected] of Object.entries(properties)) {
          const actual = declared.get(`query ${name}`);
          if (!actual) {
            gaps.push(`${route.key}: query parameter ${name} is read but not declared`);
            continue;
          }
          for (const keyword of CONSTRAINTS) {
            if (expected[keyword] !== undefined && JSON.stringify(actual[keyword]) !== JSON.stringify(expected[keyword])) {
              gaps.push(
                `${route.key}: query parameter ${name} declares ${keyword} ${JSON.stringify(actual[keyword])}, the handler requires ${JSON.stringify(expected[keyword])}`,
              );
            }
          }
        }
        for (const key of declared.keys()) {
          const [where, name] = key.split(' ') as [string, string];
          if (where === 'query' && !(name in properties)) gaps.push(`${route.key}: query parameter ${name} is declared but the handler does not read it`);
        }
      }
    }
  }
  return gaps;
}

function isUuidPipe(pipe: unknown): boolean {
  return pipe instanceof ParseUUIDPipe || pipe === ParseUUIDPipe;
}

function successGaps(key: string, operation: Operation): string[] {
  const successes = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
  if (successes.length === 0) return [`${key}: no success status`];
  return successes.flatMap(([status, response]) => {
    if (status === '204') return [];
    const content = Object.entries(response.content ?? {});
    if (content.length === 0) return [`${key}: ${status} has no body schema`];
    return content.filter(([, media]) => media.schema === undefined).map(([type]) => `${key}: ${status} ${type} has no schema`);
  });
}
