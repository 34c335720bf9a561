import { leadScopedSource, type LeadScopedSource } from '../leads/lead-manage.guard';
import { Channel, type MessageChannel } from './call-enums';
import { CallsService } from './calls.service';
import type { ScopedLog } from './manual-log.record';
import { ManualLogsService } from './manual-logs.service';

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

/** The email or text (by `channel`) of the `communicationId` path parameter, with its lead's access facts. */
function messageInPath(channel: MessageChannel): LeadScopedSource<ScopedLog> {
  return leadScopedSource({
    in: 'path',
    field: 'communicationId',
    service: ManualLogsService,
    find: (logs, id, caller) => logs.findWithLeadAccess(channel, id, caller),
  });
}

export const EMAIL_IN_PATH = messageInPath(Channel.Email);

export const TEXT_IN_PATH = messageInPath(Channel.Text);
