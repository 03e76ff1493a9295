// Accepts application/fhir+json bodies (FHIR R4 §3.1.0.1.6), which Fastify would
// answer with 415: parsed by the strict JSON parser every service uses (UTF-8, no
// lone surrogates, bounded depth), registered before Fastify is ready.
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { strictJsonParser } from '@carechain/http';
import { FHIR_JSON } from './claims.http';

@Injectable()
export class FhirJsonBodies implements OnModuleInit {
  constructor(private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.host.httpAdapter.getInstance<FastifyInstance>();
    if (!fastify.hasContentTypeParser(FHIR_JSON)) fastify.addContentTypeParser(FHIR_JSON, { parseAs: 'buffer' }, strictJsonParser);
  }
}
