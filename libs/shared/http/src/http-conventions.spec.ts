// The HTTP conventions of every service, over a real socket: a service booted by
// runService with one small controller, refusing what a client must see refused.
import 'reflect-metadata';
import { connect } from 'node:net';
import { Body, Controller, Get, Module, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger } from '@carechain/telemetry';
import { HTTP_LIMITS } from './http-conventions';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { runService } from './run-service';
import { ApiQueryOf, ZodValidationPipe } from './zod-validation.pipe';

const searchSchema = z.object({ status: z.enum(['open', 'closed']).optional(), _count: z.coerce.number().int().min(1).max(5).default(2) });

@Controller('things')
class ThingsController {
  @Get(':id')
  get(@Param('id') id: string) {
    return { id };
  }

  @Post()
  create(@Body() body: unknown) {
    return { body };
  }

  @Get('search/all')
  @ApiQueryOf(searchSchema)
  search(@Query(new ZodValidationPipe(searchSchema)) query: z.infer<typeof searchSchema>) {
    return query;
  }

  @Get(':id/parts/:part')
  part(@Param('id', new ParseUUIDPipe()) id: string, @Param('part') part: string) {
    return { id, part };
  }
}

@Module({ controllers: [ThingsController] })
class SpecModule {}

/** One raw request on its own connection, for what fetch would not send as is; resolves with the whole answer. */
function raw(port: number, request: Buffer | string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, body] = [text.slice(0, text.indexOf('\r\n\r\n')), text.slice(text.indexOf('\r\n\r\n') + 4)];
      resolve({ status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body });
    });
  });
}

