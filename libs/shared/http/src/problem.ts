// RFC 9457 problem details: every error carechain answers has a stable `type`
// URI per kind of error, so clients branch on the type, never on the prose.
import { HttpException, HttpStatus } from '@nestjs/common';

export const PROBLEM_BASE = 'https://carechain.dev/problems';
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

export function problemType(kind: string): string {
  return `${PROBLEM_BASE}/${kind}`;
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

const STATUS_KINDS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
  503: 'unavailable',
};

function isProblemBody(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as Problem).type === 'string' && typeof (body as Problem).title === 'string';
}

/** Maps anything thrown to a problem; unknown errors become a detail-free 500. */
export function toProblem(error: unknown, instance?: string): Problem {
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    if (isProblemBody(body)) return { ...body, status, ...(instance && { instance }) };
    const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? error.message);
    return {
      type: problemType(`http/${STATUS_KINDS[status] ?? String(status)}`),
      title: HttpStatus[status]?.toString().replace(/_/g, ' ').toLowerCase() ?? 'error',
      status,
      detail: Array.isArray(message) ? message.join('; ') : String(message),
      ...(instance && { instance }),
    };
  }
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own errors (unparsable JSON, wrong content type, body too large).
    return { type: problemType(`http/${STATUS_KINDS[status] ?? String(status)}`), title: 'Bad request', status, detail: (error as Error).message, ...(instance && { instance }) };
  }
  return { type: problemType('internal'), title: 'Internal error', status: 500, detail: 'The server failed to handle the request; it has been logged.', ...(instance && { instance }) };
}
