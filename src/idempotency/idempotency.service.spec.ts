import type { EntityManager } from 'typeorm';
import { Int64Form } from '../common/http/lossless-json';
import type { TransactionRunner } from '../database/transaction-runner';
import type { IdempotencyKeyRecord, IdempotencyKeysRepository, NewIdempotencyKey } from './idempotency-keys.repository';
import { IdempotencyKeyTaken, IdempotencyService, type IdempotentRequest, KEEP_MS } from './idempotency.service';

const NOW = 1_780_000_000_000;

const request: IdempotentRequest = {
  keyHash: 'a'.repeat(64),
  caller: 'user:100234',
  route: 'POST /v1.0/logType',
  fingerprint: 'f'.repeat(64),
  status: 200,
  int64: Int64Form.Number,
};

interface StoredKey extends NewIdempotencyKey {
  answer: IdempotencyKeyRecord['answer'];
  /** The transaction that took the key. */
  manager: EntityManager;
}

/** The idempotency_keys table in memory, with transactions that roll back what a failed unit of work wrote. */
class InMemoryKeys implements Pick<
  IdempotencyKeysRepository,
  'find' | 'claim' | 'storeAnswer' | 'deleteIfExpired' | 'deleteExpired'
> {
  rows = new Map<string, StoredKey>();
  /** The number of keys each purge transaction deleted. */
  purgeBatches: number[] = [];
  claimFailure: Error | null = null;

  find(keyHash: string): Promise<IdempotencyKeyRecord | null> {
    const row = this.rows.get(keyHash);
    return Promise.resolve(
      row === undefined ? null : { fingerprint: row.fingerprint, answer: row.answer, expiresMs: row.expiresMs },
    );
  }

  claim(manager: EntityManager, key: NewIdempotencyKey): Promise<boolean> {
    if (this.claimFailure !== null) return Promise.reject(this.claimFailure);
    if (this.rows.has(key.keyHash)) return Promise.resolve(false);
    this.rows.set(key.keyHash, { ...key, answer: null, manager });
    return Promise.resolve(true);
  }

  storeAnswer(manager: EntityManager, keyHash: string, answer: NonNullable<StoredKey['answer']>): Promise<void> {
    const row = this.rows.get(keyHash);
    if (row?.manager === manager) row.answer = answer;
    return Promise.resolve();
  }

  deleteIfExpired(_manager: EntityManager, keyHash: string, nowMs: number): Promise<void> {
    if ((this.rows.get(keyHash)?.expiresMs ?? Infinity) <= nowMs) this.rows.delete(keyHash);
    return Promise.resolve();
  }

  deleteExpired(_manager: EntityManager, nowMs: number, limit: number): Promise<number> {
    const expired = [...this.rows.values()]
      .filter((row) => row.expiresMs <= nowMs)
      .sort((a, b) => a.expiresMs - b.expiresMs)
      .slice(0, limit);
    for (const row of expired) this.rows.delete(row.keyHash);
    this.purgeBatches.push(expired.length);
    return Promise.resolve(expired.length);
  }

  put(keyHash: string, fields: Partial<StoredKey> = {}): void {
    this.rows.set(keyHash, {
      keyHash,
      caller: request.caller,
      route: request.route,
      fingerprint: request.fingerprint,
      createdMs: NOW - 1000,
      expiresMs: NOW + 1,
      answer: { status: 201, body: '{"id":1}', int64: Int64Form.Number, location: '/v2.0/communication/call/1' },
      manager: {} as EntityManager,
      ...fields,
    });
  }
}

