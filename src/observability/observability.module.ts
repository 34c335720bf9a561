import { Module } from '@nestjs/common';
import { Metrics } from './metrics';
import { Shutdown } from './shutdown';

/** Metrics, and the service's shutdown state (readiness and graceful draining). */
@Module({
  providers: [Metrics, Shutdown],
  exports: [Metrics, Shutdown],
})
export class ObservabilityModule {}
