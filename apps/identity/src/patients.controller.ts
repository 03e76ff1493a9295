import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ed25519JwkSchema, ERASURE_REASONS } from '@carechain/contracts';
import { CurrentPrincipal, Roles, rolesFor, type Principal } from '@carechain/auth';
import { openApiSchemaOf, ZodValidationPipe } from '@carechain/http';
import {
  actorOf,
  ErasePatientUseCase,
  ReadDidDocumentUseCase,
  ReadPatientUseCase,
  RegisterPatientUseCase,
  registerPatientSchema,
  RegisterSigningKeyUseCase,
  RotateKeysUseCase,
  type RegisterPatientCommand,
} from '@carechain/identity-domain';

const eraseSchema = z
  .object({ reason: z.enum(ERASURE_REASONS), caseReference: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'an opaque case id, e.g. DSR-2026-0042') })
  .strict();
const signingKeySchema = z.object({ jwk: ed25519JwkSchema }).strict();

// OpenAPI links: what a client (and the fuzzer's stateful mode) can do next with the id it got.
const PATIENT_LINKS = Object.fromEntries(
  (['get', 'did', 'rotate', 'remove'] as const).map((method) => [
    `PatientsController_${method}`,
    { operationId: `PatientsController_${method}`, parameters: { id: '$response.body#/id' } },
  ]),
);

/** The body of a registration's answer: the patient's or the review's id, the outcome and the event. */
function registration(idName: 'id' | 'reviewId') {
  const string = { type: 'string' };
  return {
    type: 'object',
    required: [idName, 'outcome', 'eventId'],
    properties: { [idName]: { ...string, format: 'uuid' }, outcome: { type: 'string', enum: ['registered', 'linked', 'pending-review'] }, eventId: string },
  };
}

@ApiTags('patients')
@Controller('patients')
export class PatientsController {
  constructor(
    private readonly register: RegisterPatientUseCase,
    private readonly reads: ReadPatientUseCase,
    private readonly erase: ErasePatientUseCase,
    private readonly signingKeys: RegisterSigningKeyUseCase,
    private readonly rotation: RotateKeysUseCase,
    private readonly didDocuments: ReadDidDocumentUseCase,
  ) {}

  @Post()
  @Roles(...rolesFor('identity.patient.register'))
  @ApiOperation({
    summary: 'Register a person. The master patient index links a known person (200, same id), opens a review when unsure (202), or creates a patient (201).',
  })
  @ApiBody({ schema: openApiSchemaOf(registerPatientSchema) })
  @ApiResponse({ status: 201, description: 'A new patient.', schema: registration('id'), links: PATIENT_LINKS })
  @ApiResponse({ status: 200, description: 'Linked to a known patient: the same id.', schema: registration('id'), links: PATIENT_LINKS })
  @ApiResponse({ status: 202, description: 'Unsure: a review is open.', schema: registration('reviewId') })
  async create(
    @Body(new ZodValidationPipe(registerPatientSchema)) body: RegisterPatientCommand,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, string>> {
    const result = await this.register.execute(body, actorOf(principal));
    switch (result.outcome) {
      case 'registered':
        reply.status(201);
        return { id: result.patientId, outcome: result.outcome, eventId: result.eventId };
      case 'linked':
        reply.status(200);
        return { id: result.patientId, outcome: result.outcome, eventId: result.eventId };
      case 'pending-review':
        reply.status(202);
        return { reviewId: result.reviewId, outcome: result.outcome, eventId: result.eventId };
    }
  }

  @Get(':id')
  @Roles(...rolesFor('identity.patient.read'))
  @ApiOperation({
    summary:
      "A patient's demographics, decided like a read of their records (category demographics): the patient, staff of the custodian in a role that needs them, or a grant covering demographics. " +
      'An organisation that only registered the patient sees what it registered itself (scope own-registrations). 403 otherwise, 410 once erased.',
  })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.reads.execute(id, principal);
  }

  @Delete(':id')
  @HttpCode(200)
  @Roles(...rolesFor('identity.patient.erase'))
  @ApiOperation({
    summary:
      "Erase a patient (GDPR Art. 17) by crypto-shredding their keys: a privacy officer of the patient's custodian, with a reason code and the case reference.",
  })
  @ApiBody({ schema: openApiSchemaOf(eraseSchema) })
  async remove(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(eraseSchema)) body: z.infer<typeof eraseSchema>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.erase.execute(id, body.reason, body.caseReference, principal);
  }

  @Post(':id/signing-keys')
  @HttpCode(201)
  @Roles(...rolesFor('identity.signing-key.register'))
  @ApiOperation({
    summary:
      "The patient registers their own Ed25519 public key (JWK): consent actions signed with it are recorded as patient-signed. Staff cannot register a patient's key.",
  })
  @ApiBody({ schema: openApiSchemaOf(signingKeySchema) })
  async addSigningKey(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(signingKeySchema)) body: z.infer<typeof signingKeySchema>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.signingKeys.execute(id, body.jwk, principal);
  }

  @Get(':id/did.json')
  @Roles(...rolesFor('identity.patient.did'))
  @ApiOperation({ summary: 'The DID document of did:carechain:<id>: the public keys the patient signs consent with.' })
  did(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.didDocuments.execute(id, principal);
  }

  @Post(':id/keys/rotate')
  @HttpCode(200)
  @Roles(...rolesFor('identity.keys.rotate'))
  @ApiOperation({
    summary:
      "Rotate the patient's data key and commitment salt (privacy officer or admin of the custodian): new writes use the new version, old versions stay readable.",
  })
  rotate(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.rotation.execute(id, principal);
  }
}
