import { Body, Controller, Get, Inject, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiResult, openApiSchemaOf } from '@carechain/http';
import { benefitPlanSchema } from '@carechain/contracts';
import { CurrentPrincipal, Roles, rolesFor, type Principal } from '@carechain/auth';
import type { BenefitPlan, PlanBook } from '@carechain/claims-adjudication';
import { PublishBenefitPlanUseCase, type PublishedPlan } from '@carechain/claims-domain';

import { ApiProblems, requesterOf } from './claims.http';
import { benefitPlansSchema, publishedPlanSchema } from './claims.responses';

export const PLAN_BOOK = Symbol('carechain.claims.plans');

@ApiTags('benefit plans')
@ApiProblems()
@Controller('benefit-plans')
export class BenefitPlansController {
  constructor(
    @Inject(PLAN_BOOK) private readonly plans: PlanBook,
    private readonly publishes: PublishBenefitPlanUseCase,
  ) {}

  @Get()
  @Roles(...rolesFor('claims.plans.read'))
  @ApiOperation({
    summary:
      "The latest version of each benefit plan the rules engine decides with (the plans file, then what payers published): a payer's own, every payer's to an auditor.",
  })
  @ApiResult(benefitPlansSchema, { description: 'The benefit plans in force.' })
  list(@CurrentPrincipal() principal: Principal): BenefitPlan[] {
    return this.plans.list(principal.roles.includes('auditor') ? undefined : principal.organisation);
  }

  @Post()
  @Roles(...rolesFor('claims.plans.publish'))
  @ApiOperation({
    summary:
      'A payer publishes a new version of one of its benefit plans (newer than the one in force: 409 otherwise); every claims instance decides with it from then on, and decisions name the version. 201 once this instance holds it.',
  })
  @ApiBody({ schema: openApiSchemaOf(benefitPlanSchema) })
  @ApiResult(publishedPlanSchema, { status: 201, description: 'Published: the plan version now in force.' })
  async publish(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<PublishedPlan> {
    const published = await this.publishes.execute(body, requesterOf(principal));
    reply.status(201);
    return published;
  }
}
