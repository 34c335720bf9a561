import { Module, type OnModuleInit } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { DatabaseModule } from '../database/database.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { Metrics } from '../observability/metrics';
import { LeadsModule } from '../leads/leads.module';
import { ObservabilityModule } from '../observability/observability.module';
import { CallEventsOutbox } from './call-events.outbox';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { WebhookEventsRepository } from './webhook-events.repository';
import { WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';
import { WebhookSender } from './webhook.sender';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** Call webhooks: subscriptions, the transactional outbox of Call events, and their delivery. */
@Module({
  imports: [CommonModule, DatabaseModule, IdempotencyModule, LeadsModule, ObservabilityModule],
  controllers: [WebhooksController],
  providers: [
    WebhooksService,
    CallEventsOutbox,
    WebhookDeliveryWorker,
    WebhookSender,
    WebhookSubscriptionsRepository,
    WebhookEventsRepository,
  ],
  exports: [CallEventsOutbox, WebhookDeliveryWorker],
})
export class WebhooksModule implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly webhooks: WebhooksService,
  ) {}

  onModuleInit(): void {
    this.metrics.measureWebhookBacklog(() => this.webhooks.backlog());
  }
}
