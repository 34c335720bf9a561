import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { LeadsModule } from '../leads/leads.module';
import { CallByIdLoader } from './call-by-id.loader';
import { CallListsController } from './call-lists.controller';
import { CallListsService } from './call-lists.service';
import { DialerIngestionController } from './dialer-ingestion.controller';
import { DialerIngestionService } from './dialer-ingestion.service';
import { ManualLogsController } from './manual-logs.controller';
import { ManualLogsService } from './manual-logs.service';
import { CallsController } from './calls.controller';
import { CallsService } from './calls.service';
import { CommunicationEntity } from './communication.entity';
import { DialerCallRecordEntity } from './dialer-call-record.entity';

@Module({
  imports: [AuthModule, LeadsModule, TypeOrmModule.forFeature([CommunicationEntity, DialerCallRecordEntity])],
  controllers: [CallsController, CallListsController, ManualLogsController, DialerIngestionController],
  providers: [CallsService, CallByIdLoader, CallListsService, ManualLogsService, DialerIngestionService],
})
export class CallsModule {}
