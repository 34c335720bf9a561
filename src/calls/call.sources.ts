import { leadScopedSource } from '../leads/lead-manage.guard';
import { CallsService } from './calls.service';

/** The call of the `communicationId` path parameter, with its lead's access facts. */
export const CALL_IN_PATH = leadScopedSource({
  in: 'path',
  field: 'communicationId',
  service: CallsService,
  find: (calls, id, caller) => calls.findWithLeadAccess(id, caller),
});

/** The call of the `callId` path parameter of the v1 read (a communication id too), with its lead's access facts. */
export const CALL_ID_IN_PATH = leadScopedSource({
  in: 'path',
  field: 'callId',
  service: CallsService,
  find: (calls, id, caller) => calls.findWithLeadAccess(id, caller),
});
