import { Module } from '@nestjs/common';
import { IdempotencyPurge } from './idempotency-purge';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyService } from './idempotency.service';

/** Idempotency-Key on the routes that create something: the stored answers, their replay and their purge. */
@Module({
  providers: [IdempotencyService, IdempotencyInterceptor, IdempotencyPurge],
  exports: [IdempotencyService, IdempotencyInterceptor],
})
export class IdempotencyModule {}
