import { Controller, ForbiddenException, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal, Roles, type Principal } from '@carechain/auth';
import { NotFoundProblem, ZodValidationPipe } from '@carechain/http';
import { AuditTrailReader, type AnchoredAuditEntry, type StoredReceipt } from '@carechain/audit-domain';

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
  ): Promise<{ patient: string; events: AnchoredAuditEntry[] }> {
    const staff = principal.roles.some((r) => r !== 'patient');
    if (!staff && principal.subject !== query.patient) throw new ForbiddenException('A patient may read only their own audit trail.');
    return { patient: query.patient, events: await this.trail.forPatient(query.patient, query.limit) };
  }

  @Get('events/:eventId/proof')
  @Roles('auditor', 'privacy-officer', 'admin', 'patient')
  @ApiOperation({ summary: "An event's ledger receipt: its commitment, the Merkle inclusion proof, the batch and transaction, and whether the proof checks out." })
  async proof(@Param('eventId') eventId: string, @CurrentPrincipal() principal: Principal): Promise<{ eventId: string; commitment: string } & StoredReceipt> {
    const entry = await this.trail.get(eventId);
    const stored = await this.trail.receipt(eventId);
    if (!entry || !stored) throw new NotFoundProblem('receipt', eventId);
    const staff = principal.roles.some((r) => r !== 'patient');
    if (!staff && principal.subject !== entry.subject) throw new ForbiddenException('A patient may read only the proofs of their own events.');
    return { eventId, commitment: stored.receipt.commitment, ...stored };
  }
}
