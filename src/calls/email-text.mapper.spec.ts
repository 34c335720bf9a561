import { type LogRow, readLog } from './calls.repository';
import { toEmailResponse as mapEmail, toTextResponse as mapText } from './email-text.mapper';

/** The mappers over a row as the repository reads it from either engine. */
const toEmailResponse = (row: LogRow) => mapEmail(readLog(row));
const toTextResponse = (row: LogRow) => mapText(readLog(row));

/** A logged email as SQLite returns it (integers as decimal strings, datetimes as UTC text with milliseconds). */
const sqliteEmailRow = (overrides: Partial<LogRow> = {}): LogRow => ({
  id: '9007199254740993',
  lead_id: '9007199254740995',
  agent_id: '100234',
  channel: 'EMAIL',
  source: 'LOGGED',
  log_phone_number: null,
  log_direction: 'outbound',
  content: 'Sent the Austin listings.',
  is_pin: '0',
  calling_outcome: null,
  email_subject: 'Follow-up on Austin listings',
  to_email: 'sarah.johnson@example.com',
  from_email: 'agent@lofty.com',
  create_time: '2026-04-22 11:05:00.000',
  ...overrides,
});

/** The same email as the SQL reader gets it from mysql2: TINYINT a number, DATETIME text without milliseconds. */
const mysqlEmailRow = (): LogRow => sqliteEmailRow({ is_pin: 0, create_time: '2026-04-22 11:05:00' });

const textRow = (overrides: Partial<LogRow> = {}): LogRow =>
  sqliteEmailRow({
    channel: 'TEXT',
    log_phone_number: '5865865860',
    log_direction: 'inbound',
    content: 'Can we see the house on Saturday?',
    email_subject: null,
    to_email: null,
    from_email: null,
    ...overrides,
  });

describe('toEmailResponse', () => {
  it.each([
    ['SQLite', sqliteEmailRow()],
    ['MySQL', mysqlEmailRow()],
  ])('writes a logged outbound email in the source order, ids exact (%s)', (_, row) => {
    const dto = toEmailResponse(row);
    expect(Object.keys(dto)).toEqual([
      'id',
      'leadId',
      'direction',
      'agentId',
      'eventType',
      'emailEventTime',
      'emailType',
      'emailSubject',
    ]);
    expect(dto).toEqual({
      id: 9007199254740993n,
      leadId: 9007199254740995n,
      direction: 'Outbound',
      agentId: 100234n,
      eventType: 'Sent',
      emailEventTime: '2026-04-22 11:05:00',
      emailType: 'Manual',
      emailSubject: 'Follow-up on Austin listings',
    });
  });

  it('gives an inbound email its direction and no event', () => {
    const dto = toEmailResponse(sqliteEmailRow({ log_direction: 'inbound' }));
    expect(dto.direction).toBe('Inbound');
    expect(dto).not.toHaveProperty('eventType');
  });

  it('leaves out what the email does not have: no direction, no event, no subject; never null', () => {
    const dto = toEmailResponse(sqliteEmailRow({ log_direction: null, email_subject: null }));
    expect(Object.keys(dto)).toEqual(['id', 'leadId', 'agentId', 'emailEventTime', 'emailType']);
  });

  it('never gives the source fields the service does not keep, nor the body and the addresses', () => {
    const dto = toEmailResponse(sqliteEmailRow()) as object;
    for (const key of ['fromPond', 'content', 'toEmail', 'fromEmail', 'createTime']) {
      expect(dto).not.toHaveProperty(key);
    }
  });

  it.each([
    ['LOGGED', 'Manual'],
    ['MANUAL', 'Manual'],
    ['AUTO', 'Auto'],
  ])('types an email of source %s as %s', (source, type) => {
    expect(toEmailResponse(sqliteEmailRow({ source })).emailType).toBe(type);
  });

  it.each([
    ['an unknown direction', { log_direction: 'Outbound' }, ['direction', 'eventType']],
    ['an empty subject', { email_subject: '' }, ['emailSubject']],
    ['an unknown source', { source: 'IMPORTED' }, ['emailType']],
  ])('treats %s as no value', (_, overrides, absent) => {
    const dto = toEmailResponse(sqliteEmailRow(overrides));
    for (const key of absent) expect(dto).not.toHaveProperty(key);
  });
});

describe('toTextResponse', () => {
  it.each([
    ['SQLite', textRow()],
    ['MySQL', textRow({ is_pin: 1, create_time: '2026-04-22 11:05:00' })],
  ])('writes a logged text in the source order, ids exact (%s)', (_, row) => {
    const dto = toTextResponse(row);
    expect(Object.keys(dto)).toEqual(['id', 'leadId', 'direction', 'agentId', 'textTime', 'textType', 'textContent']);
    expect(dto).toEqual({
      id: 9007199254740993n,
      leadId: 9007199254740995n,
      direction: 'Inbound',
      agentId: 100234n,
      textTime: '2026-04-22 11:05:00',
      textType: 'Manual',
      textContent: 'Can we see the house on Saturday?',
    });
  });

  it('leaves out what the text does not have, never null; no delivery outcome, no number', () => {
    const dto = toTextResponse(textRow({ log_direction: null, content: '' }));
    expect(Object.keys(dto)).toEqual(['id', 'leadId', 'agentId', 'textTime', 'textType']);
    expect(dto).not.toHaveProperty('textOutcome');
  });

  it('types an automated text as Auto', () => {
    expect(toTextResponse(textRow({ source: 'AUTO' })).textType).toBe('Auto');
  });
});
