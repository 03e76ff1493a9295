import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal, Roles, rolesFor, type Principal } from '@carechain/auth';
import { ApiQueryOf, ApiResult, ZodValidationPipe } from '@carechain/http';
import { ReadAuditTrailUseCase, type AnchoredAuditEntry, type StoredReceipt } from '@carechain/audit-domain';
import { actorTrailSchema, patientTrailSchema, proofSchema } from './audit.responses';
import { patientTrailQuerySchema, toTrailQuery, trailQuerySchema } from './audit.http';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly trail: ReadAuditTrailUseCase) {}

  @Get('events')
  @Roles(...rolesFor('audit.trail.read'))
  @ApiOperation({
    summary:
      "A patient's audit trail, oldest first, a page at a time (`next` is the cursor of the following page): the patient's own; the whole trail for auditors and privacy officers of the patient's custodian; for another organisation's, what that organisation did.",
  })
  @ApiQueryOf(patientTrailQuerySchema)
  @ApiResult(patientTrailSchema, { description: 'A page of the trail, oldest first.' })
  async list(
    @Query(new ZodValidationPipe(patientTrailQuerySchema)) query: z.infer<typeof patientTrailQuerySchema>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ patient: string; events: readonly AnchoredAuditEntry[]; next: string | null }> {
    const page = await this.trail.forPatient(query.patient, principal, toTrailQuery(query));
    return { patient: query.patient, events: page.entries, next: page.next };
  }

  @Get('actors/:actorId/events')
  @Roles(...rolesFor('audit.actor.read'))
  @ApiQueryOf(trailQuerySchema)
  @ApiResult(actorTrailSchema, { description: 'A page of what the user did, oldest first.' })
  @ApiOperation({
    summary:
      "What one user of the caller's organisation did, to any patient, oldest first, paged: a privacy officer's investigation of their own organisation's staff.",
  })
  async byActor(
    @Param('actorId') actorId: string,
    @Query(new ZodValidationPipe(trailQuerySchema)) query: z.infer<typeof trailQuerySchema>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ actor: string; organisation: string; events: readonly AnchoredAuditEntry[]; next: string | null }> {
    const page = await this.trail.forActor(actorId, principal, toTrailQuery(query));
    return { actor: actorId, organisation: principal.organisation, events: page.entries, next: page.next };
  }

  @Get('events/:eventId/proof')
  @Roles(...rolesFor('audit.proof.read'))
  @ApiOperation({
    summary:
      "An event's ledger receipt: its commitment, the Merkle inclusion proof, the batch and transaction, and whether the proof checks out. For events of a trail the caller may read.",
  })
  @ApiResult(proofSchema, { description: 'The receipt, and whether its inclusion proof checks out.' })
  proof(@Param('eventId') eventId: string, @CurrentPrincipal() principal: Principal): Promise<{ eventId: string; commitment: string } & StoredReceipt> {
    return this.trail.proof(eventId, principal);
  }
}
