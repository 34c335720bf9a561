import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from '../auth/principal';
import { Int64IdPipe } from '../common/int64-id.pipe';
import type { LeadScopedLoader } from '../leads/lead-manage.guard';
import type { CallRecord } from './call-record';
import { CallsService } from './calls.service';

/** The call named by the `communicationId` path parameter, for LeadManageGuard. */
@Injectable()
export class CallByIdLoader implements LeadScopedLoader<CallRecord> {
  constructor(private readonly calls: CallsService) {}

  load(request: Request, caller: Principal): Promise<CallRecord | null> {
    return this.calls.findCall(Int64IdPipe.parse(request.params.communicationId, 'communicationId'), caller);
  }
}
