// The patient's export (right of access and portability): started with a POST that
// answers 202 and where to look, then polled until the bundle is ready.
import { Controller, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CurrentPrincipal, Roles, rolesFor, type Principal } from '@carechain/auth';
import { ApiResult, ApiResults, linksTo } from '@carechain/http';
import { PatientExportUseCase, type PatientExport } from '@carechain/audit-domain';
import { FHIR_JSON } from './audit-event.http';
import { exportBundleSchema, exportStatusSchema } from './audit.responses';

// How soon a client should ask again: a small patient's export takes a second or two.
const RETRY_AFTER_SECONDS = '2';

type ExportStatus = z.output<typeof exportStatusSchema>;
type ExportBundle = z.output<typeof exportBundleSchema>;

const statusOf = (e: PatientExport): ExportStatus => ({
  exportId: e.exportId,
  patient: e.patientId,
  status: 'running',
  requestedAt: e.requestedAt,
  location: `/exports/${e.exportId}`,
});

@ApiTags('audit')
@Controller()
export class ExportController {
  constructor(private readonly exports: PatientExportUseCase) {}

  @Post('patients/:id/exports')
  @Roles(...rolesFor('audit.export.start'))
  @ApiOperation({
    summary:
      "Start an export of everything carechain holds about the patient (GDPR Art. 15 and 20, HIPAA 164.524): demographics, records with every version, consents, coverages, claims and explanations of benefit, and the audit trail. audit asks each service with its service identity bound to the patient. The patient's own, or their custodian's privacy officer's on their request. 202 with Location; 410 for an erased patient.",
  })
  @ApiResult(exportStatusSchema, {
    status: 202,
    description: 'Started: GET the Location until it answers 200.',
    links: linksTo(['ExportController_read'], 'id', 'exportId'),
  })
  async start(
    @Param('id', new ParseUUIDPipe()) patientId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ExportStatus> {
    const started = await this.exports.start(patientId, principal);
    reply.status(202).header('location', `/exports/${started.exportId}`).header('retry-after', RETRY_AFTER_SECONDS);
    return statusOf(started);
  }

  @Get('exports/:id')
  @Roles(...rolesFor('audit.export.read'))
  @ApiOperation({
    summary:
      'The export, to whoever started it: 202 while it is assembled, then one FHIR R4 Bundle of type collection. 404 for anyone else, or once it expired (AUDIT_EXPORT_TTL_SECONDS); 424 when a service refused or failed.',
  })
  @ApiResults(
    { schema: exportBundleSchema, contentType: FHIR_JSON, description: 'The export: a FHIR Bundle of type collection.' },
    { schema: exportStatusSchema, status: 202, description: 'Still being assembled: ask again after Retry-After seconds.' },
  )
  async read(
    @Param('id', new ParseUUIDPipe()) exportId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ExportStatus | ExportBundle> {
    const found = await this.exports.read(exportId, principal);
    if (found.status !== 'ready' || found.bundle === undefined) {
      reply.status(202).header('retry-after', RETRY_AFTER_SECONDS);
      return statusOf(found);
    }
    reply.header('content-type', FHIR_JSON).header('cache-control', 'no-store');
    return found.bundle as ExportBundle;
  }
}
