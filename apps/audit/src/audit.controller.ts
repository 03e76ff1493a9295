import { Controller, ForbiddenException, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal, Roles, type Principal } from '@carechain/auth';
import { ZodValidationPipe } from '@carechain/http';
import { AuditTrailReader, type AuditEntry } from '@carechain/audit-domain';

const listQuery = z.object({
  patient: z.uuid(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly trail: AuditTrailReader) {}

  @Get('events')
  @Roles('auditor', 'privacy-officer', 'admin', 'patient')
  @ApiOperation({ summary: "A patient's audit trail, oldest first. A patient may read their own." })
  @ApiQuery({ name: 'patient', required: true })
  @ApiQuery({ name: 'limit', required: false })
  async list(
    @Query(new ZodValidationPipe(listQuery)) query: z.infer<typeof listQuery>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ patient: string; events: AuditEntry[] }> {
    const staff = principal.roles.some((r) => r !== 'patient');
    if (!staff && principal.subject !== query.patient) throw new ForbiddenException('A patient may read only their own audit trail.');
    return { patient: query.patient, events: await this.trail.forPatient(query.patient, query.limit) };
  }
}
