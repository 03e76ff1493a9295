import { Injectable, type PipeTransform } from '@nestjs/common';
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
