import { DataSource } from 'typeorm';
import { prepareWithSafeIntegers, type SqliteConnection } from '../common/library-internals';
import { SqlReader } from './sql-reader';

describe('SqlReader on SQLite', () => {
  let dataSource: DataSource;
  let reader: SqlReader;

  beforeAll(async () => {
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      prepareDatabase: (connection: SqliteConnection) => prepareWithSafeIntegers(connection),
    });
    await dataSource.initialize();
    await dataSource.query(
      'CREATE TABLE t (id BIGINT PRIMARY KEY, name VARCHAR(16), price DECIMAL(10,4), flag BOOLEAN)',
    );
    await dataSource.query(
      "INSERT INTO t VALUES (9007199254740993, 'big', 0.02, 1), (2, NULL, NULL, 0), (9223372036854775807, '', 1.5, NULL)",
    );
    reader = new SqlReader(dataSource);
  });

  afterAll(() => dataSource.destroy());

  it('reads every integer exactly, as its decimal text, and other values as they are', async () => {
    await expect(reader.query('SELECT id, name, price, flag FROM t ORDER BY id', [])).resolves.toEqual([
      { id: '2', name: null, price: null, flag: '0' },
      { id: '9007199254740993', name: 'big', price: 0.02, flag: '1' },
      { id: '9223372036854775807', name: '', price: 1.5, flag: null },
    ]);
  });

  it('binds int64 text, bigints and booleans', async () => {
    await expect(reader.query('SELECT id FROM t WHERE id = ?', ['9007199254740993'])).resolves.toEqual([
      { id: '9007199254740993' },
    ]);
    await expect(reader.query('SELECT id FROM t WHERE id = ?', [9223372036854775807n])).resolves.toEqual([
      { id: '9223372036854775807' },
    ]);
    await expect(reader.query('SELECT id FROM t WHERE flag = ?', [true])).resolves.toEqual([
      { id: '9007199254740993' },
    ]);
  });

  it('names each value by its column, the later of two columns of one name winning, as a row object would', async () => {
    const [row] = await reader.query<Record<string, unknown>>(
      'SELECT id AS "the id", name, 1 AS name, \'a"b\' AS "quo""te" FROM t WHERE id = 2',
      [],
    );
    expect(row).toEqual({ 'the id': '2', name: '1', 'quo"te': 'a"b' });
  });

  it('answers an empty list when no row matches, and a failed statement as a rejection', async () => {
    await expect(reader.query('SELECT id FROM t WHERE id = ?', ['1'])).resolves.toEqual([]);
    // Not the message: under Jest, better-sqlite3's error class may come from another test file's realm.
    await expect(reader.query('SELECT nope FROM t', [])).rejects.toBeInstanceOf(Error);
  });
});
