import { createTestApp, type TestApp } from '../support/test-app';

describe('migrations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ DEMO_DATA: 'false' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('produce exactly the schema of the entities (no drift)', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('are all applied, and a second run has nothing to do', async () => {
    expect(await t.dataSource.showMigrations()).toBe(false);
    await expect(t.dataSource.runMigrations()).resolves.toEqual([]);
  });
});
