import { applyDecorators, Injectable, type PipeTransform } from '@nestjs/common';
import { ApiQuery, type SchemaObject } from '@nestjs/swagger';
import { toJSONSchema, type z } from 'zod';
import { ValidationProblem } from './problem';

/** Validates and normalises a body (or param) with a zod schema; 400 with field errors otherwise. */
@Injectable()
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value);
    if (!result.success) {
      throw new ValidationProblem(result.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })));
    }
    return result.data;
  }
}

/**
 * The OpenAPI 3.0 schema of what a zod schema accepts, for @ApiBody: the document
 * describes a body with the very schema the handler validates it with.
 */
export function openApiSchemaOf(schema: z.ZodType): object {
  return toJSONSchema(schema, { io: 'input', target: 'openapi-3.0' }) as object;
}

/** Declares each query parameter of a zod object schema, with its type, enum, pattern and bounds, as the pipe reads them. */
export function ApiQueryOf(schema: z.ZodObject): MethodDecorator {
  const json = openApiSchemaOf(schema) as { properties?: Record<string, SchemaObject>; required?: string[] };
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) => ApiQuery({ name, required: json.required?.includes(name) ?? false, schema: property })),
  );
}
