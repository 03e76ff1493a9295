import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal, Roles, type Principal } from '@carechain/auth';
import { NotFoundProblem, ZodValidationPipe } from '@carechain/http';
import { PatientDirectoryReader, RegisterPatientUseCase, registerPatientSchema, type PatientView, type RegisterPatientCommand } from '@carechain/identity-domain';

@ApiTags('patients')
@Controller('patients')
export class PatientsController {
  constructor(
    private readonly register: RegisterPatientUseCase,
    private readonly directory: PatientDirectoryReader,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('registrar', 'clinician', 'admin')
  @ApiOperation({ summary: 'Register a patient; answers once the registration is durable in Kafka.' })
  @ApiBody({ schema: z.toJSONSchema(registerPatientSchema, { io: 'input' }) as object })
  async create(
    @Body(new ZodValidationPipe(registerPatientSchema)) body: RegisterPatientCommand,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ id: string; eventId: string }> {
    const { patientId, eventId } = await this.register.execute(body, { subject: principal.subject, organisation: principal.organisation });
    return { id: patientId, eventId };
  }

  @Get(':id')
  @Roles('registrar', 'clinician', 'admin')
  @ApiOperation({ summary: "A patient as identity's read model holds it (eventually consistent with registrations)." })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<PatientView> {
    const patient = await this.directory.get(id);
    if (!patient) throw new NotFoundProblem('patient', id);
    return patient;
  }
}
