import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@carechain/auth';
import { ApiResult, openApiSchemaOf, ZodValidationPipe } from '@carechain/http';
import { DecideUseCase, decideSchema, type DecideCommand, type DecisionAnswer } from '@carechain/consent-domain';
import { decisionAnswerSchema } from './consent.responses';

@ApiTags('decisions')
@Controller('decisions')
export class DecisionsController {
  constructor(private readonly decisions: DecideUseCase) {}

  @Post()
  @HttpCode(200)
  // Everyone who may read records on some basis; a patient reads their own through records, not this.
  @Roles('clinician', 'practitioner', 'registrar', 'data-steward', 'privacy-officer', 'payer', 'auditor', 'admin', 'service')
  @ApiOperation({
    summary:
      'May the caller (token subject, organisation and roles) read these record categories of the patient, for this purpose? 200 with decision permit or deny either way. ' +
      'breakGlassReason asks a clinician’s emergency override (TREAT/ETREAT, 10-500 characters); a break-glass permit is published as BreakGlassInvoked before the answer.',
  })
  @ApiBody({ schema: openApiSchemaOf(decideSchema) })
  @ApiResult(decisionAnswerSchema, { description: 'The decision, permit or deny.' })
  decide(@Body(new ZodValidationPipe(decideSchema)) body: DecideCommand, @CurrentPrincipal() principal: Principal): Promise<DecisionAnswer> {
    return this.decisions.execute(body, principal);
  }
}
