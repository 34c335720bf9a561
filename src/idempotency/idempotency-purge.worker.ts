import { Injectable, Logger } from '@nestjs/common';
import { HourlyPurge } from '../common/hourly-purge';
import { IdempotencyService } from './idempotency.service';

/**
 * Deletes the expired Idempotency-Keys in the background, every hour, in batches. An expired key is forgotten at
 * once whether or not it was purged.
 */
@Injectable()
export class IdempotencyPurge extends HourlyPurge {
  constructor(idempotency: IdempotencyService) {
    super({
      logger: new Logger('Idempotency'),
      purge: () => idempotency.purgeExpired(),
      purged: (deleted) => `Purged ${deleted} expired Idempotency-Key(s)`,
      failure: 'Purging the expired Idempotency-Keys failed',
    });
  }
}
