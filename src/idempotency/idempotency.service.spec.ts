import type { EntityManager } from 'typeorm';
import type { SqlReader } from '../database/sql-reader';
import type { TransactionRunner } from '../database/transaction-runner';
import { IdempotencyKeyTaken, IdempotencyService, type IdempotentRequest, KEEP_MS } from './idempotency.service';

const NOW = 1_780_000_000_000;

const request: IdempotentRequest = {
  keyHash: 'a'.repeat(64),
  caller: 'user:100234',
  route: 'POST /v1.0/logType',
  fingerprint: 'f'.repeat(64),
  status: 200,
};

describe('IdempotencyService', () => {
  const select = jest.fn();
  const query = jest.fn();
  const manager = { query } as unknown as EntityManager;
  const transactions = { run: jest.fn((work: (m: EntityManager) => Promise<unknown>) => work(manager)) };
  const clock = { now: () => NOW };
  const service = new IdempotencyService(
    { query: select } as unknown as SqlReader,
    transactions as unknown as TransactionRunner,
    clock,
  );

  beforeEach(() => {
    select.mockReset();
    query.mockReset();
    query.mockResolvedValue([]);
    transactions.run.mockClear();
  });

  const statements = () => query.mock.calls.map(([sql]) => (sql as string).split(' ').slice(0, 2).join(' '));

  describe('run', () => {
    it('without a key runs the unit of work in a plain transaction, storing nothing', async () => {
      await expect(service.run(null, () => Promise.resolve({ id: 1n }))).resolves.toEqual({ id: 1n });
      expect(transactions.run).toHaveBeenCalledTimes(1);
      expect(query).not.toHaveBeenCalled();
    });

    it('takes the key first, then runs the work, then stores its answer as sent, all in one transaction', async () => {
      const work = jest.fn(() => {
        expect(statements()).toEqual(['INSERT INTO']);
        return Promise.resolve({ logType: { id: 9007199254740993n, content: 'é' } });
      });
      await service.run(request, work);
      expect(transactions.run).toHaveBeenCalledTimes(1);
      expect(work).toHaveBeenCalledWith(manager);
      expect(query.mock.calls).toEqual([
        [
          expect.stringMatching(/^INSERT INTO idempotency_keys /),
          [request.keyHash, request.caller, request.route, request.fingerprint, NOW, NOW + KEEP_MS],
        ],
        [
          expect.stringMatching(/^UPDATE idempotency_keys SET status_code = \?, response_body = \?, location = \?/),
          [200, '{"logType":{"id":9007199254740993,"content":"é"}}', null, request.keyHash],
        ],
      ]);
    });

    it('stores the Location of the answer when asked to', async () => {
      await service.run(
        request,
        () => Promise.resolve({ id: 7n }),
        (answer) => `/calls/${answer.id}`,
      );
      expect(query.mock.calls[1]?.[1]).toEqual([200, '{"id":7}', '/calls/7', request.keyHash]);
    });

    it.each([
      ['MySQL', { code: 'ER_DUP_ENTRY', errno: 1062 }],
      ['SQLite', { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }],
    ])(
      'answers a key taken by a request that committed (%s) with IdempotencyKeyTaken, doing no work',
      async (_, fields) => {
        query.mockRejectedValueOnce(Object.assign(new Error('duplicate'), { driverError: fields }));
        const work = jest.fn();
        await expect(service.run(request, work)).rejects.toBeInstanceOf(IdempotencyKeyTaken);
        expect(work).not.toHaveBeenCalled();
      },
    );

    it('passes any other failure of taking the key on', async () => {
      const lost = Object.assign(new Error('Connection lost'), { code: 'PROTOCOL_CONNECTION_LOST' });
      query.mockRejectedValueOnce(lost);
      await expect(service.run(request, jest.fn())).rejects.toBe(lost);
    });

    it('stores nothing when the work fails (the transaction rolls the key back)', async () => {
      const failure = new Error('the outbox broke down');
      await expect(service.run(request, () => Promise.reject(failure))).rejects.toBe(failure);
      expect(statements()).toEqual(['INSERT INTO']);
    });
  });

  describe('find', () => {
    const row = (overrides: Record<string, unknown> = {}) => ({
      fingerprint: request.fingerprint,
      status_code: 201,
      response_body: '{"id":1}',
      location: '/v2.0/communication/call/1',
      expires_ms: String(NOW + 1),
      ...overrides,
    });

    it('is null for a key never stored', async () => {
      select.mockResolvedValue([]);
      await expect(service.find(request)).resolves.toBeNull();
    });

    it('answers the stored answer of a key within its 24 h', async () => {
      select.mockResolvedValue([row()]);
      await expect(service.find(request)).resolves.toEqual({
        fingerprint: request.fingerprint,
        status: 201,
        body: '{"id":1}',
        location: '/v2.0/communication/call/1',
      });
      expect(select).toHaveBeenCalledWith(expect.stringContaining('WHERE key_hash = ?'), [request.keyHash]);
    });

    it('is null for a key whose answer is still being written (what SQLite’s one connection may show)', async () => {
      select.mockResolvedValue([row({ status_code: null, response_body: null })]);
      await expect(service.find(request)).resolves.toBeNull();
      expect(query).not.toHaveBeenCalled();
    });

    it('forgets an expired key: deletes it (if still expired) and is null', async () => {
      select.mockResolvedValue([row({ expires_ms: String(NOW) })]);
      await expect(service.find(request)).resolves.toBeNull();
      expect(query).toHaveBeenCalledWith('DELETE FROM idempotency_keys WHERE key_hash = ? AND expires_ms <= ?', [
        request.keyHash,
        NOW,
      ]);
    });
  });

  describe('purgeExpired', () => {
    it('deletes the expired keys a batch at a time until a batch is not full', async () => {
      const batch = (size: number, from: number) =>
        Array.from({ length: size }, (_, i) => ({ key_hash: `k${from + i}` }));
      query.mockImplementation((sql: string) =>
        Promise.resolve(sql.startsWith('SELECT') ? (selects.shift() ?? []) : undefined),
      );
      const selects = [batch(500, 0), batch(500, 500), batch(3, 1000)];
      await expect(service.purgeExpired()).resolves.toBe(1003);
      expect(transactions.run).toHaveBeenCalledTimes(3);
      const deletes = query.mock.calls.filter(([sql]) => (sql as string).startsWith('DELETE'));
      expect(deletes).toHaveLength(3);
      expect(deletes[2]).toEqual([
        'DELETE FROM idempotency_keys WHERE key_hash IN (?, ?, ?) AND expires_ms <= ?',
        ['k1000', 'k1001', 'k1002', NOW],
      ]);
    });

    it('does nothing more when nothing has expired', async () => {
      await expect(service.purgeExpired()).resolves.toBe(0);
      expect(statements()).toEqual(['SELECT key_hash']);
    });
  });
});
