import type { OpenAPIObject } from '@nestjs/swagger';
import { domainProblems } from './domain-problems';
import { completeOpenApi, PROBLEM_SCHEMA } from './openapi-contract';

class ThingError extends Error {
  constructor(readonly code: 'gone' | 'taken' | 'broken') {
    super(code);
  }
}
const THING_PROBLEMS = domainProblems<ThingError>({ domain: 'thing', errorClass: ThingError, status: { gone: 410, taken: 409, broken: 500 } });

const document = (): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/things': { post: { requestBody: { content: {} }, responses: { '201': { description: 'created' } } } },
    '/things/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true }], responses: { '200': { description: 'ok' } } } },
    '/search': { get: { parameters: [{ name: 'q', in: 'query' }], responses: { '200': { description: 'ok' }, '409': { description: 'mine' } } } },
  },
});

describe('completeOpenApi', () => {
  const doc = completeOpenApi(document(), [THING_PROBLEMS]);
  const statuses = (path: string, method: string) => Object.keys((doc.paths[path] as Record<string, { responses: object }>)[method]!.responses);

  it('declares what every authenticated operation can answer, and the domain’s 4xx and 503, never its 500', () => {
    expect(statuses('/search', 'get')).toEqual(['200', '400', '401', '403', '405', '409', '410', '414', '429', '431', '503']);
  });

  it('adds 413 and 415 where a body is read, 404 where the path names a resource', () => {
    expect(statuses('/things', 'post')).toEqual(expect.arrayContaining(['201', '413', '415']));
    expect(statuses('/things', 'post')).not.toContain('404');
    expect(statuses('/things/{id}', 'get')).toContain('404');
    expect(statuses('/things/{id}', 'get')).not.toContain('415');
  });

  it('answers each with the one problem schema as application/problem+json, with Retry-After on 429 and Allow on 405', () => {
    expect(doc.components?.schemas?.Problem).toBe(PROBLEM_SCHEMA);
    const responses = (doc.paths['/search'] as { get: { responses: Record<string, { content?: object; headers?: object }> } }).get.responses;
    expect(responses['404']).toBeUndefined();
    expect(responses['409']).toEqual({ description: 'mine', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
    expect(Object.keys(responses['429']!.headers!)).toEqual(['Retry-After']);
    expect(Object.keys(responses['405']!.headers!)).toEqual(['Allow']);
    expect(responses['200']).toEqual({ description: 'ok' });
  });
});
