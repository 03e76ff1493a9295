import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CurrentPrincipal, Roles, rolesFor, type Principal } from '@carechain/auth';
import { ApiResult, ApiResults, openApiSchemaOf, ZodValidationPipe } from '@carechain/http';
import { ListReviewsUseCase, MergePatientsUseCase, ResolveReviewUseCase } from '@carechain/identity-domain';
import {
  MERGE_REQUEST_LINKS,
  mergedSchema,
  mergeRequestsSchema,
  mergeResolutionSchema,
  pendingMergeSchema,
  resolvedReviewSchema,
  reviewsSchema,
  unmergedSchema,
} from './identity.responses';

const mergeSchema = z.object({ survivorId: z.uuid(), mergedId: z.uuid() }).strict();

@ApiTags('master patient index')
@Controller('mpi')
export class MpiController {
  constructor(
    private readonly reviewList: ListReviewsUseCase,
    private readonly reviews: ResolveReviewUseCase,
    private readonly merges: MergePatientsUseCase,
  ) {}

  @Get('reviews')
  @Roles(...rolesFor('identity.review.list'))
  @ApiOperation({
    summary: "Open match reviews of registrations made by the caller's organisation: the registration, the candidate it may be, and the per-field evidence.",
  })
  @ApiResult(reviewsSchema, { description: 'The open reviews, oldest first.' })
  list(@CurrentPrincipal() principal: Principal) {
    return this.reviewList.execute(principal);
  }

  @Post('reviews/:id/link')
  @HttpCode(200)
  @Roles(...rolesFor('identity.review.resolve'))
  @ApiOperation({ summary: 'Decide the registration is the candidate patient: it is linked to them. Staff of the registering organisation only.' })
  @ApiResult(resolvedReviewSchema, { description: 'Linked: the patient the registration now belongs to.' })
  link(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.reviews.execute(id, 'link', principal);
  }

  @Post('reviews/:id/separate')
  @HttpCode(200)
  @Roles(...rolesFor('identity.review.resolve'))
  @ApiOperation({ summary: 'Decide the registration is someone else: it becomes a new patient. Staff of the registering organisation only.' })
  @ApiResult(resolvedReviewSchema, { description: 'Separated: the new patient.' })
  separate(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.reviews.execute(id, 'separate', principal);
  }

  @Post('merges')
  @Roles(...rolesFor('identity.merge'))
  @ApiOperation({
    summary:
      'Merge one patient (mergedId) into another (survivorId), by a data steward of the custodian of either. Same custodian: 200 {status merged}. ' +
      'Different custodians: 202 {status pending, mergeRequestId, awaiting}: the other custodian accepts at /mpi/merge-requests/:id/accept. Reversible with /mpi/unmerges.',
  })
  @ApiBody({ schema: openApiSchemaOf(mergeSchema) })
  @ApiResults(
    { status: 200, schema: mergedSchema, description: 'Merged (same custodian).' },
    { status: 202, schema: pendingMergeSchema, description: 'Pending: the other custodian accepts or rejects.', links: MERGE_REQUEST_LINKS },
  )
  async merge(
    @Body(new ZodValidationPipe(mergeSchema)) body: z.infer<typeof mergeSchema>,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.merges.merge(body.survivorId, body.mergedId, principal);
    reply.status(outcome.status === 'merged' ? 200 : 202);
    return outcome;
  }

  @Get('merge-requests')
  @Roles(...rolesFor('identity.merge-request.list'))
  @ApiOperation({ summary: "Merge requests that involve the caller's organisation, asked by it or awaiting it, with their status." })
  @ApiResult(mergeRequestsSchema, { description: 'The merge requests.' })
  requests(@CurrentPrincipal() principal: Principal) {
    return { mergeRequests: this.merges.requests(principal) };
  }

  @Post('merge-requests/:id/accept')
  @HttpCode(200)
  @Roles(...rolesFor('identity.merge-request.resolve'))
  @ApiOperation({
    summary: 'The awaited custodian accepts a merge request: the patients are merged. 404 unknown request, 409 already resolved or no longer mergeable.',
  })
  @ApiResult(mergeResolutionSchema, { description: 'Merged.' })
  accept(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.merges.resolve(id, 'accepted', principal);
  }

  @Post('merge-requests/:id/reject')
  @HttpCode(200)
  @Roles(...rolesFor('identity.merge-request.resolve'))
  @ApiOperation({ summary: 'The awaited custodian rejects a merge request: nothing is merged.' })
  @ApiResult(mergeResolutionSchema, { description: 'Rejected.' })
  reject(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.merges.resolve(id, 'rejected', principal);
  }

  @Post('unmerges')
  @HttpCode(200)
  @Roles(...rolesFor('identity.unmerge'))
  @ApiOperation({ summary: 'Undo a merge: a data steward of the custodian of either patient.' })
  @ApiBody({ schema: openApiSchemaOf(mergeSchema) })
  @ApiResult(unmergedSchema, { description: 'Unmerged: the event.' })
  unmerge(@Body(new ZodValidationPipe(mergeSchema)) body: z.infer<typeof mergeSchema>, @CurrentPrincipal() principal: Principal) {
    return this.merges.unmerge(body.survivorId, body.mergedId, principal);
  }
}
