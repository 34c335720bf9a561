import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from '../auth/principal';
import type { Int64 } from '../common/int64';
import { Int64IdPipe } from '../common/int64-id.pipe';
import { requireJsonObject } from '../common/validation/validation.pipe';
import type { LeadScopedLoader } from './lead-manage.guard';
import type { LeadRecord } from './lead-record';
import { type LeadRef, LeadsService } from './leads.service';

/** The `leadId` of a request, required and a positive int64. */
export function requireLeadId(value: unknown): Int64 {
  return Int64IdPipe.parse(value, 'leadId');
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
