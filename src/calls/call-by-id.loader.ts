import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from '../auth/principal';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { invalidInt64Message } from '../common/int64-id.pipe';
import { parseInt64Id } from '../common/int64';
import type { LeadScopedLoader } from '../leads/lead-manage.guard';
import type { CallRecord } from './call-record';
import { CallsService } from './calls.service';

/** The call named by the `communicationId` path parameter, for LeadManageGuard. */
@Injectable()
export class CallByIdLoader implements LeadScopedLoader<CallRecord> {
  constructor(private readonly calls: CallsService) {}

  load(request: Request, caller: Principal): Promise<CallRecord | null> {
    const id = parseInt64Id(request.params.communicationId);
    if (id === null) {
      throw new AppError(ErrorCode.InvalidParameter, invalidInt64Message('communicationId'));
    }
    return this.calls.findCall(id, caller);
  }
}
