import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseModule } from '../database/database.module';
import { LimitsModule } from '../limits/limits.module';
import { ApiClientEntity } from './api-client.entity';
import { ApiClientsService } from './api-clients.service';
import { AuthService } from './auth.service';
import { JwtKeys } from './jwt-keys';
import { JwtAuthGuard } from './jwt-auth.guard';
import { JwtStrategy } from './jwt.strategy';
import { TokenController } from './token.controller';
import { TokenService } from './token.service';
import { ScopesGuard } from './scopes.guard';
import { UsersService } from './users.service';
import { VerifiedTokens } from './verified-tokens';

/** Identity and access: teams, users, API clients, token issuing and bearer token verification. */
@Module({
  imports: [PassportModule, TypeOrmModule.forFeature([ApiClientEntity]), DatabaseModule, LimitsModule],
  controllers: [TokenController],
  providers: [
    JwtKeys,
    VerifiedTokens,
    JwtStrategy,
    JwtAuthGuard,
    TokenService,
    ApiClientsService,
    AuthService,
    UsersService,
    ScopesGuard,
  ],
  exports: [JwtAuthGuard, TokenService, ApiClientsService, UsersService, ScopesGuard],
})
export class AuthModule {}
