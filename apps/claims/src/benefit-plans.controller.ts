import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@carechain/auth';
import type { BenefitPlan, PlanBook } from '@carechain/claims-adjudication';
import { ApiProblems, PAYER_ROLES } from './claims.http';

export const PLAN_BOOK = Symbol('carechain.claims.plans');

@ApiTags('benefit plans')
@ApiProblems()
@Controller('benefit-plans')
export class BenefitPlansController {
  constructor(@Inject(PLAN_BOOK) private readonly plans: PlanBook) {}

  @Get()
  @Roles(...PAYER_ROLES, 'auditor')
  @ApiOperation({ summary: "The latest version of each benefit plan the rules engine decides with (loaded from CLAIMS_BENEFIT_PLANS_FILE at start): a payer's own, every payer's to an auditor." })
  list(@CurrentPrincipal() principal: Principal): BenefitPlan[] {
    return this.plans.list(principal.roles.includes('auditor') ? undefined : principal.organisation);
  }
}
