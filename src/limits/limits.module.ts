import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { ObservabilityModule } from '../observability/observability.module';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimiter } from './rate-limiter';

@Module({
  imports: [CommonModule, ObservabilityModule],
  providers: [RateLimiter, RateLimitGuard],
  exports: [RateLimiter, RateLimitGuard],
})
export class LimitsModule {}
