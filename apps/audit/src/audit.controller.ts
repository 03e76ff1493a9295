import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal, Roles, rolesFor, type Principal } from '@carechain/auth';
import { ZodValidationPipe } from '@carechain/http';
import { ReadAuditTrailUseCase, type AnchoredAuditEntry, type StoredReceipt } from '@carechain/audit-domain';

const listQuery = z.object({
  patient: z.uuid(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly trail: ReadAuditTrailUseCase) {}

  @Get('events')
  @Roles(...rolesFor('audit.trail.read'))
  @ApiOperation({
    summary:
      "A patient's audit trail, oldest first: the patient's own; the whole trail for auditors and privacy officers of the patient's custodian; for another organisation's, what that organisation did.",
  })
  @ApiQuery({ name: 'patient', required: true })
  @ApiQuery({ name: 'limit', required: false })
  async list(@Query(new ZodValidationPipe(listQuery)) query: z.infer<typeof listQuery>, @CurrentPrincipal() principal: Principal): Promise<{ patient: string; events: AnchoredAuditEntry[] }> {
    return { patient: query.patient, events: await this.trail.forPatient(query.patient, principal, query.limit) };
  }

  @Get('events/:eventId/proof')
  @Roles(...rolesFor('audit.proof.read'))
  @ApiOperation({ summary: "An event's ledger receipt: its commitment, the Merkle inclusion proof, the batch and transaction, and whether the proof checks out. For events of a trail the caller may read." })
  proof(@Param('eventId') eventId: string, @CurrentPrincipal() principal: Principal): Promise<{ eventId: string; commitment: string } & StoredReceipt> {
    return this.trail.proof(eventId, principal);
  }
}
