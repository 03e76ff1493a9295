import { Controller, Get, Optional } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, rolesFor } from '@carechain/auth';
import { ApiResult } from '@carechain/http';
import { monitorReportSchema } from '../audit.responses';
import { LedgerMonitorRunner } from './ledger-monitor.runner';

@ApiTags('audit')
@Controller('audit')
export class LedgerMonitorController {
  constructor(@Optional() private readonly runner?: LedgerMonitorRunner) {}

  @Get('monitor')
  @Roles(...rolesFor('audit.monitor.read'))
  @ApiOperation({
    summary:
      "The completeness monitor: per anchored topic partition, the offset up to which every record is on the chain exactly once (read from each organisation's peer), the lag behind the log end and the chain, re-verified samples and every finding (gap, overlap, root mismatch, peer disagreement, stall), newest first. `enabled` is false when audit runs without peers to read (AUDIT_MONITOR_NETWORK_FILE).",
  })
  @ApiResult(monitorReportSchema, { description: "The monitor's state; `enabled: false` and nothing else when audit reads no peers." })
  report() {
    return this.runner ? { enabled: true as const, ...this.runner.monitor.report() } : { enabled: false as const };
  }
}
