import { Controller, Get, Header, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal, Roles, rolesFor, type Principal } from '@carechain/auth';
import { ApiQueryOf, ApiResult, ZodValidationPipe } from '@carechain/http';
import { SearchAuditEventsUseCase } from '@carechain/audit-domain';
import { auditEventBundle, auditEventQuerySchema, FHIR_JSON, toSearch, type AuditEventBundle, type AuditEventQuery } from './audit-event.http';
import { auditEventBundleSchema } from './audit.responses';

@ApiTags('audit')
@Controller('AuditEvent')
export class AuditEventController {
  constructor(private readonly search: SearchAuditEventsUseCase) {}

  @Get()
  @Roles(...rolesFor('audit.fhir.search'))
  @Header('content-type', FHIR_JSON)
  @ApiOperation({
    summary:
      'FHIR R4 AuditEvents following IHE BALP (PatientRead, PatientQuery, PatientCreate/Update/Delete, AuthZconsent, PrivacyDisclosure) as a searchset Bundle, oldest first, with a `next` link. patient= reads what the caller may read of that trail; agent= alone investigates a user of the caller’s organisation (privacy officers).',
  })
  @ApiQueryOf(auditEventQuerySchema)
  @ApiResult(auditEventBundleSchema, { contentType: 'application/fhir+json', description: 'A searchset Bundle of AuditEvents, with a next link.' })
  async list(
    @Query(new ZodValidationPipe(auditEventQuerySchema)) query: AuditEventQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<AuditEventBundle> {
    return auditEventBundle(await this.search.search(toSearch(query), principal), request);
  }
}
