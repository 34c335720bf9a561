import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DatabaseModule } from '../database/database.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { LeadManageGuard } from './lead-manage.guard';
import { LeadsController } from './leads.controller';
import { LeadsRepository } from './leads.repository';
import { LeadsService } from './leads.service';

/** Leads and the one manage-permission policy that every lead-scoped route goes through. */
@Module({
  imports: [AuthModule, DatabaseModule, IdempotencyModule],
  controllers: [LeadsController],
  providers: [LeadsService, LeadsRepository, LeadManageGuard],
  exports: [LeadsService, LeadManageGuard],
})
export class LeadsModule {}
