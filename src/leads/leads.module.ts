import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LeadAssigneeEntity } from './lead-assignee.entity';
import { LeadEntity } from './lead.entity';
import { LeadManageGuard } from './lead-manage.guard';
import { LeadsService } from './leads.service';

/** Leads and the one manage-permission policy that every lead-scoped route goes through. */
@Module({
  imports: [TypeOrmModule.forFeature([LeadEntity, LeadAssigneeEntity])],
  providers: [LeadsService, LeadManageGuard],
  exports: [LeadsService, LeadManageGuard],
})
export class LeadsModule {}
