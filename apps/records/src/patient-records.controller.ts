import { Body, Controller, Headers, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Roles, type Principal } from '@carechain/auth';
import { ApiQueryOf, ApiResult, FHIR_JSON, ZodValidationPipe } from '@carechain/http';
import { searchBundle, SearchRecordsUseCase, WriteRecordUseCase, type RecordsSearchBundle } from '@carechain/records-domain';
import { FhirRead, writtenRecord, type WrittenRecord } from './records.decorators';
import { ACCESS_EVENTS_HEADER, BREAK_GLASS_HEADER, breakGlassOf, etag, requestUrl, searchQuerySchema, type SearchQueryParams } from './records.http';
import { RECORD_LINKS, recordsSearchBundleSchema, writtenRecordSchema } from './records.responses';
import { readPurpose, requesterOf, WRITE_ROLES } from './records.roles';

@ApiTags('records')
@Controller('patients/:id/records')
export class PatientRecordsController {
  constructor(
    private readonly writes: WriteRecordUseCase,
    private readonly search: SearchRecordsUseCase,
  ) {}

  @Post()
  @Roles(...WRITE_ROLES)
  @ApiOperation({
    summary:
      "File a FHIR R4 resource (Condition, AllergyIntolerance, MedicationStatement, Observation, Encounter, Appointment, Communication, ChargeItem) as a new record of the patient. Its patient reference must be Patient/<id>; the writer's organisation must be permitted by consent to treat its category. 201 once Kafka acknowledged.",
  })
  @ApiBody({ description: 'A FHIR R4 resource (application/fhir+json or application/json).', schema: { type: 'object' } })
  @ApiResult(writtenRecordSchema, { status: 201, description: 'Filed: the record (also in Location), version 1 and its event.', links: RECORD_LINKS })
  async create(
    @Param('id', new ParseUUIDPipe()) patientId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WrittenRecord> {
    const written = await this.writes.create(patientId, body, requesterOf(principal));
    reply.status(201).header('location', `/records/${written.recordId}`).header('etag', etag(written.version));
    return writtenRecord(written);
  }

  @FhirRead(
    'A searchset Bundle of exactly the records consent lets the caller see: the latest version of each, newest first. Categories consent withholds are named in an OperationOutcome entry (search mode outcome). 403 only when nothing is permitted. Every search is recorded as AccessDecided before the answer.',
  )
  @ApiQueryOf(searchQuerySchema)
  @ApiResult(recordsSearchBundleSchema, { contentType: FHIR_JSON, description: 'A searchset Bundle, with next and previous links.' })
  async list(
    @Param('id', new ParseUUIDPipe()) patientId: string,
    @Query(new ZodValidationPipe(searchQuerySchema)) query: SearchQueryParams,
    @Headers(BREAK_GLASS_HEADER) breakGlassReason: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecordsSearchBundle> {
    const result = await this.search.execute(
      patientId,
      { categories: query.category, offset: query._offset, count: query._count },
      { requester: requesterOf(principal), purpose: readPurpose(principal, query.purpose), ...breakGlassOf(breakGlassReason) },
    );
    reply.header(ACCESS_EVENTS_HEADER, result.accessEventIds.join(','));
    const next =
      query._offset + query._count < result.total
        ? requestUrl(request, { _offset: String(query._offset + query._count), _count: String(query._count) })
        : undefined;
    const previous =
      query._offset > 0 ? requestUrl(request, { _offset: String(Math.max(0, query._offset - query._count)), _count: String(query._count) }) : undefined;
    return searchBundle(result, { selfUrl: requestUrl(request), ...(next && { nextUrl: next }), ...(previous && { previousUrl: previous }) });
  }
}
