import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal, Roles, type Principal } from '@carechain/auth';
import { ZodValidationPipe } from '@carechain/http';
import { IdentityState, MergePatientsUseCase, ResolveReviewUseCase } from '@carechain/identity-domain';
import { asProblem } from './identity.problems';

const mergeSchema = z.object({ survivorId: z.uuid(), mergedId: z.uuid() }).strict();
const actorOf = (p: Principal) => ({ subject: p.subject, organisation: p.organisation });

@ApiTags('master patient index')
@Controller('mpi')
export class MpiController {
  constructor(
    private readonly state: IdentityState,
    private readonly reviews: ResolveReviewUseCase,
    private readonly merges: MergePatientsUseCase,
  ) {}

  @Get('reviews')
  @Roles('data-steward', 'admin')
  @ApiOperation({ summary: 'Open match reviews: a registration, the candidate it may be, and the per-field evidence.' })
  list() {
    return {
      reviews: this.state.openReviews().map((r) => ({
        reviewId: r.reviewId,
        openedAt: r.openedAt,
        candidatePatientId: r.candidatePatientId,
        registration: { organisation: r.custodian, ...this.state.open(r.provisionalPatientId, r) },
        evidence: r.evidence,
      })),
    };
  }

  @Post('reviews/:id/link')
  @HttpCode(200)
  @Roles('data-steward', 'admin')
  @ApiOperation({ summary: 'Decide the registration is the candidate patient: it is linked to them.' })
  link(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    return asProblem(() => this.reviews.execute(id, 'link', actorOf(principal)));
  }

  @Post('reviews/:id/separate')
  @HttpCode(200)
  @Roles('data-steward', 'admin')
  @ApiOperation({ summary: 'Decide the registration is someone else: it becomes a new patient.' })
  separate(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    return asProblem(() => this.reviews.execute(id, 'separate', actorOf(principal)));
  }

  @Post('merges')
  @HttpCode(200)
  @Roles('data-steward', 'admin')
  @ApiOperation({ summary: 'Merge one patient (mergedId) into another (survivorId). Reversible with /mpi/unmerges.' })
  @ApiBody({ schema: z.toJSONSchema(mergeSchema, { io: 'input' }) as object })
  merge(@Body(new ZodValidationPipe(mergeSchema)) body: z.infer<typeof mergeSchema>, @CurrentPrincipal() principal: Principal) {
    return asProblem(() => this.merges.merge(body.survivorId, body.mergedId, actorOf(principal)));
  }

  @Post('unmerges')
  @HttpCode(200)
  @Roles('data-steward', 'admin')
  @ApiOperation({ summary: 'Undo a merge.' })
  @ApiBody({ schema: z.toJSONSchema(mergeSchema, { io: 'input' }) as object })
  unmerge(@Body(new ZodValidationPipe(mergeSchema)) body: z.infer<typeof mergeSchema>, @CurrentPrincipal() principal: Principal) {
    return asProblem(() => this.merges.unmerge(body.survivorId, body.mergedId, actorOf(principal)));
  }
}
