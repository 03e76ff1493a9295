import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@carechain/auth';
import { ApiResult, openApiSchemaOf, ZodValidationPipe } from '@carechain/http';
import {
  GrantConsentUseCase,
  grantConsentSchema,
  RevokeConsentUseCase,
  revokeConsentSchema,
  type GrantConsentCommand,
  type RevokeConsentCommand,
} from '@carechain/consent-domain';
import { GRANT_LINKS, grantedSchema, revokedSchema } from './consent.responses';

// The body is optional: a revocation without a signature needs none.
const optionalRevokeSchema = revokeConsentSchema.nullish();

@ApiTags('consents')
@Controller('consents')
export class ConsentsController {
  constructor(
    private readonly grants: GrantConsentUseCase,
    private readonly revocations: RevokeConsentUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('patient', 'registrar', 'clinician', 'admin')
  @ApiOperation({
    summary:
      "Grant consent: by the patient themself, or recorded by staff (registrar, clinician, admin) of the patient's custodian, for the custodian or a delegate (grantedBy). " +
      'An optional Ed25519 signature over grantSigningPayload must verify against a key the patient registered (then validFrom is required). ' +
      '201 with { grantId, eventId } once Kafka acknowledged; 400 bad terms, 403 not allowed, 404 unknown patient, 410 erased, 422 bad signature.',
  })
  @ApiBody({ schema: openApiSchemaOf(grantConsentSchema) })
  @ApiResult(grantedSchema, { status: 201, description: 'Granted: the grant and its event.', links: GRANT_LINKS })
  grant(@Body(new ZodValidationPipe(grantConsentSchema)) body: GrantConsentCommand, @CurrentPrincipal() principal: Principal) {
    return this.grants.execute(body, principal);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles('patient', 'registrar', 'clinician', 'admin')
  @ApiOperation({
    summary:
      "Revoke a grant: by the patient themself, or staff (registrar, clinician, admin) of the patient's custodian; not by the grantee. " +
      'An optional signature over revokeSigningPayload must verify. 200 with { grantId, eventId, revokedAt }; 404 unknown grant, 409 already ended or being revoked, 422 bad signature.',
  })
  @ApiBody({ required: false, schema: openApiSchemaOf(revokeConsentSchema) })
  @ApiResult(revokedSchema, { description: 'Revoked.' })
  revoke(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(optionalRevokeSchema)) body: RevokeConsentCommand | null | undefined,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.revocations.execute(id, body ?? {}, principal);
  }
}
