import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { DatabaseModule } from '../database/database.module';
import { IdempotencyPurge } from './idempotency-purge.worker';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';
import { IdempotencyService } from './idempotency.service';

/** Idempotency-Key on the routes that create something: the stored answers, their replay and their purge. */
@Module({
  imports: [CommonModule, DatabaseModule],
  providers: [IdempotencyService, IdempotencyKeysRepository, IdempotencyInterceptor, IdempotencyPurge],
  exports: [IdempotencyService, IdempotencyInterceptor],
})
export class IdempotencyModule {}
