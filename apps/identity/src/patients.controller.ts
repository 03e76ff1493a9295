import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ed25519JwkSchema, ERASURE_REASONS } from '@carechain/contracts';
import { CurrentPrincipal, Roles, type Principal } from '@carechain/auth';
import { NotFoundProblem, ProblemException, problemType, ZodValidationPipe } from '@carechain/http';
import {
  didDocument,
  ErasePatientUseCase,
  IdentityState,
  PatientDirectoryReader,
  PatientKeyIssuer,
  RegisterPatientUseCase,
  registerPatientSchema,
  RegisterSigningKeyUseCase,
  type RegisterPatientCommand,
} from '@carechain/identity-domain';
import { asProblem } from './identity.problems';

const eraseSchema = z.object({ reason: z.enum(ERASURE_REASONS), caseReference: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'an opaque case id, e.g. DSR-2026-0042') }).strict();
const signingKeySchema = z.object({ jwk: ed25519JwkSchema }).strict();

const actorOf = (p: Principal) => ({ subject: p.subject, organisation: p.organisation });

@ApiTags('patients')
@Controller('patients')
export class PatientsController {
  constructor(
    private readonly register: RegisterPatientUseCase,
    private readonly directory: PatientDirectoryReader,
    private readonly state: IdentityState,
    private readonly erase: ErasePatientUseCase,
    private readonly signingKeys: RegisterSigningKeyUseCase,
    private readonly issuer: PatientKeyIssuer,
  ) {}

  @Post()
  @Roles('registrar', 'clinician', 'admin')
  @ApiOperation({
    summary: 'Register a person. The master patient index links a known person (200, same id), opens a review when unsure (202), or creates a patient (201).',
  })
  @ApiBody({ schema: z.toJSONSchema(registerPatientSchema, { io: 'input' }) as object })
  async create(
    @Body(new ZodValidationPipe(registerPatientSchema)) body: RegisterPatientCommand,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, string>> {
    const result = await asProblem(() => this.register.execute(body, actorOf(principal)));
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
  @Roles('registrar', 'clinician', 'data-steward', 'admin')
  @ApiOperation({ summary: "A patient: demographics from the first registration, every identifier, each registration's organisation. 410 once erased." })
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    const stored = await this.directory.get(id);
    if (!stored) throw new NotFoundProblem('patient', id);
    if (stored.status === 'erased') throw new ProblemException({ type: problemType('identity/patient-erased'), title: 'patient erased', status: 410, detail: `Patient ${id} was erased.` });
    const opened = stored.registrations.map((r) => ({ r, details: this.state.open(id, r) }));
    const readable = opened.filter((o) => o.details !== undefined);
    const first = readable[0]?.details;
    if (!first) throw new ProblemException({ type: problemType('identity/keys-unavailable'), title: 'keys unavailable', status: 503, detail: 'The patient exists but its key has not reached this instance yet; retry shortly.' });
    const identifiers = new Map<string, { system: string; value: string }>();
    for (const o of readable) for (const i of o.details!.identifiers) identifiers.set(`${i.system}|${i.value}`, i);
    return {
      id,
      custodian: stored.custodian,
      registeredAt: stored.registeredAt,
      demographics: first.demographics,
      identifiers: [...identifiers.values()],
      registrations: stored.registrations.map((r) => ({ registrationId: r.registrationId, organisation: r.organisation, at: r.at })),
      ...(stored.mergedInto && { mergedInto: stored.mergedInto }),
      did: `did:carechain:${id}`,
    };
  }

  @Delete(':id')
  @HttpCode(200)
  @Roles('privacy-officer')
  @ApiOperation({ summary: 'Erase a patient (GDPR Art. 17) by crypto-shredding their keys. Needs a reason code and the case reference.' })
  @ApiBody({ schema: z.toJSONSchema(eraseSchema, { io: 'input' }) as object })
  async remove(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(eraseSchema)) body: z.infer<typeof eraseSchema>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return asProblem(() => this.erase.execute(id, body.reason, body.caseReference, actorOf(principal)));
  }

  @Post(':id/signing-keys')
  @HttpCode(201)
  @Roles('patient', 'registrar', 'admin')
  @ApiOperation({ summary: "Register the patient's Ed25519 public key (JWK): consent actions signed with it are recorded as patient-signed." })
  @ApiBody({ schema: z.toJSONSchema(signingKeySchema, { io: 'input' }) as object })
  async addSigningKey(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(signingKeySchema)) body: z.infer<typeof signingKeySchema>,
    @CurrentPrincipal() principal: Principal,
  ) {
    // A patient may register only their own key; staff act for patients of their organisation.
    const patient = this.state.patient(id);
    const own = principal.roles.includes('patient') && principal.subject === id;
    const staff = principal.roles.some((r) => r === 'registrar' || r === 'admin') && patient?.custodian === principal.organisation;
    if (!own && !staff) throw new ProblemException({ type: problemType('forbidden'), title: 'Forbidden', status: 403, detail: "Only the patient, or staff of the patient's custodian, may register a signing key." });
    return asProblem(() => this.signingKeys.execute(id, body.jwk, actorOf(principal)));
  }

  @Get(':id/did.json')
  @Roles('patient', 'registrar', 'clinician', 'data-steward', 'privacy-officer', 'payer', 'auditor', 'admin', 'service', 'practitioner')
  @ApiOperation({ summary: 'The DID document of did:carechain:<id>: the public keys the patient signs consent with.' })
  did(@Param('id', new ParseUUIDPipe()) id: string) {
    if (this.state.isErased(id)) throw new ProblemException({ type: problemType('identity/patient-erased'), title: 'patient erased', status: 410, detail: `Patient ${id} was erased.` });
    const patient = this.state.patient(id);
    if (!patient) throw new NotFoundProblem('patient', id);
    return didDocument(id, patient.signingKeys);
  }

  @Post(':id/keys/rotate')
  @HttpCode(200)
  @Roles('privacy-officer', 'admin')
  @ApiOperation({ summary: "Rotate the patient's data key and commitment salt: new writes use the new version, old versions stay readable." })
  async rotate(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    if (!this.state.patient(id)) throw new NotFoundProblem('patient', id);
    return asProblem(async () => ({ keyVersion: await this.issuer.rotate(id, actorOf(principal)) }));
  }
}
