import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { Public } from '../auth/public.decorator';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { ApiErrors } from '../common/errors/error-response.dto';
import { NoRateLimit } from '../limits/rate-limit.guard';
import { Shutdown } from '../observability/shutdown';

@ApiTags('Health')
@Public()
@NoRateLimit()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly shutdown: Shutdown,
  ) {}

  @Get('live')
  @ApiOperation({
    summary: 'Liveness: the process is up and serving',
    description: 'It checks nothing else (touches neither auth nor the database): restart the process when it fails.',
  })
  @ApiOkResponse({
    schema: { type: 'object', properties: { status: { type: 'string', example: 'ok' } } },
    example: { status: 'ok' },
  })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: the service can answer requests',
    description:
      'The database answers within 1 s and the service is not shutting down. Send traffic only when it is 200.',
  })
  @ApiOkResponse({
    description: 'Ready.',
    schema: {
      type: 'object',
      properties: {
        status: { type: 'string', example: 'ok' },
        info: { type: 'object', additionalProperties: { type: 'object' } },
        error: { type: 'object', additionalProperties: { type: 'object' } },
        details: { type: 'object', additionalProperties: { type: 'object' } },
      },
    },
    example: {
      status: 'ok',
      info: { database: { status: 'up', responseTime: 2 } },
      error: {},
      details: { database: { status: 'up', responseTime: 2 } },
    },
  })
  @ApiErrors({
    code: ErrorCode.ServiceUnavailable,
    message: 'Not ready: the database does not answer.',
    summary: 'The database does not answer within 1 s, or the service is shutting down',
  })
  async ready(): Promise<HealthCheckResult> {
    if (this.shutdown.isDraining) {
      throw new AppError(ErrorCode.ServiceUnavailable, 'Not ready: the service is shutting down.');
    }
    try {
      return await this.health.check([() => this.database.pingCheck('database', { timeout: 1000 })]);
    } catch {
      throw new AppError(ErrorCode.ServiceUnavailable, 'Not ready: the database does not answer.');
    }
  }
}
