import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LeadsModule } from '../leads/leads.module';
import { CallByIdLoader } from './call-by-id.loader';
import { CallsController } from './calls.controller';
import { CallsService } from './calls.service';
import { CommunicationEntity } from './communication.entity';
import { DialerCallRecordEntity } from './dialer-call-record.entity';

@Module({
  imports: [LeadsModule, TypeOrmModule.forFeature([CommunicationEntity, DialerCallRecordEntity])],
  controllers: [CallsController],
  providers: [CallsService, CallByIdLoader],
})
export class CallsModule {}
