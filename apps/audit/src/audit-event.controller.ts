import { Controller, Get, Header, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal, Roles, rolesFor, type Principal } from '@carechain/auth';
import { ZodValidationPipe } from '@carechain/http';
import { SearchAuditEventsUseCase } from '@carechain/audit-domain';
import { auditEventBundle, auditEventQuerySchema, FHIR_JSON, toSearch, type AuditEventBundle, type AuditEventQuery } from './audit-event.http';

@ApiTags('audit')
@Controller('AuditEvent')
export class AuditEventController {
  constructor(private readonly search: SearchAuditEventsUseCase) {}

  @Get()
  @Roles(...rolesFor('audit.fhir.search'))
  @Header('content-type', FHIR_JSON)
  @ApiProduces('application/fhir+json')
  @ApiOperation({
    summary:
      'FHIR R4 AuditEvents following IHE BALP (PatientRead, PatientQuery, PatientCreate/Update/Delete, AuthZconsent, PrivacyDisclosure) as a searchset Bundle, oldest first, with a `next` link. patient= reads what the caller may read of that trail; agent= alone investigates a user of the caller’s organisation (privacy officers).',
  })
  @ApiQuery({ name: 'patient', required: false, description: 'A patient id or Patient/<id>' })
  @ApiQuery({ name: 'agent', required: false, description: 'The acting user (subject)' })
  @ApiQuery({ name: 'date', required: false, isArray: true, description: 'ge|gt|le|lt|eq followed by a date or date-time; repeat for a range' })
  @ApiQuery({ name: 'entity-type', required: false, description: 'audit-entity-type code (1 person, 2 system object), or system|code' })
  @ApiQuery({ name: '_count', required: false })
  @ApiQuery({ name: '_cursor', required: false, description: 'From the `next` link' })
  async list(
    @Query(new ZodValidationPipe(auditEventQuerySchema)) query: AuditEventQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<AuditEventBundle> {
    return auditEventBundle(await this.search.search(toSearch(query), principal), request);
  }
}
