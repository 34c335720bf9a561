import { CreateSchema1764100000000 } from './1764100000000-CreateSchema';
import { AddManualLogFieldsAndCallHistoryIndex1764200000000 } from './1764200000000-AddManualLogFieldsAndCallHistoryIndex';
import { CreateWebhooks1764300000000 } from './1764300000000-CreateWebhooks';
import { AddWebhookLeaseOwner1764400000000 } from './1764400000000-AddWebhookLeaseOwner';
import { CreateIdempotencyKeys1764510000000 } from './1764510000000-CreateIdempotencyKeys';
import { AddCommunicationSearch1764700000000 } from './1764700000000-AddCommunicationSearch';
import { AddManualLogListIndexes1764800000000 } from './1764800000000-AddManualLogListIndexes';
import { AddCommunicationVersion1764900000000 } from './1764900000000-AddCommunicationVersion';
import { CreateCallChanges1765000000000 } from './1765000000000-CreateCallChanges';
import { AddWebhookUpdateEvents1765100000000 } from './1765100000000-AddWebhookUpdateEvents';
import { AddIdempotencyInt64Strings1765200000000 } from './1765200000000-AddIdempotencyInt64Strings';
import { AddWebhookInt64Strings1765300000000 } from './1765300000000-AddWebhookInt64Strings';

/** Every migration, in order. A landed migration is never edited: add a new one. */
export const MIGRATIONS = [
  CreateSchema1764100000000,
  AddManualLogFieldsAndCallHistoryIndex1764200000000,
  CreateWebhooks1764300000000,
  AddWebhookLeaseOwner1764400000000,
  CreateIdempotencyKeys1764510000000,
  AddCommunicationSearch1764700000000,
  AddManualLogListIndexes1764800000000,
  AddCommunicationVersion1764900000000,
  CreateCallChanges1765000000000,
  AddWebhookUpdateEvents1765100000000,
  AddIdempotencyInt64Strings1765200000000,
  AddWebhookInt64Strings1765300000000,
];
