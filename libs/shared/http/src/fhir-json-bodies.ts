// FHIR clients send application/fhir+json (FHIR R4 §3.1.0.1.6); Fastify parses only
// application/json out of the box and would answer 415. Registered while the app
// initialises, before Fastify is ready, with the strict JSON parser every service
// uses (UTF-8, no lone surrogates, bounded depth).
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { strictJsonParser } from './http-conventions';

export const FHIR_JSON = 'application/fhir+json';

@Injectable()
export class FhirJsonBodies implements OnModuleInit {
  constructor(private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.host.httpAdapter.getInstance<FastifyInstance>();
    if (!fastify.hasContentTypeParser(FHIR_JSON)) fastify.addContentTypeParser(FHIR_JSON, { parseAs: 'buffer' }, strictJsonParser);
  }
}
