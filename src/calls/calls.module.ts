import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DatabaseModule } from '../database/database.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { LeadsModule } from '../leads/leads.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { CallChangesPurge } from './call-changes-purge.worker';
import { CallChangesController } from './call-changes.controller';
import { CallChangesRepository } from './call-changes.repository';
import { CallChangesService } from './call-changes.service';
import { CallEditService } from './call-edit.service';
import { CallListsController } from './call-lists.controller';
import { CallListsService } from './call-lists.service';
import { CallsController } from './calls.controller';
import { CallsRepository } from './calls.repository';
import { CallsService } from './calls.service';
import { DialerIngestionController } from './dialer-ingestion.controller';
import { DialerIngestionService } from './dialer-ingestion.service';
import { EmailsTextsController } from './emails-texts.controller';
import { ManualLogsController } from './manual-logs.controller';
import { ManualLogsService } from './manual-logs.service';

import { CommonModule } from '../common/common.module';
import { CommunicationSearchController } from './communication-search.controller';
import { CommunicationSearchRepository } from './communication-search.repository';
import { CommunicationSearchService } from './communication-search.service';
/**
 * Calls: Get Call, the call edit, the call lists, the search by agent, the change feed, manual logs, logged emails and
 * texts, dialer ingestion.
 */
@Module({
  imports: [AuthModule, CommonModule, DatabaseModule, IdempotencyModule, LeadsModule, WebhooksModule],
  controllers: [
    CallsController,
    CallListsController,
    ManualLogsController,
    EmailsTextsController,
    DialerIngestionController,
    CommunicationSearchController,
    CallChangesController,
  ],
  providers: [
    CallsService,
    CallEditService,
    CallsRepository,
    CallListsService,
    ManualLogsService,
    DialerIngestionService,
    CommunicationSearchService,
    CommunicationSearchRepository,
    CallChangesService,
    CallChangesRepository,
    CallChangesPurge,
  ],
})
export class CallsModule {}
