import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DatabaseModule } from '../database/database.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { LeadsModule } from '../leads/leads.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { CallListsController } from './call-lists.controller';
import { CallListsService } from './call-lists.service';
import { CallsController } from './calls.controller';
import { CallsRepository } from './calls.repository';
import { CallsService } from './calls.service';
import { DialerIngestionController } from './dialer-ingestion.controller';
import { DialerIngestionService } from './dialer-ingestion.service';
import { ManualLogsController } from './manual-logs.controller';
import { ManualLogsService } from './manual-logs.service';

/** Calls: Get Call, the call lists, manual logs and dialer ingestion. */
@Module({
  imports: [AuthModule, DatabaseModule, IdempotencyModule, LeadsModule, WebhooksModule],
  controllers: [CallsController, CallListsController, ManualLogsController, DialerIngestionController],
  providers: [CallsService, CallsRepository, CallListsService, ManualLogsService, DialerIngestionService],
})
export class CallsModule {}
