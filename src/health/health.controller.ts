import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HealthCheckResult } from '@nestjs/terminus';
import { ProbeRoute } from '../auth/route-kinds.decorator';
import { LIVENESS, READINESS } from './health.openapi';
import { ReadinessService } from './readiness.service';

@ApiTags('Health')
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('live')
  @ProbeRoute(LIVENESS)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ProbeRoute(READINESS)
  ready(): Promise<HealthCheckResult> {
    return this.readiness.check();
  }
}
