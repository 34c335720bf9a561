import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { DatabaseModule } from '../database/database.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { ObservabilityModule } from '../observability/observability.module';
import { CallEventsOutbox } from './call-events.outbox';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { WebhookSender } from './webhook.sender';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** Call webhooks: subscriptions, the transactional outbox of Call events, and their delivery. */
@Module({
  imports: [CommonModule, DatabaseModule, IdempotencyModule, ObservabilityModule],
  controllers: [WebhooksController],
  providers: [WebhooksService, CallEventsOutbox, WebhookDeliveryWorker, WebhookSender],
  exports: [CallEventsOutbox, WebhookDeliveryWorker],
})
export class WebhooksModule {}
