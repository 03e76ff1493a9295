import { Controller, Get, Optional } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, rolesFor } from '@carechain/auth';
import type { MonitorReport } from '@carechain/audit-domain';
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
  report(): { enabled: boolean } & Partial<MonitorReport> {
    return this.runner ? { enabled: true, ...this.runner.monitor.report() } : { enabled: false };
  }
}
