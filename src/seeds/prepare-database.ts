import type { LoggerService } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { isDatabaseEmpty, loadDemoData } from './demo-data';

/**
 * What the service does to its database before the first request, and the scripts before theirs:
 * apply pending migrations (unless DATABASE_MIGRATE=false) and, on a fresh embedded database, load the demo
 * data set (once: only while the database holds no team).
 */
export async function prepareDatabase(dataSource: DataSource, config: AppConfig, logger: LoggerService): Promise<void> {
  if (config.migrateOnStart) {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) {
      logger.log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
    }
  }
  if (config.demoData && (await isDatabaseEmpty(dataSource))) {
    const { inserted } = await loadDemoData(dataSource);
    logger.log(`Loaded the demo data set (${inserted} rows)`);
  }
}
