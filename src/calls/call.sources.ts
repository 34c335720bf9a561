import { leadScopedSource } from '../leads/lead-manage.guard';
import { CallsService } from './calls.service';

/** The call of the `communicationId` path parameter, with its lead's access facts. */
export const CALL_IN_PATH = leadScopedSource({
  in: 'path',
  field: 'communicationId',
  service: CallsService,
  find: (calls, id, caller) => calls.findWithLeadAccess(id, caller),
});
