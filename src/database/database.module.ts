import { Module } from '@nestjs/common';
import { IdGenerator } from './id-generator';
import { SqlReader } from './sql-reader';
import { TransactionRunner } from './transaction-runner';

/** The SQL reader, the transaction runner and the id generator, on the data source the app module opens. */
@Module({
  providers: [SqlReader, TransactionRunner, IdGenerator],
  exports: [SqlReader, TransactionRunner, IdGenerator],
})
export class DatabaseModule {}
