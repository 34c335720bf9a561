import type { EntityManager } from 'typeorm';
import type { SqlReader } from '../database/sql-reader';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';

describe('IdempotencyKeysRepository.claim', () => {
  const key = {
    keyHash: 'a'.repeat(64),
    caller: 'user:100234',
    route: 'POST /v1.0/logType',
    fingerprint: 'f'.repeat(64),
    createdMs: 1,
    expiresMs: 2,
  };
  const repository = new IdempotencyKeysRepository({} as SqlReader);
  const failingWith = (error: Error) => ({ query: () => Promise.reject(error) }) as unknown as EntityManager;

  it('takes a free key', async () => {
    const manager = { query: () => Promise.resolve([]) } as unknown as EntityManager;
    await expect(repository.claim(manager, key)).resolves.toBe(true);
  });

  it.each([
    ['MySQL', { code: 'ER_DUP_ENTRY', errno: 1062 }],
    ['SQLite', { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }],
  ])('tells a key that a committed request took (%s)', async (_, fields) => {
    const duplicate = Object.assign(new Error('duplicate'), { driverError: fields });
    await expect(repository.claim(failingWith(duplicate), key)).resolves.toBe(false);
  });

  it('passes any other failure on', async () => {
    const lost = Object.assign(new Error('Connection lost'), { code: 'PROTOCOL_CONNECTION_LOST' });
    await expect(repository.claim(failingWith(lost), key)).rejects.toBe(lost);
  });
});
