import { Controller, Get, Headers, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal, Roles, rolesFor, type Principal } from '@carechain/auth';
import { ApiQueryOf, ApiResult, ApiResults, ZodValidationPipe } from '@carechain/http';
import { ReadAccessReportUseCase, ReadDisclosuresUseCase, type AccessReport, type DisclosurePage } from '@carechain/audit-domain';
import { renderAccessReport, REPORT_CSP } from './access-report.html';
import { reportQuerySchema, toTrailQuery, trailQuerySchema } from './audit.http';
import { accessReportPageSchema, accessReportSchema, disclosurePageSchema } from './audit.responses';

@ApiTags('audit')
@Controller('patients/:id')
export class PatientAuditController {
  constructor(
    private readonly disclosures: ReadDisclosuresUseCase,
    private readonly reports: ReadAccessReportUseCase,
  ) {}

  @Get('disclosures')
  @Roles(...rolesFor('audit.disclosures.read'))
  @ApiQueryOf(trailQuerySchema)
  @ApiResult(disclosurePageSchema, { description: 'A page of disclosures, oldest first.' })
  @ApiOperation({
    summary:
      "The patient's accounting of disclosures outside the custodian (HIPAA 164.528 with HITECH): date, recipient organisation and practitioner, categories, purpose, basis (grant, break-glass with its reason) and proof. Six years back unless `from` says otherwise; oldest first, paged.",
  })
  list(
    @Param('id', new ParseUUIDPipe()) patientId: string,
    @Query(new ZodValidationPipe(trailQuerySchema)) query: z.infer<typeof trailQuerySchema>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DisclosurePage> {
    return this.disclosures.forPatient(patientId, principal, toTrailQuery(query));
  }

  @Get('access-report')
  @Roles(...rolesFor('audit.access-report.read'))
  @ApiQueryOf(reportQuerySchema)
  @ApiResults(
    { schema: accessReportSchema, description: 'The report (format=json, the default), or a printable page (format=html or Accept: text/html).' },
    { schema: accessReportPageSchema, contentType: 'text/html', description: 'The printable page.' },
  )
  @ApiOperation({
    summary:
      "The patient's access report: who saw or received what, when and why, in plain words, each line with its ledger proof. JSON, or a printable HTML page with no scripts or external assets. The patient's own, or their custodian's privacy officer's on request.",
  })
  async accessReport(
    @Param('id', new ParseUUIDPipe()) patientId: string,
    @Query(new ZodValidationPipe(reportQuerySchema)) query: z.infer<typeof reportQuerySchema>,
    @Headers('accept') accept: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AccessReport | string> {
    const report = await this.reports.forPatient(patientId, principal, toTrailQuery(query));
    const html = query.format === 'html' || (query.format === undefined && /\btext\/html\b/.test(accept ?? ''));
    if (!html) return report;
    const next =
      report.next === null
        ? null
        : `?${new URLSearchParams({ ...(query.from !== undefined && { from: new Date(query.from).toISOString() }), ...(query.to !== undefined && { to: new Date(query.to).toISOString() }), limit: String(query.limit), cursor: report.next, format: 'html' })}`;
    reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', REPORT_CSP).header('cache-control', 'no-store');
    return renderAccessReport(report, next);
  }
}
