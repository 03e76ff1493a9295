// The OpenAPI document a service serves, built in-process for its unit spec: its own
// HTTP controllers and those every service has (read-model admin), and what the
// document leaves out compared with the handlers (openApiGaps).
import type { Type } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { openApiDocumentOf, openApiGaps, type DomainProblems } from '@carechain/http';
import { ReadModelsController } from './read-models.controller';
import type { ServiceDefinition } from './start-service';

/** A service's HTTP surface: its controllers and how its domain errors map to problems. */
export interface ServiceHttp {
  readonly controllers: readonly Type<unknown>[];
  readonly problems: readonly DomainProblems[];
}

export async function serviceOpenApi(
  definition: Pick<ServiceDefinition, 'name' | 'description'>,
  http: ServiceHttp,
): Promise<{ document: OpenAPIObject; gaps: string[] }> {
  const controllers = [...http.controllers, ReadModelsController];
  const document = await openApiDocumentOf(controllers, { name: definition.name, description: definition.description, problems: http.problems });
  return { document, gaps: openApiGaps(document, controllers) };
}
