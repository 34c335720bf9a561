import { DataSource } from 'typeorm';
import { loadDemoData } from '../seeds/demo-data';
import { describeDatabase } from '../config/app-config';
import { runCli } from './cli';

/** `npm run seed`: loads the demo data set into the configured database (idempotent). */
runCli(async ({ config, app }) => {
  const { inserted } = await loadDemoData(app.get(DataSource));
  process.stdout.write(
    `Demo data set loaded into ${describeDatabase(config.database)}: ${inserted} row(s) inserted, ` +
      'rows already present left as they were.\n',
  );
});
