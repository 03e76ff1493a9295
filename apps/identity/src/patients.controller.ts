import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ed25519JwkSchema, ERASURE_REASONS } from '@carechain/contracts';
import { CurrentPrincipal, Roles, rolesFor, type Principal } from '@carechain/auth';
import { ApiResult, ApiResults, openApiSchemaOf, ZodValidationPipe } from '@carechain/http';
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
import {
  didDocumentSchema,
  erasedSchema,
  keyVersionSchema,
  PATIENT_LINKS,
  patientViewSchema,
  pendingReviewSchema,
  REVIEW_LINKS,
  registeredSchema,
  signingKeySchema as registeredKeySchema,
} from './identity.responses';

const eraseSchema = z
  .object({ reason: z.enum(ERASURE_REASONS), caseReference: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'an opaque case id, e.g. DSR-2026-0042') })
  .strict();
const signingKeySchema = z.object({ jwk: ed25519JwkSchema }).strict();

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
  @ApiResults(
    { status: 201, schema: registeredSchema, description: 'A new patient.', links: PATIENT_LINKS },
    { status: 200, schema: registeredSchema, description: 'Linked to a known patient: the same id.', links: PATIENT_LINKS },
    { status: 202, schema: pendingReviewSchema, description: 'Unsure: a review is open.', links: REVIEW_LINKS },
  )
  async create(
    @Body(new ZodValidationPipe(registerPatientSchema)) body: RegisterPatientCommand,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
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
  @ApiResult(patientViewSchema, { description: 'The demographics and registrations the caller may see.' })
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
  @ApiResult(erasedSchema, { description: 'Erased: the patient and the patients merged into them; the PatientErased event.' })
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
  @ApiResult(registeredKeySchema, { status: 201, description: 'Registered: its key id and DID URL.' })
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
  @ApiResult(didDocumentSchema, { description: 'The DID document.' })
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
  @ApiResult(keyVersionSchema, { description: 'The new key version.' })
  rotate(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.rotation.execute(id, principal);
  }
}
