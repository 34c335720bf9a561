import { databaseTimeout, isDatabaseUnavailable, isDeadlock, isUniqueViolation } from './database-errors';

describe('database errors', () => {
  const typeorm = (driverError: object) => Object.assign(new Error('QueryFailedError'), { driverError });
  const deadlock = typeorm({ code: 'ER_LOCK_DEADLOCK', errno: 1213 });
  const duplicate = typeorm({ code: 'ER_DUP_ENTRY', errno: 1062 });

  it('tells a deadlock by its code or its number, also wrapped', () => {
    expect(isDeadlock(deadlock)).toBe(true);
    expect(isDeadlock({ errno: 1213 })).toBe(true);
    expect(isDeadlock(duplicate)).toBe(false);
    expect(isDeadlock(typeorm({ code: 'ER_LOCK_WAIT_TIMEOUT', errno: 1205 }))).toBe(false);
  });

  it('counts a deadlock that outlasted its runs as the database not taking the query now', () => {
    expect(isDatabaseUnavailable(deadlock)).toBe(true);
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(isUniqueViolation(duplicate)).toBe(true);
  });

  it('counts a wait on the database that was given up as the database being unavailable, also wrapped', () => {
    const timeout = databaseTimeout('No answer from the database within 2000 ms');
    expect(isDatabaseUnavailable(timeout)).toBe(true);
    expect(isDatabaseUnavailable(typeorm(timeout))).toBe(true);
    expect(isDatabaseUnavailable(new Error('No answer from the database within 2000 ms'))).toBe(false);
  });
});
