// A service's OpenAPI document, built the same way whether the service serves it
// (runService) or a unit spec builds it in-process from the service's controllers
// (openApiDocumentOf: Nest in preview mode, nothing instantiated, nothing connected).
import 'reflect-metadata';
import { Module, type INestApplication, type Type } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { DomainProblems } from './domain-problems';
import { completeOpenApi } from './openapi-contract';
import { uuidPathParams } from './uuid-path-params';

export interface OpenApiInfo {
  readonly name: string;
  readonly description: string;
  /** How the service's domain errors map to problems. */
  readonly problems?: readonly DomainProblems[];
}

/** The complete document of an application: Nest's, with every error and path format added (completeOpenApi). */
export function openApiDocument(app: INestApplication, info: OpenApiInfo): OpenAPIObject {
  return completeOpenApi(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle(`carechain ${info.name}`)
        .setDescription(info.description)
        .setVersion('0.1.0')
        .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
        .addSecurityRequirements('bearer')
        .build(),
    ),
    info.problems ?? [],
    uuidPathParams(controllersOf(app)),
  );
}

export function controllersOf(app: INestApplication): Type<unknown>[] {
  return [...app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()].map((wrapper) => wrapper.metatype as Type<unknown>));
}

/**
 * The document a service with these HTTP controllers serves, built in-process:
 * Nest scans the controllers in preview mode (no provider is made, so their
 * dependencies are only named), and the document is built as runService builds it.
 */
export async function openApiDocumentOf(controllers: readonly Type<unknown>[], info: OpenApiInfo): Promise<OpenAPIObject> {
  const tokens = new Set(controllers.flatMap(dependenciesOf));
  @Module({ controllers: [...controllers], providers: [...tokens].map((token) => ({ provide: token as never, useValue: undefined })) })
  class DocumentedModule {}
  const app = await NestFactory.create(DocumentedModule, new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
  try {
    return openApiDocument(app, info);
  } finally {
    await app.close();
  }
}

function dependenciesOf(controller: Type<unknown>): unknown[] {
  const types = [...((Reflect.getMetadata('design:paramtypes', controller) as unknown[] | undefined) ?? [])];
  for (const { index, param } of (Reflect.getMetadata('self:paramtypes', controller) as { index: number; param: unknown }[] | undefined) ?? [])
    types[index] = param;
  return types;
}
