import { Injectable, Logger } from '@nestjs/common';
import { HourlyPurge } from '../common/hourly-purge';
import { CallChangesService } from './call-changes.service';

/** Deletes the changes of the change feed older than CALL_CHANGES_KEPT_DAYS in the background, every hour. */
@Injectable()
export class CallChangesPurge extends HourlyPurge {
  constructor(changes: CallChangesService) {
    super({
      logger: new Logger('CallChanges'),
      purge: () => changes.purgeExpired(),
      purged: (deleted) => `Purged ${deleted} change(s) of calls older than the retention`,
      failure: 'Purging the old changes of calls failed',
    });
  }
}
