import { Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiResult, ApiResults } from './api-result';
import { openApiDocumentOf } from './openapi-document';
import { openApiGaps } from './openapi-gaps';
import { ApiQueryOf, ZodValidationPipe } from './zod-validation.pipe';

const thing = z.object({ id: z.uuid(), size: z.number().int() });
const searchSchema = z.object({ kind: z.enum(['a', 'b']), limit: z.coerce.number().int().min(1).max(10).default(5) });

class Things {
  find(id: string): Promise<z.output<typeof thing>> {
    return Promise.resolve({ id, size: 1 });
  }
}

@Controller('things')
class CompleteController {
  constructor(private readonly things: Things) {}

  @Get(':id')
  @ApiResult(thing, { description: 'The thing.' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.things.find(id);
  }

  @Get()
  @ApiQueryOf(searchSchema)
  @ApiResults({ schema: z.array(thing), description: 'Things.' }, { schema: z.string(), contentType: 'text/html', description: 'A page.' })
  search(@Query(new ZodValidationPipe(searchSchema)) _query: z.infer<typeof searchSchema>): string {
    return '<p>none</p>';
  }
}

@Controller('loose')
class LooseController {
  @Post()
  make(): { made: true } {
    return { made: true };
  }

  @Get()
  @ApiQuery({ name: 'kind', required: false, type: String })
  @ApiQuery({ name: 'extra', required: false })
  @ApiResult(z.array(thing), { description: 'Things.' })
  search(@Query(new ZodValidationPipe(searchSchema)) _query: z.infer<typeof searchSchema>): [] {
    return [];
  }
}

describe('openApiGaps', () => {
  it('finds none where every success has its schema and every parameter its format', async () => {
    const document = await openApiDocumentOf([CompleteController], { name: 't', description: 't' });
    expect(openApiGaps(document, [CompleteController])).toEqual([]);
    const get = document.paths['/things/{id}']!.get!;
    expect(get.responses['200']).toMatchObject({ content: { 'application/json': { schema: { required: ['id', 'size'] } } } });
    expect(Object.keys((document.paths['/things']!.get!.responses['200'] as { content: object }).content)).toEqual(['application/json', 'text/html']);
  });

  it('names an operation without a body schema, a query the handler constrains but the document does not, and one it does not read', async () => {
    const document = await openApiDocumentOf([LooseController], { name: 't', description: 't' });
    expect(openApiGaps(document, [LooseController])).toEqual([
      'post /loose: 201 has no body schema',
      'get /loose: query parameter kind declares enum undefined, the handler requires ["a","b"]',
      'get /loose: query parameter limit is read but not declared',
      'get /loose: query parameter extra is declared but the handler does not read it',
    ]);
  });
});
