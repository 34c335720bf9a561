import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DestinationStream } from 'pino';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { APP_OPTIONS, configureApp } from '../../src/app.setup';
import { TokenService } from '../../src/auth/token.service';
import { LosslessJsonAdapter } from '../../src/common/http/json-answer';
import { type AppConfig, loadAppConfig } from '../../src/config/app-config';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  dataSource: DataSource;
  http(): ReturnType<typeof request>;
  /** A valid access token of the built-in issuer for a user (and optionally a client). */
  token(userId: string, client?: { clientId: string; scopes?: string[] }): string;
  /** The database of the app, to start another app on it (a restart, a second instance). */
  database: TestDatabase;
  /** Stops the app and drops its database, unless another app goes on with it. */
  close(options?: { keepDatabase?: boolean }): Promise<void>;
}

/**
 * The whole application, configured as main.ts configures it, on a database of its own built by the
 * migrations and loaded with the demo data set.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { database?: TestDatabase; logDestination?: DestinationStream } = {},
): Promise<TestApp> {
  const database: TestDatabase = options.database ?? (await createTestDatabase());
  const config = loadAppConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DATABASE_MIGRATE: 'true',
    DEMO_DATA: 'true',
    LOG_LEVEL: 'error',
    // Off unless a suite asks for it: a round in the background would add queries to the ones a test counts.
    WEBHOOK_WORKER: 'false',
    // Out of the way unless a suite tests the limits: suites send many requests as one user within a minute.
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config, { logDestination: options.logDestination })],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>(new LosslessJsonAdapter(), {
    ...APP_OPTIONS,
    logger: ['error'],
  });
  configureApp(app, config);
  await app.init();
  const tokens = app.get(TokenService);
  return {
    app,
    config,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    http: () => request(app.getHttpServer()),
    token: (userId, client) => tokens.issue({ userId, clientId: client?.clientId, scopes: client?.scopes }).accessToken,
    database,
    close: async (closing = {}) => {
      await app.close();
      if (closing.keepDatabase !== true) await database.drop();
    },
  };
}
