import { Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
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
