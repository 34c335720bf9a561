import { minutesSeconds, toCallResponse as mapCall, usd as mapUsd } from './call.mapper';
import { type CallRow, readCall } from './calls.repository';

/** The mapper over a row as the repository reads it from either engine. */
const toCallResponse = (row: CallRow) => mapCall(readCall(row));

/** The price of a dialer record whose DECIMAL column held `value`, as the call DTO writes it. */
const usd = (value: string | number) => mapUsd(readCall(sqliteDialerRow({ price: value })).dialer?.price ?? null);

/** A dialer call as SQLite returns it (integers as decimal strings, datetimes as UTC text). */
const sqliteDialerRow = (overrides: Partial<CallRow> = {}): CallRow => ({
  id: '563172647619608',
  lead_id: '100001',
  agent_id: '100234',
  source: 'MANUAL',
  log_phone_number: null,
  log_direction: null,
  content: null,
  calling_outcome: 'Talked',
  rate_score: '4',
  note: 'Discussed pre-approval timeline.',
  create_time: '2026-04-22 10:15:00.000',
  update_time: '2026-04-22 10:18:45.000',
  version: '1',
  dialer_id: '400000012345',
  dialer_user_id: '100234',
  user_phone_number: '+14155550100',
  lead_phone_number: '+14155550199',
  direction: 'Outbound',
  status: 'Completed',
  start_time: '2026-04-22 10:15:00.000',
  end_time: '2026-04-22 10:18:45.000',
  duration: '225',
  recording_switch: '1',
  show_user_number: '+14155550100',
  is_machine_answered: '0',
  price: 0.02,
  elapsed_seconds: '8',
  ...overrides,
});

/** The same call as the SQL reader gets it from mysql2: INT and TINYINT numbers, DECIMAL and DATETIME text. */
const mysqlDialerRow = (): CallRow =>
  sqliteDialerRow({
    rate_score: 4,
    create_time: '2026-04-22 10:15:00',
    update_time: '2026-04-22 10:18:45',
    start_time: '2026-04-22 10:15:00',
    end_time: '2026-04-22 10:18:45',
    duration: 225,
    recording_switch: 1,
    is_machine_answered: 0,
    price: '0.0200',
    elapsed_seconds: 8,
  });

const NO_DIALER = {
  dialer_id: null,
  dialer_user_id: null,
  user_phone_number: null,
  lead_phone_number: null,
  direction: null,
  status: null,
  start_time: null,
  end_time: null,
  duration: null,
  recording_switch: null,
  show_user_number: null,
  is_machine_answered: null,
  price: null,
  elapsed_seconds: null,
};

const loggedRow = (overrides: Partial<CallRow> = {}): CallRow =>
  sqliteDialerRow({
    ...NO_DIALER,
    id: '563172647619609',
    log_phone_number: '5865865860',
    log_direction: 'outbound',
    content: 'Discussed Austin inventory.',
    calling_outcome: 'VoiceMessage',
    rate_score: '3',
    note: 'a note column a logged call does not use',
    ...overrides,
  });

const SOURCE_EXAMPLE = {
  id: 563172647619608n,
  dialerCallRecordId: 400000012345n,
  userId: 100234n,
  userPhoneNumber: '+14155550100',
  leadId: 100001n,
  leadPhoneNumber: '+14155550199',
  direction: 'Outbound',
  status: 'Completed',
  startTime: '2026-04-22 10:15:00',
  endTime: '2026-04-22 10:18:45',
  duration: 225,
  callingOutcome: 'Talked',
  rateScore: 4,
  recordingSwitch: true,
  showUserNumber: '+14155550100',
  createTime: '2026-04-22 10:15:00',
  updateTime: '2026-04-22 10:18:45',
  note: 'Discussed pre-approval timeline.',
  isMachineAnswered: false,
  price: 0.02,
  agentId: 100234n,
  elapsedTime: '00:08',
};

