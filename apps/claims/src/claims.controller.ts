import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CurrentPrincipal, Roles, type Principal } from '@carechain/auth';
import { ApiQueryOf, ApiResult, NotFoundProblem, openApiSchemaOf, ZodValidationPipe } from '@carechain/http';
import {
  AdjudicateClaimUseCase,
  claimsBundle,
  ClaimTransitionsUseCase,
  ReadClaimsUseCase,
  SubmitClaimUseCase,
  type ClaimsBundle,
  type SubmittedClaim,
  type Transitioned,
} from '@carechain/claims-domain';
import type { FhirClaim, FhirClaimResponse } from '@carechain/records-fhir';

import {
  ApiProblems,
  APPEAL_ROLES,
  appealSchema,
  decisionSchema,
  FHIR_JSON,
  PAYER_ROLES,
  paymentSchema,
  READ_ROLES,
  requesterOf,
  searchQuerySchema,
  SUBMIT_ROLES,
  type SearchQuery,
} from './claims.http';
import {
  adjudicatedClaimSchema,
  CLAIM_LINKS,
  claimResponseSchema,
  claimSchema,
  claimsBundleSchema,
  submittedClaimSchema,
  transitionedSchema,
} from './claims.responses';

const fhirBody = { description: 'A FHIR R4 resource (application/fhir+json or application/json).', schema: { type: 'object' } };
const baseUrl = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

@ApiTags('claims')
@ApiProblems()
@Controller('claims')
export class ClaimsController {
  constructor(
    private readonly submits: SubmitClaimUseCase,
    private readonly reads: ReadClaimsUseCase,
    private readonly decisions: AdjudicateClaimUseCase,
    private readonly transitions: ClaimTransitionsUseCase,
  ) {}

