import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfigOrExit } from './src/config/load';
import { resolveDataSourceOptions } from './src/database/data-source-options';
import { ENTITIES } from './src/entities';

/** The data source of the TypeORM CLI (`npm run migration:run`), built like the application's. */
export default resolveDataSourceOptions(loadConfigOrExit().database, ENTITIES).then(
  (options) => new DataSource(options),
);
