import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, describeDatabase } from '../config/app-config';
import { mysqlPoolOf } from '../common/library-internals';
import { watchConnections } from '../database/connection-watchdog';
import { prepareDatabase } from './prepare-database';

@Injectable()
export class DatabaseBootstrap implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    this.logger.log(`Using ${describeDatabase(this.config.database)}`);
    await prepareDatabase(this.dataSource, this.config, this.logger);
    // A query that outlives its request's deadline has no one to answer: its connection is let go.
    const pool = mysqlPoolOf(this.dataSource);
    if (pool !== undefined) watchConnections(pool, this.config.requestTimeoutMs);
  }
}
