import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DatabaseModule } from '../database/database.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { LeadByIdLoader, LeadInBodyLoader, LeadInQueryLoader } from './lead-loaders';
import { LeadManageGuard } from './lead-manage.guard';
import { LeadsController } from './leads.controller';
import { LeadsService } from './leads.service';

/** Leads and the one manage-permission policy that every lead-scoped route goes through. */
@Module({
  imports: [AuthModule, DatabaseModule, IdempotencyModule],
  controllers: [LeadsController],
  providers: [LeadsService, LeadManageGuard, LeadByIdLoader, LeadInQueryLoader, LeadInBodyLoader],
  exports: [LeadsService, LeadManageGuard, LeadInQueryLoader, LeadInBodyLoader],
})
export class LeadsModule {}
