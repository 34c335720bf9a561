import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DatabaseBootstrap } from './database-bootstrap';
import { resolveDataSourceOptions } from './data-source-options';
import { SqlReader } from './sql-reader';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => resolveDataSourceOptions(config.database),
    }),
  ],
  providers: [SqlReader, DatabaseBootstrap],
  exports: [SqlReader],
})
export class DatabaseModule {}
