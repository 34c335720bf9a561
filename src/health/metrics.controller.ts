import { Controller, Get, Header } from '@nestjs/common';
import { ProbeRoute } from '../auth/route-kinds.decorator';
import { Metrics } from '../observability/metrics';

@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  /** Prometheus text format; outside the API's bearer auth, for the scraper. */
  @Get()
  @ProbeRoute()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
