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
      // No retries: a database that is missing or does not answer at start stops the start at once, and main.ts
      // says what to do. An orchestrator restarts the process; a database lost later costs 503s, not the process.
      useFactory: async (config: AppConfig) => ({
        ...(await resolveDataSourceOptions(config.database)),
        retryAttempts: 0,
        toRetry: () => false,
      }),
    }),
  ],
  providers: [SqlReader, TransactionRunner, IdGenerator, DatabaseBootstrap],
  exports: [SqlReader, TransactionRunner, IdGenerator],
})
export class DatabaseModule {}
