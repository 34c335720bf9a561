import { CommunicationSource } from './call-enums';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { TransactionRunner } from '../database/transaction-runner';
import { CALL_CHANGED, NO_RATE_SCORE_ON_LOGGED_CALL } from './call-edit.errors';
import { CallEditService } from './call-edit.service';
import type { Call, DialerRecord, ScopedCall } from './call.record';
import type { CallEventsOutbox, CallUpdated } from '../webhooks/call-events.outbox';
import type { CallChangesRepository, NewCallChange } from './call-changes.repository';
import type { CallChanges, CallsRepository } from './calls.repository';
import type { EditCallDto } from './dto/edit-call.dto';

const DIALER: DialerRecord = {
  id: '400',
  userId: '10',
  userPhoneNumber: '+14155550100',
  leadPhoneNumber: '+14155550199',
  direction: 'Outbound',
  status: 'Completed',
  startTime: '2026-05-02 14:00:00',
  endTime: '2026-05-02 14:03:45',
  duration: 225,
  recordingSwitch: true,
  showUserNumber: null,
  isMachineAnswered: false,
  price: 0.02,
  elapsedSeconds: 8,
};

const dialerCall = (overrides: Partial<Call> = {}): Call => ({
  id: '700',
  leadId: '500',
  agentId: '10',
  source: CommunicationSource.Manual,
  logPhoneNumber: null,
  logDirection: null,
  content: null,
  callingOutcome: 'Talked',
  rateScore: 4,
  note: 'First note.',
  createTime: '2026-05-02 14:00:00',
  updateTime: '2026-05-02 14:03:45',
  version: 3,
  dialer: DIALER,
  ...overrides,
});

const loggedCall = (): Call =>
  dialerCall({
    dialer: null,
    source: CommunicationSource.Logged,
    content: 'Left a message.',
    rateScore: null,
    note: null,
    logDirection: 'outbound',
  });

const scoped = (call: Call): ScopedCall => ({
  leadId: call.leadId,
  leadAccess: { teamId: '1', assignedUserId: '10', hidden: false, deleted: false, callerIsOtherAssignee: false },
  call,
});

const MANAGER = { in: 'the transaction' } as unknown as EntityManager;

/** A repository over one stored call, which applies an update as the UPDATE does (version, update time). */
function setup(stored: Call) {
  let current = stored;
  const updates: { manager: EntityManager; changes: CallChanges; versions: readonly number[] | null }[] = [];
  let transactions = 0;
  const repository: Pick<CallsRepository, 'updateCall' | 'findStored'> = {
    updateCall: (manager, id, changes, updateTime, versions) => {
      updates.push({ manager, changes, versions });
      if (id !== current.id || (versions !== null && !versions.includes(current.version))) {
        return Promise.resolve(false);
      }
      current = {
        ...current,
        ...changes,
        updateTime: updateTime.toISOString().slice(0, 19).replace('T', ' '),
        version: current.version + 1,
      };
      return Promise.resolve(true);
    },
    findStored: (id, manager) => Promise.resolve(id === current.id && manager === MANAGER ? current : null),
  };
  const runner: Pick<TransactionRunner, 'run'> = {
    run: (work) => {
      transactions++;
      return work(MANAGER);
    },
  };
  const feed: { manager: EntityManager; change: NewCallChange }[] = [];
  const changes: Pick<CallChangesRepository, 'append'> = {
    append: (manager, change) => {
      feed.push({ manager, change });
      return Promise.resolve();
    },
  };
  const events: { manager: EntityManager; event: CallUpdated }[] = [];
  let nudges = 0;
  const outbox: Pick<CallEventsOutbox, 'recordUpdate' | 'committed'> = {
    recordUpdate: (manager, event) => {
      events.push({ manager, event });
      return Promise.resolve();
    },
    committed: () => {
      nudges++;
    },
  };
  const service = new CallEditService(
    repository as CallsRepository,
    runner as TransactionRunner,
    changes as CallChangesRepository,
    outbox as CallEventsOutbox,
  );
  return {
    service,
    updates,
    feed,
    events,
    nudges: () => nudges,
    transactions: () => transactions,
    current: () => current,
  };
}

/** An edit as the validation pipe hands it over (an enum value as its string). */
const edit = (input: Omit<EditCallDto, 'callingOutcome'> & { callingOutcome?: string | null }) => input as EditCallDto;

