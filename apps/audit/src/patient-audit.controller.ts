import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal, Roles, rolesFor, type Principal } from '@carechain/auth';
import { ZodValidationPipe } from '@carechain/http';
import { ReadDisclosuresUseCase, type DisclosurePage } from '@carechain/audit-domain';
import { PageQueries, toTrailQuery, trailQuerySchema } from './audit.http';

@ApiTags('audit')
@Controller('patients/:id')
export class PatientAuditController {
  constructor(private readonly disclosures: ReadDisclosuresUseCase) {}

  @Get('disclosures')
  @Roles(...rolesFor('audit.disclosures.read'))
  @PageQueries()
  @ApiOperation({
    summary:
      "The patient's accounting of disclosures outside the custodian (HIPAA 164.528 with HITECH): date, recipient organisation and practitioner, categories, purpose, basis (grant, break-glass with its reason) and proof. Six years back unless `from` says otherwise; oldest first, paged.",
  })
  list(
    @Param('id', new ParseUUIDPipe()) patientId: string,
    @Query(new ZodValidationPipe(trailQuerySchema)) query: z.infer<typeof trailQuerySchema>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DisclosurePage> {
    return this.disclosures.forPatient(patientId, principal, toTrailQuery(query));
  }
}
