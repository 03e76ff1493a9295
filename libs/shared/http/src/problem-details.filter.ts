import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '@carechain/telemetry';
import type { DomainProblems } from './domain-problems';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem';

/**
 * Every error leaves as application/problem+json: domain errors through the service's
 * mappings (see DomainProblems), the rest by their HTTP status; 5xx are logged with their cause.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(
    private readonly logger: Logger,
    private readonly domains: readonly DomainProblems[] = [],
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    // The path only: query strings may carry identifiers.
    const problem = toProblem(exception, request.url.split('?')[0], this.domains);
    if (problem.status >= 500) {
      this.logger.error(
        {
          err: exception instanceof Error ? { name: exception.name, message: exception.message, stack: exception.stack } : String(exception),
          type: problem.type,
        },
        'request failed',
      );
    }
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }
}
