import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Roles, type Principal } from '@carechain/auth';
import {
  claimsBundle,
  ExplanationOfBenefitsUseCase,
  ListCoveragesUseCase,
  RegisterCoverageUseCase,
  type ClaimsBundle,
  type RegisteredCoverage,
} from '@carechain/claims-domain';
import type { FhirCoverage, FhirExplanationOfBenefit } from '@carechain/records-fhir';

import { ApiResult } from '@carechain/http';
import { ApiProblems, COVERAGE_ROLES, FHIR_JSON, READ_ROLES, requesterOf } from './claims.http';
import { claimsBundleSchema, coverageSchema, explanationOfBenefitSchema, PATIENT_COVERAGE_LINKS, registeredCoverageSchema } from './claims.responses';

const baseUrl = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

@ApiTags('coverages')
@ApiProblems()
@Controller()
export class PatientClaimsController {
  constructor(
    private readonly registers: RegisterCoverageUseCase,
    private readonly coverages: ListCoveragesUseCase,
    private readonly explanations: ExplanationOfBenefitsUseCase,
  ) {}

  @Post('coverages')
  @Roles(...COVERAGE_ROLES)
  @ApiOperation({
    summary:
      "Register a FHIR R4 Coverage: beneficiary Patient/<id>, exactly one payor Organization/<org>, and a class of type coverage-class|plan naming the benefit plan. By the payer itself or a provider's registrar. Sealed under the patient's key. 201 with its id.",
  })
  @ApiBody({ description: 'A FHIR R4 Coverage (application/fhir+json or application/json).', schema: { type: 'object' } })
  @ApiResult(registeredCoverageSchema, { status: 201, description: 'Registered: the Coverage, its patient, payer and plan.', links: PATIENT_COVERAGE_LINKS })
  async register(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RegisteredCoverage> {
    const registered = await this.registers.execute(body, requesterOf(principal));
    reply.status(201).header('location', `/patients/${registered.patientId}/coverages`);
    return registered;
  }

  @Get('patients/:id/coverages')
  @Roles(...READ_ROLES)
  @Header('content-type', FHIR_JSON)
  @ApiOperation({ summary: "A searchset Bundle of the patient's Coverages: all of them to the patient, providers and auditors; a payer sees its own." })
  @ApiResult(claimsBundleSchema(coverageSchema), { contentType: FHIR_JSON, description: 'A searchset Bundle of Coverages.' })
  async list(
    @Param('id', new ParseUUIDPipe()) patientId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<ClaimsBundle<FhirCoverage>> {
    const coverages = await this.coverages.execute(patientId, requesterOf(principal));
    return claimsBundle(
      coverages.map((c) => c.resource),
      `${baseUrl(request)}${request.url}`,
      baseUrl(request),
    );
  }

  @Get('patients/:id/explanation-of-benefits')
  @Roles(...READ_ROLES)
  @Header('content-type', FHIR_JSON)
  @ApiOperation({
    summary:
      "A searchset Bundle of the patient's ExplanationOfBenefits, one per decided claim, with payment once made. For the patient, their custodian organisation, their payers (claims sent to them) and auditors.",
  })
  @ApiResult(claimsBundleSchema(explanationOfBenefitSchema), { contentType: FHIR_JSON, description: 'A searchset Bundle of ExplanationOfBenefits.' })
  async explanationOfBenefits(
    @Param('id', new ParseUUIDPipe()) patientId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<ClaimsBundle<FhirExplanationOfBenefit>> {
    const explanations = await this.explanations.execute(patientId, requesterOf(principal));
    return claimsBundle(explanations, `${baseUrl(request)}${request.url}`, baseUrl(request));
  }
}
