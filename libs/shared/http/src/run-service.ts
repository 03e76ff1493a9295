// Boots a carechain service the same way everywhere: Fastify with the HTTP
// conventions and limits of http-conventions.ts, problem+json for every error, OpenAPI at /openapi.json and Swagger UI at /docs, graceful
// shutdown on SIGTERM/SIGINT (consumers commit what they processed and leave).
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { nameHttpRoute, PinoNestLogger, type Logger } from '@carechain/telemetry';
import type { DomainProblems } from './domain-problems';
import { applyHttpConventions, httpServerOptions } from './http-conventions';
import { openApiDocument } from './openapi-document';
import { ProblemDetailsFilter } from './problem-details.filter';

export interface ServiceOptions {
  readonly name: string;
  readonly description: string;
  readonly module: unknown;
  readonly host: string;
  readonly port: number;
  readonly logger: Logger;
  readonly docsUi: boolean;
  /** How the service's domain errors map to problems. */
  readonly problems?: readonly DomainProblems[];
  /** Runs before the application is initialised, e.g. to connect its event transport (started by the init hooks, before HTTP listens). */
  readonly beforeInit?: (app: NestFastifyApplication) => void;
}

export async function runService(options: ServiceOptions): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(options.module as never, new FastifyAdapter(httpServerOptions()), {
    logger: new PinoNestLogger(options.logger),
    abortOnError: false,
    // The body parsers are the strict ones applyHttpConventions installs.
    bodyParser: false,
  });
  applyHttpConventions(app.getHttpAdapter().getInstance());
  app.useGlobalFilters(new ProblemDetailsFilter(options.logger, options.problems ?? []));
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, _reply, done) => {
      nameHttpRoute(request.routeOptions.url);
      done();
    });
  app.enableShutdownHooks();

  // Nest documents each handler's success (ApiResult); the errors every layer can answer are added to each operation.
  const document = openApiDocument(app, options);
  app.getHttpAdapter().get('/openapi.json', (_req: unknown, reply: { send(body: unknown): void }) => reply.send(document));
  if (options.docsUi) SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: '/openapi.json/ui' });

  options.beforeInit?.(app);
  await app.init();
  await app.startAllMicroservices();
  await app.listen(options.port, options.host);
  options.logger.info({ url: `http://${options.host}:${options.port}` }, `${options.name} listening`);
  return app;
}
