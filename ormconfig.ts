import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadAppConfig } from './src/config/app-config';
import { resolveDataSourceOptions } from './src/database/data-source-options';

/** The data source of the TypeORM CLI (`npm run migration:run`), built like the application's. */
export default resolveDataSourceOptions(loadAppConfig().database).then((options) => new DataSource(options));