  @Post()
  @Roles(...SUBMIT_ROLES)
  @ApiOperation({
    summary:
      "Submit a FHIR R4 Claim (use claim or preauthorization) for the caller's organisation: patient, focal Coverage of that patient, and per item a coded productOrService, a service date, a unit price and (use claim) the carechain record documenting it (informationSequence → supportingInfo.valueReference Encounter|Observation|ChargeItem/<recordId>). A disclosure to the payer for payment (HPAYMT). The payer's benefit plan decides it at once: 201 with the claim's state and its ClaimResponse; pended claims wait in the payer's queue. 422 with an OperationOutcome for an invalid resource.",
  })
  @ApiBody(fhirBody)
  @ApiResult(submittedClaimSchema, {
    status: 201,
    description: 'Submitted (also in Location): its state, its ClaimResponse once decided, its events.',
    links: CLAIM_LINKS,
  })
  async submit(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Omit<SubmittedClaim, 'response'> & { response?: FhirClaimResponse }> {
    const submitted = await this.submits.execute(body, requesterOf(principal));
    reply.status(201).header('location', `/claims/${submitted.claimId}`);
    return submitted;
  }

  @Get()
  @Roles(...READ_ROLES)
  @Header('content-type', FHIR_JSON)
  @ApiOperation({
    summary:
      "A searchset Bundle of the claims the caller may see, newest first, each with its state (extension claim-state): a payer's are those sent to it (status=pended is its work queue), a provider's its own, a patient's their own; an auditor names a patient, provider or insurer.",
  })
  @ApiQueryOf(searchQuerySchema)
  @ApiResult(claimsBundleSchema(claimSchema), { contentType: FHIR_JSON, description: 'A searchset Bundle of Claims.' })
  async search(
    @Query(new ZodValidationPipe(searchQuerySchema)) query: SearchQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<ClaimsBundle<FhirClaim>> {
    const { _count, _offset, ...filters } = query;
    const page = await this.reads.search({ ...filters, count: _count, offset: _offset }, requesterOf(principal));
    return claimsBundle(
      page.claims.map((c) => c.claim),
      `${baseUrl(request)}${request.url}`,
      baseUrl(request),
      page.total,
    );
  }

  @Get(':claimId')
  @Roles(...READ_ROLES)
  @Header('content-type', FHIR_JSON)
  @ApiOperation({ summary: 'The Claim as submitted, with its state (extension claim-state). Its provider, insurer, patient and auditors only.' })
  @ApiResult(claimSchema, { contentType: FHIR_JSON, description: 'The Claim.' })
  async read(@Param('claimId', new ParseUUIDPipe()) claimId: string, @CurrentPrincipal() principal: Principal): Promise<FhirClaim> {
    return (await this.reads.read(claimId, requesterOf(principal))).claim;
  }

  @Get(':claimId/response')
  @Roles(...READ_ROLES)
  @Header('content-type', FHIR_JSON)
  @ApiOperation({
    summary:
      "The claim's ClaimResponse: per item submitted, eligible, deductible, copay, coinsurance and benefit, with X12 reason codes; 404 before adjudication.",
  })
  @ApiResult(claimResponseSchema, { contentType: FHIR_JSON, description: 'The ClaimResponse.' })
  async response(@Param('claimId', new ParseUUIDPipe()) claimId: string, @CurrentPrincipal() principal: Principal): Promise<FhirClaimResponse> {
    const view = await this.reads.read(claimId, requesterOf(principal));
    if (view.response === undefined) throw new NotFoundProblem('claim-response', claimId);
    return view.response;
  }

  @Post(':claimId/adjudication')
  @HttpCode(200)
  @Roles(...PAYER_ROLES)
  @ApiOperation({
    summary:
      "The insurer's person decides a pended claim, or re-adjudicates an appealed one: approve (authorises what the rules held for prior authorisation; amounts from the benefit plan) or deny with X12 reason codes. 409 with the current state otherwise.",
  })
  @ApiBody({ schema: openApiSchemaOf(decisionSchema) })
  @ApiResult(adjudicatedClaimSchema, { description: 'Decided: the new state and the ClaimResponse.' })
  adjudicate(
    @Param('claimId', new ParseUUIDPipe()) claimId: string,
    @Body(new ZodValidationPipe(decisionSchema)) body: z.infer<typeof decisionSchema>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.decisions.execute(claimId, body, requesterOf(principal));
  }

  @Post(':claimId/payment')
  @HttpCode(200)
  @Roles(...PAYER_ROLES)
  @ApiOperation({
    summary:
      'The insurer records its payment of an approved, partially approved or re-adjudicated claim: amount (at most the adjudicated benefit), date, remittance reference. 409 with the current state otherwise.',
  })
  @ApiBody({ schema: openApiSchemaOf(paymentSchema) })
  @ApiResult(transitionedSchema, { description: 'Paid.' })
  pay(
    @Param('claimId', new ParseUUIDPipe()) claimId: string,
    @Body(new ZodValidationPipe(paymentSchema)) body: z.infer<typeof paymentSchema>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Transitioned> {
    return this.transitions.pay(claimId, body, requesterOf(principal));
  }

  @Post(':claimId/cancel')
  @HttpCode(200)
  @Roles(...SUBMIT_ROLES)
  @ApiOperation({
    summary: 'The submitting provider withdraws its claim before a decision (submitted, verified or pended). 409 with the current state otherwise.',
  })
  @ApiResult(transitionedSchema, { description: 'Cancelled.' })
  cancel(@Param('claimId', new ParseUUIDPipe()) claimId: string, @CurrentPrincipal() principal: Principal): Promise<Transitioned> {
    return this.transitions.cancel(claimId, requesterOf(principal));
  }

  @Post(':claimId/appeal')
  @HttpCode(200)
  @Roles(...APPEAL_ROLES)
  @ApiOperation({
    summary:
      'The submitting provider or the patient appeals a denied or partially approved claim (the reason is sealed). 409 with the current state otherwise.',
  })
  @ApiBody({ schema: openApiSchemaOf(appealSchema) })
  @ApiResult(transitionedSchema, { description: 'Appealed.' })
  appeal(
    @Param('claimId', new ParseUUIDPipe()) claimId: string,
    @Body(new ZodValidationPipe(appealSchema)) body: z.infer<typeof appealSchema>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Transitioned> {
    return this.transitions.appeal(claimId, body.reason, requesterOf(principal));
  }
}
