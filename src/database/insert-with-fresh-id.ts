import type { EntityManager, EntityTarget, QueryDeepPartialEntity } from 'typeorm';
import type { Int64 } from '../common/int64';
import { isUniqueViolation } from './database-errors';
import type { IdGenerator } from './id-generator';

/** Attempts at a fresh id when another instance took the same one in the same millisecond. */
const ID_ATTEMPTS = 3;

/**
 * Inserts a row under a new id, and answers the id. Two instances that drew the same instance bits can
 * hand out the same id in the same millisecond (see {@link IdGenerator}): when the key refuses it, the row
 * is inserted again under another one, up to three times. Any other error goes to the caller at once.
 */
export async function insertWithFreshId<Entity extends { id: Int64 }>(
  manager: EntityManager,
  ids: IdGenerator,
  target: EntityTarget<Entity>,
  row: Omit<QueryDeepPartialEntity<Entity>, 'id'>,
): Promise<Int64> {
  for (let attempt = 1; ; attempt++) {
    const id = ids.next();
    try {
      await manager.insert(target, { ...row, id });
      return id;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt === ID_ATTEMPTS) throw error;
    }
  }
}
