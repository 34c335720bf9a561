import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../auth/accounts.module';
import { JwtKeys } from '../auth/jwt-keys';
import { TokenService } from '../auth/token.service';
import type { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { resolveDataSourceOptions } from '../database/data-source-options';
import { ENTITIES } from '../entities';

/**
 * What the scripts use of the service: its configuration, its database and the services of the accounts and of
 * token issuing, the same as the API's. Not the HTTP side (guards, rate limits, metrics, the webhook worker).
 */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRootAsync({
          // No retries: a database that does not answer fails the script at once.
          useFactory: async () => ({
            ...(await resolveDataSourceOptions(config.database, ENTITIES)),
            retryAttempts: 0,
            toRetry: () => false,
          }),
        }),
        AccountsModule,
      ],
      providers: [JwtKeys, TokenService],
    };
  }
}
