import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { LimitsModule } from '../limits/limits.module';
import { AccountsModule } from './accounts.module';
import { AuthService } from './auth.service';
import { JwtKeys } from './jwt-keys';
import { JwtAuthGuard } from './jwt-auth.guard';
import { JwtStrategy } from './jwt.strategy';
import { answerOAuthErrors } from './oauth-errors';
import { ScopesGuard } from './scopes.guard';
import { TokenController } from './token.controller';
import { TokenService } from './token.service';
import { VerifiedTokens } from './verified-tokens.cache';

/** Identity and access: token issuing and bearer token verification, over the accounts (teams, users, clients). */
@Module({
  imports: [PassportModule, AccountsModule, LimitsModule],
  controllers: [TokenController],
  providers: [JwtKeys, VerifiedTokens, JwtStrategy, JwtAuthGuard, TokenService, AuthService, ScopesGuard],
  exports: [JwtAuthGuard, TokenService, AccountsModule, ScopesGuard],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(answerOAuthErrors).forRoutes(TokenController);
  }
}
