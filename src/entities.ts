import { ApiClientEntity } from './auth/api-client.entity';
import { CallChangeEntity, CallChangeMarksEntity } from './calls/call-change.entity';
import { CommunicationEntity } from './calls/communication.entity';
import { DialerCallRecordEntity } from './calls/dialer-call-record.entity';
import { IdempotencyKeyEntity } from './idempotency/idempotency-key.entity';
import { LeadAssigneeEntity } from './leads/lead-assignee.entity';
import { LeadEntity } from './leads/lead.entity';
import { TeamEntity } from './auth/team.entity';
import { UserEntity } from './auth/user.entity';
import { WebhookDeliveryEntity } from './webhooks/webhook-delivery.entity';
import { WebhookEventEntity } from './webhooks/webhook-event.entity';
import { WebhookSubscriptionEntity } from './webhooks/webhook-subscription.entity';

/**
 * The entities of every feature: the tables of the app's data source, the scripts' and the TypeORM CLI's. Listed
 * here, above the features, so that database/ depends on none of them.
 */
export const ENTITIES = [
  TeamEntity,
  UserEntity,
  LeadEntity,
  LeadAssigneeEntity,
  DialerCallRecordEntity,
  CommunicationEntity,
  CallChangeEntity,
  CallChangeMarksEntity,
  ApiClientEntity,
  WebhookSubscriptionEntity,
  WebhookEventEntity,
  WebhookDeliveryEntity,
  IdempotencyKeyEntity,
];