describe('IdempotencyService', () => {
  let keys: InMemoryKeys;
  let service: IdempotencyService;
  /** The managers of the transactions run, in order. */
  let transactions: EntityManager[];

  beforeEach(() => {
    keys = new InMemoryKeys();
    transactions = [];
    const runner: Pick<TransactionRunner, 'run'> = {
      run: async <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> => {
        const manager = {} as EntityManager;
        transactions.push(manager);
        const before = new Map([...keys.rows].map(([hash, row]) => [hash, { ...row }]));
        try {
          return await work(manager);
        } catch (error) {
          keys.rows = before;
          throw error;
        }
      },
    };
    service = new IdempotencyService(keys as unknown as IdempotencyKeysRepository, runner as TransactionRunner, {
      now: () => NOW,
    });
  });

  describe('run', () => {
    it('without a key runs the unit of work in a plain transaction, storing nothing', async () => {
      await expect(service.run(null, () => Promise.resolve({ id: 1n }))).resolves.toEqual({ id: 1n });
      expect(transactions).toHaveLength(1);
      expect(keys.rows.size).toBe(0);
    });

    it('takes the key first, then runs the work, then stores its answer as sent, all in one transaction', async () => {
      const work = jest.fn((manager: EntityManager) => {
        expect(keys.rows.get(request.keyHash)).toMatchObject({ answer: null, manager });
        return Promise.resolve({ logType: { id: 9007199254740993n, content: 'é' } });
      });
      await service.run(request, work);
      expect(transactions).toHaveLength(1);
      expect(work).toHaveBeenCalledWith(transactions[0]);
      expect(keys.rows.get(request.keyHash)).toEqual({
        keyHash: request.keyHash,
        caller: request.caller,
        route: request.route,
        fingerprint: request.fingerprint,
        createdMs: NOW,
        expiresMs: NOW + KEEP_MS,
        answer: {
          status: 200,
          body: '{"logType":{"id":9007199254740993,"content":"é"}}',
          int64: Int64Form.Number,
          location: null,
        },
        manager: transactions[0],
      });
    });

    it('stores the answer with its int64 values as strings when the request asked for them', async () => {
      await service.run({ ...request, int64: Int64Form.String }, () =>
        Promise.resolve({ id: 9007199254740993n, n: 2 }),
      );
      expect(keys.rows.get(request.keyHash)?.answer).toEqual({
        status: 200,
        body: '{"id":"9007199254740993","n":2}',
        int64: Int64Form.String,
        location: null,
      });
    });

    it('stores the Location of the answer when asked to', async () => {
      await service.run(
        request,
        () => Promise.resolve({ id: 7n }),
        (answer) => `/calls/${answer.id}`,
      );
      expect(keys.rows.get(request.keyHash)?.answer).toEqual({
        status: 200,
        body: '{"id":7}',
        int64: Int64Form.Number,
        location: '/calls/7',
      });
    });

    it('answers a key taken by a request that committed with IdempotencyKeyTaken, doing no work', async () => {
      keys.put(request.keyHash);
      const work = jest.fn();
      await expect(service.run(request, work)).rejects.toBeInstanceOf(IdempotencyKeyTaken);
      expect(work).not.toHaveBeenCalled();
    });

    it('passes any other failure of taking the key on', async () => {
      const lost = Object.assign(new Error('Connection lost'), { code: 'PROTOCOL_CONNECTION_LOST' });
      keys.claimFailure = lost;
      const work = jest.fn();
      await expect(service.run(request, work)).rejects.toBe(lost);
      expect(work).not.toHaveBeenCalled();
    });

    it('stores nothing when the work fails (the transaction rolls the key back)', async () => {
      const failure = new Error('the outbox broke down');
      await expect(service.run(request, () => Promise.reject(failure))).rejects.toBe(failure);
      expect(keys.rows.size).toBe(0);
    });
  });

  describe('find', () => {
    it('is null for a key never stored', async () => {
      await expect(service.find(request)).resolves.toBeNull();
    });

    it('answers the stored answer of a key within its 24 h', async () => {
      keys.put(request.keyHash);
      keys.put('b'.repeat(64), { answer: { status: 200, body: '{"id":2}', int64: Int64Form.Number, location: null } });
      await expect(service.find(request)).resolves.toEqual({
        fingerprint: request.fingerprint,
        status: 201,
        body: '{"id":1}',
        int64: Int64Form.Number,
        location: '/v2.0/communication/call/1',
      });
    });

    it('is null for a key whose answer is still being written (what SQLite’s one connection may show)', async () => {
      keys.put(request.keyHash, { answer: null });
      await expect(service.find(request)).resolves.toBeNull();
      expect(keys.rows.has(request.keyHash)).toBe(true);
      expect(transactions).toHaveLength(0);
    });

    it('forgets an expired key: deletes it and is null', async () => {
      keys.put(request.keyHash, { expiresMs: NOW });
      await expect(service.find(request)).resolves.toBeNull();
      expect(keys.rows.has(request.keyHash)).toBe(false);
    });
  });

  describe('purgeExpired', () => {
    it('deletes the expired keys a batch at a time until a batch is not full', async () => {
      for (let i = 0; i < 1003; i++) keys.put(`k${i}`, { expiresMs: NOW - i });
      keys.put('fresh', { expiresMs: NOW + 1 });
      await expect(service.purgeExpired()).resolves.toBe(1003);
      expect(keys.purgeBatches).toEqual([500, 500, 3]);
      expect([...keys.rows.keys()]).toEqual(['fresh']);
    });

    it('does nothing more when nothing has expired', async () => {
      keys.put('fresh', { expiresMs: NOW + 1 });
      await expect(service.purgeExpired()).resolves.toBe(0);
      expect(keys.purgeBatches).toEqual([0]);
      expect(keys.rows.size).toBe(1);
    });
  });
});