function post(port: number, body: Buffer, contentType = 'application/json') {
  const head = `POST /things HTTP/1.1\r\nHost: x\r\nContent-Type: ${contentType}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
  return raw(port, Buffer.concat([Buffer.from(head), body]));
}

describe('HTTP conventions (runService)', () => {
  let app: NestFastifyApplication;
  let port: number;
  let base: string;

  beforeAll(async () => {
    app = await runService({
      name: 'spec',
      description: 'spec',
      module: SpecModule,
      host: '127.0.0.1',
      port: 0,
      logger: createLogger('spec', 'silent'),
      docsUi: false,
    });
    port = (app.getHttpServer().address() as { port: number }).port;
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(() => app.close());

  const problemOf = async (res: Response) => {
    expect(res.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
    return (await res.json()) as { type: string; status: number; detail: string };
  };

  it('stores well-formed JSON as sent, astral characters included', async () => {
    const res = await fetch(`${base}/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Zoë \\ud83d\\ude00"}' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ body: { name: 'Zoë 😀' } });
  });

  it('answers a media type no parser takes with 415', async () => {
    const res = await fetch(`${base}/things`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"a":1}' });
    expect(res.status).toBe(415);
    expect(await problemOf(res)).toMatchObject({ type: 'https://carechain.dev/problems/http/unsupported-media-type', status: 415 });
  });

  it('answers a wrong method on a known path with 405 and Allow, an unknown path with 404', async () => {
    const res = await fetch(`${base}/things/1`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(await problemOf(res)).toMatchObject({ type: 'https://carechain.dev/problems/http/method-not-allowed', instance: '/things/1' });
    expect((await fetch(`${base}/things`, { method: 'GET' })).status).toBe(405);
    const missing = await fetch(`${base}/nothing/here`);
    expect(missing.status).toBe(404);
    expect(await problemOf(missing)).toMatchObject({ type: 'https://carechain.dev/problems/http/not-found' });
  });

  it('answers a URL over the limit with 414', async () => {
    expect((await fetch(`${base}/things/${'a'.repeat(50)}?q=${'b'.repeat(HTTP_LIMITS.urlLength - 100)}`)).status).toBe(200);
    const res = await fetch(`${base}/things/1?q=${'b'.repeat(HTTP_LIMITS.urlLength)}`);
    expect(res.status).toBe(414);
    expect(await problemOf(res)).toMatchObject({ type: 'https://carechain.dev/problems/http/uri-too-long', status: 414 });
  });

  it('answers a path parameter over the limit with 414, and a URL that does not decode with 400, as problem+json', async () => {
    expect((await fetch(`${base}/things/${'a'.repeat(HTTP_LIMITS.pathParamLength)}`)).status).toBe(200);
    const long = await fetch(`${base}/things/${'a'.repeat(HTTP_LIMITS.pathParamLength + 1)}`);
    expect(long.status).toBe(414);
    expect(await problemOf(long)).toMatchObject({ type: 'https://carechain.dev/problems/http/uri-too-long' });
    const bad = await fetch(`${base}/things/%E0%A4%A`);
    expect(bad.status).toBe(400);
    expect(await problemOf(bad)).toMatchObject({ type: 'https://carechain.dev/problems/http/bad-request' });
  });

  it('answers headers over the limit with 431 as problem+json', async () => {
    const res = await raw(port, `GET /things/1 HTTP/1.1\r\nHost: x\r\nX-Big: ${'h'.repeat(HTTP_LIMITS.headerBytes)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.headers).toContain(`content-type: ${PROBLEM_CONTENT_TYPE}`);
    expect(JSON.parse(res.body)).toMatchObject({ type: 'https://carechain.dev/problems/http/request-header-fields-too-large', status: 431 });
  });

  it('answers a body over the limit with 413', async () => {
    const res = await fetch(`${base}/things`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ a: 'x'.repeat(HTTP_LIMITS.bodyBytes) }),
    });
    expect(res.status).toBe(413);
    expect(await problemOf(res)).toMatchObject({ type: 'https://carechain.dev/problems/http/payload-too-large' });
  });

  it.each([
    ['bytes that are not UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'not valid UTF-8'],
    ['an overlong UTF-8 encoding', Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]), 'not valid UTF-8'],
    ['a lone surrogate escape in a value', Buffer.from('{"a":"x\\ud800y"}'), 'lone UTF-16 surrogate'],
    ['a lone surrogate escape in a key', Buffer.from('{"\\udc00":1}'), 'lone UTF-16 surrogate'],
    ['nesting over the limit', Buffer.from(`${'['.repeat(HTTP_LIMITS.jsonDepth + 1)}${']'.repeat(HTTP_LIMITS.jsonDepth + 1)}`), 'nests deeper'],
    ['a __proto__ key', Buffer.from('{"__proto__":{"admin":true}}'), '__proto__'],
    ['no JSON at all', Buffer.from('{"a":'), 'not valid JSON'],
    ['an empty body', Buffer.from(''), 'empty'],
  ])('refuses %s with 400 instead of storing it', async (_name, body, detail) => {
    const res = await post(port, body);
    expect(res.status).toBe(400);
    expect(res.headers).toContain(`content-type: ${PROBLEM_CONTENT_TYPE}`);
    const problem = JSON.parse(res.body) as { type: string; detail: string };
    expect(problem.type).toBe('https://carechain.dev/problems/http/bad-request');
    expect(problem.detail).toContain(detail);
  });

  it('serves an OpenAPI document that declares the errors and the UUID path parameters the handlers parse', async () => {
    type Op = { parameters: { name: string; schema: object }[]; responses: Record<string, { content?: object }> };
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, Record<string, Op>> };
    const part = doc.paths['/things/{id}/parts/{part}']!.get!;
    expect(part.parameters.map((p) => [p.name, p.schema])).toEqual([
      ['id', { type: 'string', format: 'uuid' }],
      ['part', { type: 'string' }],
    ]);
    expect(Object.keys(part.responses)).toEqual(['200', '400', '401', '403', '404', '405', '414', '429', '431', '503']);
    expect(Object.keys(doc.paths['/things']!.post!.responses)).toEqual(expect.arrayContaining(['201', '413', '415']));
    expect(doc.paths['/things/{id}']!.get!.parameters[0]!.schema).toEqual({ type: 'string' });
    // Query parameters as the zod schema the pipe validates them with.
    expect(doc.paths['/things/search/all']!.get!.parameters.map((p) => [p.name, p.schema])).toEqual([
      ['status', { type: 'string', enum: ['open', 'closed'] }],
      ['_count', { type: 'integer', minimum: 1, maximum: 5, default: 2 }],
    ]);
    expect((await fetch(`${base}/things/search/all?status=open`)).status).toBe(200);
    expect((await fetch(`${base}/things/search/all?status=ajar`)).status).toBe(400);
  });

  it('takes nesting up to the limit, and FHIR JSON like JSON', async () => {
    const deep = `${'['.repeat(HTTP_LIMITS.jsonDepth)}${']'.repeat(HTTP_LIMITS.jsonDepth)}`;
    expect((await post(port, Buffer.from(deep))).status).toBe(201);
    expect((await post(port, Buffer.from('{"resourceType":"Patient"}'), 'application/fhir+json; charset=utf-8')).status).toBe(201);
  });
});
