import { leadScopedSource } from './lead-manage.guard';
import { LeadsService } from './leads.service';

/** The lead of the `leadId` path parameter, with all its fields. */
export const LEAD_IN_PATH = leadScopedSource({
  in: 'path',
  field: 'leadId',
  service: LeadsService,
  find: (leads, id, caller) => leads.findLead(id, caller),
});

/** The lead of the `leadId` query parameter. */
export const LEAD_IN_QUERY = leadScopedSource({
  in: 'query',
  field: 'leadId',
  service: LeadsService,
  find: (leads, id, caller) => leads.findAccess(id, caller),
});

/** The lead of the `leadId` field of a JSON body. */
export const LEAD_IN_BODY = leadScopedSource({
  in: 'body',
  field: 'leadId',
  service: LeadsService,
  find: (leads, id, caller) => leads.findAccess(id, caller),
});
