import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, rolesFor, type Principal } from '@carechain/auth';
import { ApiResult } from '@carechain/http';
import { ListConsentsUseCase } from '@carechain/consent-domain';
import { patientConsentsSchema } from './consent.responses';

@ApiTags('consents')
@Controller('patients')
export class PatientConsentsController {
  constructor(private readonly consents: ListConsentsUseCase) {}

  @Get(':id/consents')
  @Roles(...rolesFor('consent.list'))
  @ApiOperation({
    summary:
      "A patient's grants, ended ones included, each with its status now (active, scheduled, expired, revoked): for the patient, staff of their custodian, auditors and privacy officers. 404 unknown patient, 410 erased.",
  })
  @ApiResult(patientConsentsSchema, { description: "The patient's grants, each with its status now." })
  list(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.consents.execute(id, principal);
  }
}
