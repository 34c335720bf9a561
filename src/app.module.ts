import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DestinationStream } from 'pino';
import { AppExceptionFilter } from './app-exception.filter';
import { AuthModule } from './auth/auth.module';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { CallsModule } from './calls/calls.module';
import { RequestBodyGuard } from './common/http/request-body';
import { createValidationPipe } from './common/validation/validation.pipe';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { resolveDataSourceOptions } from './database/data-source-options';
import { ENTITIES } from './entities';
import { HealthModule } from './health/health.module';
import { LeadsModule } from './leads/leads.module';
import { LimitsModule } from './limits/limits.module';
import { RateLimitGuard } from './limits/rate-limit.guard';
import { createPino } from './observability/logger';
import { ObservabilityModule } from './observability/observability.module';
import { PINO, RequestObserver } from './observability/request-observer';
import { SeedsModule } from './seeds/seeds.module';
import { WebhooksModule } from './webhooks/webhooks.module';

export interface AppModuleOptions {
  /** Where the JSON log lines go; stdout by default (the tests read them from a stream). */
  logDestination?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRootAsync({
          // No retries: a database that is missing or does not answer at start stops the start at once, and
          // main.ts says what to do. An orchestrator restarts the process; a database lost later costs 503s.
          useFactory: async () => ({
            ...(await resolveDataSourceOptions(config.database, ENTITIES)),
            retryAttempts: 0,
            toRetry: () => false,
          }),
        }),
        SeedsModule,
        ObservabilityModule,
        LimitsModule,
        AuthModule,
        LeadsModule,
        CallsModule,
        WebhooksModule,
        HealthModule,
      ],
      providers: [
        { provide: PINO, useValue: createPino(config, options.logDestination) },
        RequestObserver,
        // Deny by default: every route needs a bearer token unless it is marked @Public(). Then every request
        // is counted against its rate-limit bucket, and only then is its body read (the guards run in this order).
        { provide: APP_GUARD, useExisting: JwtAuthGuard },
        { provide: APP_GUARD, useExisting: RateLimitGuard },
        { provide: APP_GUARD, useClass: RequestBodyGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
      ],
      exports: [PINO],
    };
  }
}
