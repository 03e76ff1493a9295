// What a client can rely on from every carechain service at the HTTP layer, before
// any controller runs: documented limits, and every refusal as problem+json — a wrong
// method 405 (with Allow), an over-long URL 414, over-large headers 431, a media type
// no parser takes 415, a body that is not strict UTF-8 JSON 400. Fastify's own
// answers for the last two would be plain JSON, and its JSON parser would store
// invalid bytes as U+FFFD.
import { STATUS_CODES, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyHttpOptions, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, httpProblem } from './problem';

/** The limits every service applies; the README's "HTTP conventions" lists them. */
export const HTTP_LIMITS = {
  // Bodies beyond this are not patient registrations or FHIR resources we accept.
  bodyBytes: 1024 * 1024,
  // Far beyond any route and query we serve (the longest is a search with a few ids).
  urlLength: 8 * 1024,
  // Fastify's default, stated: ids are UUIDs (36), names of read models and actors far shorter.
  pathParamLength: 100,
  // Node's default, stated: the request line and every header together.
  headerBytes: 16 * 1024,
  // FHIR resources nest well under ten levels; deeper JSON only costs us stack and time.
  jsonDepth: 32,
} as const;

/** The media types whose bodies are JSON; anything else on a route with a body is 415. */
export const JSON_MEDIA_TYPES = ['application/json', 'application/fhir+json'] as const;

/** Fastify's options with carechain's limits and a problem+json answer to errors Node's parser raises. */
export function httpServerOptions(): FastifyHttpOptions<Server> {
  return {
    bodyLimit: HTTP_LIMITS.bodyBytes,
    trustProxy: true,
    routerOptions: { maxParamLength: HTTP_LIMITS.pathParamLength },
    http: { maxHeaderSize: HTTP_LIMITS.headerBytes },
    clientErrorHandler: answerClientError,
    // Raised by the router before any route or hook: a URL that does not decode, a parameter over the limit.
    frameworkErrors: (error, request, reply) => {
      const status = error.statusCode === 414 ? 414 : 400;
      const detail = status === 414 ? `A path parameter is longer than ${HTTP_LIMITS.pathParamLength} characters.` : 'The URL is not validly percent-encoded.';
      void send(reply, status, detail, request.url.split('?')[0] ?? '/');
    },
  };
}

/** Installs the body parsers, the URL limit and the 405 answer; call before the app's routes are registered. */
export function applyHttpConventions(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  for (const type of JSON_MEDIA_TYPES) fastify.addContentTypeParser(type, { parseAs: 'buffer' }, strictJsonParser);

  const routes = new RouteMethods();
  fastify.addHook('onRoute', (route) => routes.add(route.url, route.method));
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    const path = request.url.split('?')[0];
    if (request.url.length > HTTP_LIMITS.urlLength) {
      void send(reply, 414, `The URL is longer than ${HTTP_LIMITS.urlLength} characters.`, path);
      return;
    }
    // No route matched this method: if the path exists under others, the method is what is wrong.
    if (request.routeOptions.url === undefined) {
      const allowed = routes.allowedFor(path);
      if (allowed.length > 0) {
        void send(reply.header('allow', allowed.join(', ')), 405, `${request.method} is not allowed here; use ${allowed.join(', ')}.`, path);
        return;
      }
    }
    done();
  });
}

function send(reply: FastifyReply, status: number, detail: string, instance: string): FastifyReply {
  return reply
    .status(status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(httpProblem(status, detail, instance));
}

class RouteMethods {
  private readonly routes: { pattern: RegExp; methods: Set<string> }[] = [];

  add(url: string, method: string | string[]): void {
    const source = `^${url
      .split('/')
      .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/')}/?$`;
    let entry = this.routes.find((r) => r.pattern.source === source);
    if (!entry) {
      entry = { pattern: new RegExp(source), methods: new Set() };
      this.routes.push(entry);
    }
    for (const m of [method].flat()) entry.methods.add(m);
  }

  allowedFor(path: string): string[] {
    const methods = new Set<string>();
    for (const route of this.routes) if (route.pattern.test(path)) for (const m of route.methods) methods.add(m);
    return [...methods].sort();
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
// In a `u` regex a paired surrogate is one code point, so \p{Cs} finds only lone halves.
const LONE_SURROGATE = /\p{Cs}/u;

class BodyError extends Error {
  readonly statusCode = 400;
}

/**
 * JSON strictly: valid UTF-8 bytes, no lone surrogate in any string or key (a `\ud800`
 * escape), nesting no deeper than the limit, no `__proto__` or `constructor` keys.
 */
export function strictJsonParser(_request: FastifyRequest, body: Buffer | string, done: (err: Error | null, value?: unknown) => void): void {
  let text: string;
  try {
    text = typeof body === 'string' ? body : utf8.decode(body);
  } catch {
    done(new BodyError('The body is not valid UTF-8.'));
    return;
  }
  if (text.length === 0) {
    done(new BodyError('The body is empty; send a JSON document.'));
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(text, refusePrototypeKeys);
  } catch (err) {
    done(new BodyError(err instanceof BodyError ? err.message : 'The body is not valid JSON.'));
    return;
  }
  const problem = shapeProblem(value);
  done(problem ? new BodyError(problem) : null, problem ? undefined : value);
}

// As Fastify's own parser: a __proto__ key, or a constructor key holding a prototype, is an attack.
function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (key === '__proto__' || (key === 'constructor' && typeof value === 'object' && value !== null && 'prototype' in value)) {
    throw new BodyError(`The body may not have a "${key}" key.`);
  }
  return value;
}

/** Why a parsed body is refused (a lone surrogate, too deep), or undefined. Iterative: a deep body cannot overflow the stack. */
function shapeProblem(root: unknown): string | undefined {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return 'The body has a string with a lone UTF-16 surrogate.';
    } else if (typeof value === 'object' && value !== null) {
      if (depth > HTTP_LIMITS.jsonDepth) return `The body nests deeper than ${HTTP_LIMITS.jsonDepth} levels.`;
      for (const [key, child] of Object.entries(value)) {
        if (LONE_SURROGATE.test(key)) return 'The body has a key with a lone UTF-16 surrogate.';
        stack.push([child, depth + 1]);
      }
    }
  }
  return undefined;
}

/** Errors Node's HTTP parser raises before Fastify has a request: answered as problem+json on the socket. */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const detail =
    status === 431
      ? `The request line and headers exceed ${HTTP_LIMITS.headerBytes} bytes.`
      : status === 408
        ? 'The request was not received in time.'
        : 'The request is not valid HTTP.';
  const body = JSON.stringify(httpProblem(status, detail));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
