import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { organisationIdSchema, purposeOfUseSchema } from '@carechain/contracts';
import { CurrentPrincipal, Roles, type Principal } from '@carechain/auth';
import { ApiQueryOf, ApiResult, FHIR_JSON, openApiSchemaOf, ZodValidationPipe } from '@carechain/http';
import {
  historyBundle,
  ReadRecordUseCase,
  ShareRecordUseCase,
  WriteRecordUseCase,
  type RecordHistoryBundle,
  type SharedRecord,
} from '@carechain/records-domain';
import type { FhirResource } from '@carechain/records-fhir';
import { FhirRead, writtenRecord, type WrittenRecord } from './records.decorators';
import { ACCESS_EVENTS_HEADER, BREAK_GLASS_HEADER, breakGlassOf, etag, ifMatchVersion, readQuerySchema, requestUrl, type ReadQuery } from './records.http';
import { RECORD_LINKS, recordHistoryBundleSchema, recordResourceSchema, sharedRecordSchema, writtenRecordSchema } from './records.responses';
import { readPurpose, requesterOf, SHARE_ROLES, WRITE_ROLES } from './records.roles';

const shareSchema = z.object({ organisation: organisationIdSchema, purpose: purposeOfUseSchema }).strict();

@ApiTags('records')
@Controller('records/:recordId')
export class RecordsController {
  constructor(
    private readonly writes: WriteRecordUseCase,
    private readonly reads: ReadRecordUseCase,
    private readonly shares: ShareRecordUseCase,
  ) {}

  @Put()
  @HttpCode(200)
  @Roles(...WRITE_ROLES)
  @ApiOperation({
    summary:
      'Amend a record: the body (same resource type, same patient) becomes its next version; earlier versions stay. If-Match: W/"<version>" makes it conditional (412 when stale).',
  })
  @ApiBody({ description: 'A FHIR R4 resource (application/fhir+json or application/json).', schema: { type: 'object' } })
  @ApiHeader({ name: 'If-Match', required: false, description: 'W/"<version>": amend only if this is still the latest version.' })
  @ApiResult(writtenRecordSchema, { description: 'Amended: its new version (also the ETag).', links: RECORD_LINKS })
  async amend(
    @Param('recordId', new ParseUUIDPipe()) recordId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WrittenRecord> {
    const expected = ifMatchVersion(ifMatch);
    const written = await this.writes.amend(recordId, body, requesterOf(principal), expected);
    reply.header('etag', etag(written.version));
    return writtenRecord(written);
  }

  @FhirRead(
    "The record's latest version, decrypted, if consent permits the caller for its category and the purpose (default TREAT; PATRQT for a patient, who reads their own records only). Every read, permitted or denied, is recorded as AccessDecided before the answer.",
  )
  @ApiQueryOf(readQuerySchema)
  @ApiResult(recordResourceSchema, { contentType: FHIR_JSON, description: 'The FHIR resource, its version in meta.versionId and the ETag.' })
  async read(
    @Param('recordId', new ParseUUIDPipe()) recordId: string,
    @Query(new ZodValidationPipe(readQuerySchema)) query: ReadQuery,
    @Headers(BREAK_GLASS_HEADER) breakGlassReason: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FhirResource> {
    const read = await this.reads.latest(recordId, {
      requester: requesterOf(principal),
      purpose: readPurpose(principal, query.purpose),
      ...breakGlassOf(breakGlassReason),
    });
    reply
      .header('etag', etag(read.stored.version))
      .header('last-modified', new Date(read.stored.writtenAt).toUTCString())
      .header(ACCESS_EVENTS_HEADER, read.accessEventIds.join(','));
    return read.resource;
  }

  @FhirRead('Every version of the record as a FHIR history Bundle, newest first; decided and recorded as one read.', '_history')
  @ApiQueryOf(readQuerySchema)
  @ApiResult(recordHistoryBundleSchema, { contentType: FHIR_JSON, description: 'A history Bundle, newest version first.' })
  async history(
    @Param('recordId', new ParseUUIDPipe()) recordId: string,
    @Query(new ZodValidationPipe(readQuerySchema)) query: ReadQuery,
    @Headers(BREAK_GLASS_HEADER) breakGlassReason: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecordHistoryBundle> {
    const read = await this.reads.history(recordId, {
      requester: requesterOf(principal),
      purpose: readPurpose(principal, query.purpose),
      ...breakGlassOf(breakGlassReason),
    });
    reply.header(ACCESS_EVENTS_HEADER, read.accessEventIds.join(','));
    return historyBundle(read.versions, requestUrl(request));
  }

  @Post('shares')
  @HttpCode(201)
  @Roles(...SHARE_ROLES)
  @ApiOperation({
    summary:
      "Point another organisation at a record (RecordShared). The caller must be able to read the record for treatment; consent must already permit the organisation for the record's category and the purpose (409 with the reason otherwise).",
  })
  @ApiBody({ schema: openApiSchemaOf(shareSchema) })
  @ApiResult(sharedRecordSchema, { status: 201, description: 'Shared: the share, its event and the grant that covers it.' })
  share(
    @Param('recordId', new ParseUUIDPipe()) recordId: string,
    @Body(new ZodValidationPipe(shareSchema)) body: z.infer<typeof shareSchema>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SharedRecord> {
    return this.shares.execute(recordId, body, requesterOf(principal));
  }
}
