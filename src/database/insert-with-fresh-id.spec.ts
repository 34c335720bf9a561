import type { EntityManager } from 'typeorm';
import type { IdGenerator } from './id-generator';
import { insertWithFreshId } from './insert-with-fresh-id';

/** A stand-in for the communication entity: the function takes any entity with an int64 id. */
class CommunicationEntity {
  id!: string;
  leadId!: string;
  content!: string;
}

describe('insertWithFreshId', () => {
  const insert = jest.fn();
  const manager = { insert } as unknown as EntityManager;
  let issued: number;
  const ids = { next: () => String((issued += 1)) } as IdGenerator;
  const row = { leadId: '100001', content: 'Called back' };

  const mysqlDuplicate = () => Object.assign(new Error("Duplicate entry '1' for key 'PRIMARY'"), { errno: 1062 });
  const sqliteDuplicate = () =>
    Object.assign(new Error('UNIQUE constraint failed'), { driverError: { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' } });

  beforeEach(() => {
    insert.mockReset();
    issued = 0;
  });

  it('inserts the row under a new id and answers the id', async () => {
    insert.mockResolvedValue({});
    await expect(insertWithFreshId(manager, ids, CommunicationEntity, row)).resolves.toBe('1');
    expect(insert.mock.calls).toEqual([[CommunicationEntity, { ...row, id: '1' }]]);
  });

  it.each([
    ['MySQL', mysqlDuplicate],
    ['SQLite', sqliteDuplicate],
  ])('takes another id when the key refuses one (%s)', async (_, duplicate) => {
    insert.mockRejectedValueOnce(duplicate()).mockRejectedValueOnce(duplicate()).mockResolvedValue({});
    await expect(insertWithFreshId(manager, ids, CommunicationEntity, row)).resolves.toBe('3');
    expect(insert.mock.calls.map(([, inserted]) => (inserted as { id: string }).id)).toEqual(['1', '2', '3']);
  });

  it('gives up after three refused ids, with the last refusal', async () => {
    const third = mysqlDuplicate();
    insert.mockRejectedValueOnce(mysqlDuplicate()).mockRejectedValueOnce(mysqlDuplicate()).mockRejectedValue(third);
    await expect(insertWithFreshId(manager, ids, CommunicationEntity, row)).rejects.toBe(third);
    expect(insert).toHaveBeenCalledTimes(3);
  });

  it('does not retry any other error', async () => {
    const lost = Object.assign(new Error('Connection lost'), { code: 'PROTOCOL_CONNECTION_LOST' });
    insert.mockRejectedValue(lost);
    await expect(insertWithFreshId(manager, ids, CommunicationEntity, row)).rejects.toBe(lost);
    expect(insert).toHaveBeenCalledTimes(1);
  });
});