describe('toCallResponse', () => {
  describe('a dialer call', () => {
    it.each([
      ['SQLite', sqliteDialerRow],
      ['MySQL', mysqlDialerRow],
    ])('carries every field, in the contract order, from a %s row', (_, row) => {
      const dto = toCallResponse(row());
      expect(dto).toStrictEqual(SOURCE_EXAMPLE);
      expect(Object.keys(dto)).toEqual(Object.keys(SOURCE_EXAMPLE));
    });

    it('takes userId from the dialer record and agentId from the communication', () => {
      const dto = toCallResponse(sqliteDialerRow({ dialer_user_id: '100238', agent_id: '100234' }));
      expect(dto.userId).toBe(100238n);
      expect(dto.agentId).toBe(100234n);
    });

    it('omits (does not null) the values the system does not have', () => {
      const dto = toCallResponse(
        sqliteDialerRow({
          calling_outcome: null,
          rate_score: null,
          note: null,
          user_phone_number: null,
          lead_phone_number: null,
          end_time: null,
          show_user_number: null,
          price: null,
          elapsed_seconds: null,
        }),
      );
      for (const key of [
        'callingOutcome',
        'rateScore',
        'note',
        'userPhoneNumber',
        'leadPhoneNumber',
        'endTime',
        'showUserNumber',
        'price',
        'elapsedTime',
      ]) {
        expect(dto).not.toHaveProperty(key);
      }
      expect(dto.status).toBe('Completed');
    });

    it('keeps a rating of 0 and false booleans', () => {
      const dto = toCallResponse(sqliteDialerRow({ rate_score: '0', recording_switch: '0' }));
      expect(dto.rateScore).toBe(0);
      expect(dto.recordingSwitch).toBe(false);
    });

    it('leaves out what no valid value stands for: unknown enums, empty texts, negative counts', () => {
      const dto = toCallResponse(
        sqliteDialerRow({
          direction: 'outbound',
          status: 'completed',
          calling_outcome: 'talked',
          user_phone_number: '',
          note: '',
          rate_score: '9',
          duration: '-1',
          elapsed_seconds: '-5',
          price: -0.5,
        }),
      );
      for (const key of [
        'direction',
        'status',
        'callingOutcome',
        'userPhoneNumber',
        'note',
        'rateScore',
        'duration',
        'elapsedTime',
        'price',
      ]) {
        expect(dto).not.toHaveProperty(key);
      }
    });

    it('keeps int64 ids above 2^53 exact', () => {
      const dto = toCallResponse(sqliteDialerRow({ id: '9007199254740993', dialer_id: '9223372036854775807' }));
      expect(dto.id).toBe(9007199254740993n);
      expect(dto.dialerCallRecordId).toBe(9223372036854775807n);
    });
  });

  describe('a manually logged call (no dialer record)', () => {
    it('is built from the log and has no dialer-only key', () => {
      const dto = toCallResponse(loggedRow());
      expect(dto).toStrictEqual({
        id: 563172647619609n,
        userId: 100234n,
        leadId: 100001n,
        leadPhoneNumber: '5865865860',
        direction: 'Outbound',
        callingOutcome: 'VoiceMessage',
        createTime: '2026-04-22 10:15:00',
        updateTime: '2026-04-22 10:18:45',
        note: 'Discussed Austin inventory.',
        agentId: 100234n,
      });
    });

    it('infers Inbound from the log', () => {
      expect(toCallResponse(loggedRow({ log_direction: 'inbound' })).direction).toBe('Inbound');
    });

    it('has no direction for a direction it does not know', () => {
      expect(toCallResponse(loggedRow({ log_direction: 'Outbound' }))).not.toHaveProperty('direction');
    });

    it('omits the number, the direction, the outcome and the note when the log has none', () => {
      const dto = toCallResponse(
        loggedRow({ log_phone_number: null, log_direction: null, calling_outcome: null, content: null }),
      );
      expect(Object.keys(dto)).toEqual(['id', 'userId', 'leadId', 'createTime', 'updateTime', 'agentId']);
    });
  });
});

describe('usd', () => {
  it.each([
    ['0.0200', 0.02, '0.02'],
    [0.02, 0.02, '0.02'],
    ['1.0000', 1, '1'],
    ['0.0001', 0.0001, '0.0001'],
    ['123456.7891', 123456.7891, '123456.7891'],
    ['999999.9999', 999999.9999, '999999.9999'],
    ['0.1000', 0.1, '0.1'],
  ])('%s is %s, written as %s', (value, number, json) => {
    expect(usd(value)).toBe(number);
    expect(JSON.stringify(usd(value))).toBe(json);
  });

  it('rounds a double that SQLite kept unrounded to the 4 decimals of the column', () => {
    expect(usd(0.0001 * 3)).toBe(0.0003);
    expect(JSON.stringify(usd(0.1 + 0.2))).toBe('0.3');
  });

  it.each([[-1], ['abc'], [Number.NaN]])('has no price for %p', (value) => {
    expect(usd(value)).toBeNull();
  });

  it('writes every DECIMAL(10,4) value exactly', () => {
    for (let cents = 0; cents < 2_000_000; cents += 7) {
      const text = (cents / 10000).toFixed(4);
      expect(String(usd(text))).toBe(text.replace(/\.?0+$/, '') || '0');
    }
  });
});

describe('minutesSeconds', () => {
  it.each([
    [0, '00:00'],
    [8, '00:08'],
    [59, '00:59'],
    [60, '01:00'],
    [599, '09:59'],
    [3599, '59:59'],
    [3600, '60:00'],
    [4503, '75:03'],
    [6000, '100:00'],
  ])('%s s is %s', (seconds, text) => {
    expect(minutesSeconds(seconds)).toBe(text);
  });
});
