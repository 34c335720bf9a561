import { type LogRow, readLog } from './calls.repository';
import { toManualLogEntry as mapLog } from './manual-log.mapper';

/** The mapper over a row as the repository reads it. */
const toManualLogEntry = (row: LogRow) => mapLog(readLog(row));

/** A stored communication carrying every field a manual log may have, whatever its channel. */
const row = (overrides: Partial<LogRow>): LogRow => ({
  id: '9007199254740993',
  lead_id: '100001',
  agent_id: '100234',
  channel: 'CALL',
  source: 'LOGGED',
  log_phone_number: '5865865860',
  log_direction: 'outbound',
  content: 'Discussed Austin inventory.',
  is_pin: 1,
  calling_outcome: 'VoiceMessage',
  email_subject: 'Follow-up on Austin listings',
  to_email: 'sarah.johnson@example.com',
  from_email: 'agent@lofty.com',
  create_time: '2026-04-22 10:15:30.000',
  ...overrides,
});

describe('toManualLogEntry', () => {
  it("writes a call with a call's fields only, in the answer's order, ids exact", () => {
    const dto = toManualLogEntry(row({ channel: 'CALL' }));
    expect(Object.keys(dto)).toEqual([
      'id',
      'leadId',
      'leadPhoneNumber',
      'callingOutcome',
      'content',
      'createTime',
      'outboundOrInbound',
      'isPin',
      'agentId',
    ]);
    expect(dto).toMatchObject({ id: 9007199254740993n, createTime: '2026-04-22 10:15:30', isPin: true });
  });

  it("writes an email with an email's fields and its direction", () => {
    expect(Object.keys(toManualLogEntry(row({ channel: 'EMAIL' })))).toEqual([
      'id',
      'leadId',
      'content',
      'createTime',
      'outboundOrInbound',
      'isPin',
      'agentId',
      'emailSubject',
      'toEmail',
      'fromEmail',
    ]);
  });

  it("writes a text with a text's fields", () => {
    expect(Object.keys(toManualLogEntry(row({ channel: 'TEXT' })))).toEqual([
      'id',
      'leadId',
      'leadPhoneNumber',
      'content',
      'createTime',
      'outboundOrInbound',
      'isPin',
      'agentId',
    ]);
  });

  it('leaves out what the log does not have, and a stored value outside the contract; never null', () => {
    const dto = toManualLogEntry(
      row({
        log_phone_number: '',
        log_direction: 'sideways',
        calling_outcome: 'Maybe',
        content: null,
        is_pin: 0,
      }),
    );
    expect(dto).toEqual({
      id: 9007199254740993n,
      leadId: 100001n,
      content: '',
      createTime: '2026-04-22 10:15:30',
      isPin: false,
      agentId: 100234n,
    });
  });
});
