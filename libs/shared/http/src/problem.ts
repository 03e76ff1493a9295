// RFC 9457 problem details: every error carechain answers has a stable `type`
// URI per kind of error, so clients branch on the type, never on the prose.
import { STATUS_CODES } from 'node:http';
import { HttpException, HttpStatus } from '@nestjs/common';
import { domainProblemOf, type DomainProblems } from './domain-problems';
import { FORBIDDEN_TYPE, problemType } from './problem-type';

export { PROBLEM_BASE, problemType, undocumentedProblemTypes } from './problem-type';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface FieldError {
  readonly path: string;
  readonly message: string;
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

/** An HttpException whose body is already a problem document. */
export class ProblemException extends HttpException {
  constructor(problem: Problem) {
    super(problem, problem.status);
  }
}

export class ValidationProblem extends ProblemException {
  constructor(errors: readonly FieldError[], detail = 'The request does not match the schema: see errors.') {
    super({ type: problemType('validation'), title: 'Invalid request', status: HttpStatus.BAD_REQUEST, detail, errors });
  }
}

export class NotFoundProblem extends ProblemException {
  constructor(what: string, id: string) {
    super({ type: problemType(`${what}/not-found`), title: `${what} not found`, status: HttpStatus.NOT_FOUND, detail: `No ${what} with id ${id}.` });
  }
}

/** The kinds of HTTP-layer errors (http/<kind>); a status not listed is http/<status>. */
export const HTTP_PROBLEM_KINDS: Readonly<Record<number, string>> = {
  400: 'bad-request',
  401: 'unauthorized',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  408: 'request-timeout',
  409: 'conflict',
  413: 'payload-too-large',
  414: 'uri-too-long',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
  431: 'request-header-fields-too-large',
  503: 'unavailable',
};
const STATUS_KINDS = HTTP_PROBLEM_KINDS;

/** The problem types every service can answer whatever its domain: for the README's table and its check. */
export function sharedProblemTypes(): { type: string; status: number }[] {
  return [
    { type: problemType('validation'), status: 400 },
    { type: FORBIDDEN_TYPE, status: 403 },
    { type: problemType('internal'), status: 500 },
    { type: problemType('not-ready'), status: 503 },
    { type: problemType('read-model/not-found'), status: 404 },
    ...Object.entries(HTTP_PROBLEM_KINDS).map(([status, kind]) => ({ type: problemType(`http/${kind}`), status: Number(status) })),
  ];
}

function isProblemBody(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as Problem).type === 'string' && typeof (body as Problem).title === 'string';
}

/** The type of an HTTP-layer error of this status: http/<kind>, and the one `forbidden` for every 403. */
function httpProblemType(status: number): string {
  return status === HttpStatus.FORBIDDEN ? FORBIDDEN_TYPE : problemType(`http/${STATUS_KINDS[status] ?? String(status)}`);
}

/** A problem of the HTTP layer (a limit, a method, a media type), titled by the status's reason phrase. */
export function httpProblem(status: number, detail: string, instance?: string): Problem {
  return { type: httpProblemType(status), title: STATUS_CODES[status] ?? 'Error', status, detail, ...(instance && { instance }) };
}

/**
 * Maps anything thrown to a problem: a domain error through its service's mapping, an
 * HttpException by its status; unknown errors become a detail-free 500.
 */
export function toProblem(error: unknown, instance?: string, domains: readonly DomainProblems[] = []): Problem {
  const domain = domainProblemOf(domains, error);
  if (domain) return { ...domain, ...(instance && { instance }) };
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    if (isProblemBody(body)) return { ...body, status, ...(instance && { instance }) };
    const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? error.message);
    return {
      type: httpProblemType(status),
      title: HttpStatus[status]?.toString().replace(/_/g, ' ').toLowerCase() ?? 'error',
      status,
      detail: Array.isArray(message) ? message.join('; ') : String(message),
      ...(instance && { instance }),
    };
  }
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own errors (unparsable JSON, wrong content type, body too large) and the strict JSON parser's.
    return httpProblem(status, (error as Error).message, instance);
  }
  return {
    type: problemType('internal'),
    title: 'Internal error',
    status: 500,
    detail: 'The server failed to handle the request; it has been logged.',
    ...(instance && { instance }),
  };
}
