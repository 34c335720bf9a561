import type { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { Shutdown } from '../observability/shutdown';
import { NOT_READY_DATABASE, NOT_READY_DRAINING } from './health.errors';
import { ReadinessService } from './readiness.service';

function readiness(options: { draining: boolean; database: 'up' | 'down' }) {
  const health = {
    check: (indicators: (() => Promise<unknown>)[]) => Promise.all(indicators.map((indicator) => indicator())),
  } as unknown as HealthCheckService;
  const database = {
    pingCheck: () =>
      options.database === 'up'
        ? Promise.resolve({ database: { status: 'up' } })
        : Promise.reject(new Error('connect ECONNREFUSED')),
  } as unknown as TypeOrmHealthIndicator;
  return new ReadinessService(health, database, { isDraining: options.draining } as Shutdown);
}

describe('ReadinessService', () => {
  it('is ready while the database answers and the service is not draining', async () => {
    await expect(readiness({ draining: false, database: 'up' }).check()).resolves.toEqual([
      { database: { status: 'up' } },
    ]);
  });

  it('is not ready, with its own message, once the drain began, whatever the database says', async () => {
    await expect(readiness({ draining: true, database: 'up' }).check()).rejects.toEqual(
      new AppError(ErrorCode.ServiceUnavailable, NOT_READY_DRAINING),
    );
  });

  it('is not ready when the database does not answer, without telling why to the caller', async () => {
    await expect(readiness({ draining: false, database: 'down' }).check()).rejects.toEqual(
      new AppError(ErrorCode.ServiceUnavailable, NOT_READY_DATABASE),
    );
  });
});
