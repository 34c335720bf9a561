import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from '../auth/principal';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { type Int64, parseInt64Value } from '../common/int64';
import { invalidInt64Message } from '../common/int64-id.pipe';
import { requireJsonObject } from '../common/validation/validation.pipe';
import type { LeadScopedLoader } from './lead-manage.guard';
import type { LeadRecord } from './lead-record';
import { type LeadRef, LeadsService } from './leads.service';

/** The `leadId` of a request, required and a positive int64. */
export function requireLeadId(value: unknown): Int64 {
  if (value === undefined || value === null || value === '') {
    throw new AppError(ErrorCode.MissingParameter, 'leadId is required.');
  }
  const id = parseInt64Value(value);
  if (id === null) {
    throw new AppError(ErrorCode.InvalidParameter, invalidInt64Message('leadId'));
  }
  return id;
}

/** The lead of the `leadId` path parameter, with all its fields. */
@Injectable()
export class LeadByIdLoader implements LeadScopedLoader<LeadRecord> {
  constructor(private readonly leads: LeadsService) {}

  load(request: Request, caller: Principal): Promise<LeadRecord | null> {
    return this.leads.findLead(requireLeadId(request.params.leadId), caller);
  }
}

/** The lead of the `leadId` query parameter. */
@Injectable()
export class LeadInQueryLoader implements LeadScopedLoader<LeadRef> {
  constructor(private readonly leads: LeadsService) {}

  load(request: Request, caller: Principal): Promise<LeadRef | null> {
    return this.leads.findAccess(requireLeadId(request.query.leadId), caller);
  }
}

/** The lead of the `leadId` field of a JSON body. */
@Injectable()
export class LeadInBodyLoader implements LeadScopedLoader<LeadRef> {
  constructor(private readonly leads: LeadsService) {}

  load(request: Request, caller: Principal): Promise<LeadRef | null> {
    return this.leads.findAccess(requireLeadId(requireJsonObject(request.body).leadId), caller);
  }
}