describe('CallEditService', () => {
  it('sets the fields given, in one transaction, and answers the record with its new version as ETag', async () => {
    const { service, updates, feed, transactions } = setup(dialerCall());
    const edited = await service.edit(
      scoped(dialerCall()),
      edit({ callingOutcome: 'NoAnswer', rateScore: 0 }),
      undefined,
    );
    expect(updates).toEqual([
      { manager: MANAGER, changes: { callingOutcome: 'NoAnswer', rateScore: 0 }, versions: null },
    ]);
    // The change is in the feed, written in the edit's own transaction.
    expect(feed).toEqual([
      {
        manager: MANAGER,
        change: { communicationId: '700', teamId: '1', leadId: '500', agentId: '10', changeType: 'updated' },
      },
    ]);
    expect(transactions()).toBe(1);
    expect(edited.tag).toBe('4');
    expect(edited.call).toMatchObject({ id: 700n, callingOutcome: 'NoAnswer', rateScore: 0, note: 'First note.' });
  });

  it('moves the update time to now, to the second', async () => {
    const { service } = setup(dialerCall());
    const before = Math.floor(Date.now() / 1000) * 1000;
    const { call } = await service.edit(scoped(dialerCall()), edit({ note: 'x' }), undefined);
    const after = Date.now();
    const moved = Date.parse(`${call.updateTime.replace(' ', 'T')}Z`);
    expect(moved).toBeGreaterThanOrEqual(before);
    expect(moved).toBeLessThanOrEqual(after);
  });

  it('clears a field given as null, and a note given empty', async () => {
    const { service, updates } = setup(dialerCall());
    const { call } = await service.edit(
      scoped(dialerCall()),
      edit({ callingOutcome: null, rateScore: null, note: '' }),
      undefined,
    );
    expect(updates[0].changes).toEqual({ callingOutcome: null, rateScore: null, note: null });
    expect(call).not.toHaveProperty('callingOutcome');
    expect(call).not.toHaveProperty('rateScore');
    expect(call).not.toHaveProperty('note');
  });

  it('truncates a note to 5000 characters, an emoji never cut', async () => {
    const { service, updates } = setup(dialerCall());
    await service.edit(scoped(dialerCall()), edit({ note: `${'a'.repeat(4999)}😀😀` }), undefined);
    expect(updates[0].changes).toEqual({ note: `${'a'.repeat(4999)}😀` });
  });

  it("writes a logged call's note to its log's content, which Get Call answers as the note", async () => {
    const { service, updates } = setup(loggedCall());
    const { call } = await service.edit(scoped(loggedCall()), edit({ note: 'Rescheduled.' }), undefined);
    expect(updates[0].changes).toEqual({ content: 'Rescheduled.' });
    expect(call.note).toBe('Rescheduled.');
  });

  it.each([2, null])('refuses rateScore %p on a logged call, before any write', async (rateScore) => {
    const { service, updates } = setup(loggedCall());
    await expect(service.edit(scoped(loggedCall()), edit({ rateScore }), undefined)).rejects.toEqual(
      new AppError(ErrorCode.InvalidParameter, NO_RATE_SCORE_ON_LOGGED_CALL),
    );
    expect(updates).toEqual([]);
  });

  describe('If-Match', () => {
    it('makes the update conditional on the versions it names', async () => {
      const { service, updates } = setup(dialerCall());
      const edited = await service.edit(scoped(dialerCall()), edit({ rateScore: 1 }), '"2", "3", W/"5", "x"');
      expect(updates[0].versions).toEqual([2, 3]);
      expect(edited.tag).toBe('4');
    });

    it('answers 412 when the update finds another version, and writes nothing', async () => {
      const { service, current, feed } = setup(dialerCall({ version: 4 }));
      await expect(service.edit(scoped(dialerCall()), edit({ rateScore: 1 }), '"3"')).rejects.toEqual(
        new AppError(ErrorCode.PreconditionFailed, CALL_CHANGED),
      );
      expect(current()).toEqual(dialerCall({ version: 4 }));
      expect(feed).toEqual([]);
    });

    it('answers 412 without a transaction when it names no version of a call (weak, another format)', async () => {
      const { service, transactions } = setup(dialerCall());
      for (const header of ['W/"3"', '"v3"', 'abc', '"0"', '"03"']) {
        await expect(service.edit(scoped(dialerCall()), edit({ rateScore: 1 }), header)).rejects.toMatchObject({
          code: ErrorCode.PreconditionFailed,
        });
      }
      expect(transactions()).toBe(0);
    });

    it('* applies the edit unconditionally', async () => {
      const { service, updates } = setup(dialerCall());
      await service.edit(scoped(dialerCall()), edit({ rateScore: 1 }), '*');
      expect(updates[0].versions).toBeNull();
    });
  });

  describe('update events', () => {
    it("records a MANUAL call's update event in the edit's transaction, its callId the dialer record's", async () => {
      const { service, events, nudges } = setup(dialerCall());
      const { call } = await service.edit(scoped(dialerCall()), edit({ rateScore: 1 }), undefined);
      expect(events).toEqual([
        {
          manager: MANAGER,
          event: {
            timelineId: '700',
            callId: '400',
            communicationType: 'MANUAL',
            leadId: '500',
            agentId: '10',
            updateTime: call.updateTime,
          },
        },
      ]);
      expect(nudges()).toBe(1);
    });

    it("records a LOGGED call's, its callId its own", async () => {
      const { service, events } = setup(loggedCall());
      await service.edit(scoped(loggedCall()), edit({ note: 'x' }), undefined);
      expect(events.map(({ event }) => [event.callId, event.communicationType])).toEqual([['700', 'LOGGED']]);
    });

    it('records none for an AUTO call, which is no Call event, nor for an edit that did not apply', async () => {
      const auto = dialerCall({ source: CommunicationSource.Auto });
      const { service, events } = setup(auto);
      await service.edit(scoped(auto), edit({ rateScore: 1 }), undefined);
      await expect(service.edit(scoped(auto), edit({ rateScore: 2 }), '"1"')).rejects.toMatchObject({
        code: ErrorCode.PreconditionFailed,
      });
      expect(events).toEqual([]);
    });
  });

  describe('an edit without a field', () => {
    it('writes nothing and answers the record as read, with its ETag', async () => {
      const { service, transactions, feed } = setup(dialerCall());
      const edited = await service.edit(scoped(dialerCall()), edit({}), undefined);
      expect(transactions()).toBe(0);
      expect(feed).toEqual([]);
      expect(edited.tag).toBe('3');
      expect(edited.call).toMatchObject({ updateTime: '2026-05-02 14:03:45', rateScore: 4 });
    });

    it('still checks If-Match against the version read', async () => {
      const { service } = setup(dialerCall());
      await expect(service.edit(scoped(dialerCall()), edit({}), '"3"')).resolves.toMatchObject({ tag: '3' });
      await expect(service.edit(scoped(dialerCall()), edit({}), '"2"')).rejects.toMatchObject({
        code: ErrorCode.PreconditionFailed,
      });
    });
  });
});
