import { Controller, Get, HttpStatus, Global, Module } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@carechain/auth';
import { ProblemException, problemType } from './problem';
import { Readiness, type ReadinessReport } from './readiness';

@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: Readiness) {}

  @Public()
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  async ready(): Promise<ReadinessReport> {
    const report = await this.readiness.evaluate();
    if (!report.ready) {
      throw new ProblemException({
        type: problemType('not-ready'),
        title: 'Not ready',
        status: HttpStatus.SERVICE_UNAVAILABLE,
        detail: `Failing checks: ${
          Object.entries(report.checks)
            .filter(([, ok]) => !ok)
            .map(([name]) => name)
            .join(', ') || 'none registered'
        }`,
        checks: report.checks,
      });
    }
    return report;
  }
}

@Global()
@Module({ providers: [Readiness], controllers: [HealthController], exports: [Readiness] })
export class HealthModule {}
