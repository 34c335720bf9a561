import { Injectable } from '@nestjs/common';
import { HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { Shutdown } from '../observability/shutdown';
import { NOT_READY_DATABASE, NOT_READY_DRAINING } from './health.errors';

/** Whether the service can answer requests: it is not shutting down, and the database answers within 1 s. */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly shutdown: Shutdown,
  ) {}

  async check(): Promise<HealthCheckResult> {
    if (this.shutdown.isDraining) {
      throw new AppError(ErrorCode.ServiceUnavailable, NOT_READY_DRAINING);
    }
    try {
      return await this.health.check([() => this.database.pingCheck('database', { timeout: 1000 })]);
    } catch {
      throw new AppError(ErrorCode.ServiceUnavailable, NOT_READY_DATABASE);
    }
  }
}
