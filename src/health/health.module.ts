import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ObservabilityModule } from '../observability/observability.module';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { ReadinessService } from './readiness.service';

/** What operators' tools poll: liveness, readiness and the Prometheus scrape. */
@Module({
  imports: [TerminusModule.forRoot({ logger: false }), ObservabilityModule],
  controllers: [HealthController, MetricsController],
  providers: [ReadinessService],
})
export class HealthModule {}
