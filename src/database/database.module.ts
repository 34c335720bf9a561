import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DatabaseBootstrap } from './database-bootstrap';
import { resolveDataSourceOptions } from './data-source-options';
import { IdGenerator } from './id-generator';
import { SqlReader } from './sql-reader';
import { TransactionRunner } from './transaction-runner';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => resolveDataSourceOptions(config.database),
    }),
  ],
  providers: [SqlReader, TransactionRunner, IdGenerator, DatabaseBootstrap],
  exports: [SqlReader, TransactionRunner, IdGenerator],
})
export class DatabaseModule {}
