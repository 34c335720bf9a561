import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { passportJwtSecret } from 'jwks-rsa';
import { ExtractJwt, Strategy, StrategyOptionsWithoutRequest } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { parseAccessTokenClaims } from './access-token';
import { JwtKeys } from './jwt-keys';
import type { Principal } from './principal';
import { UsersService } from './users.service';

export const INVALID_TOKEN_MESSAGE = 'Invalid access token.';

/**
 * Bearer JWT verification: the algorithm is pinned by configuration (so `none` and algorithm confusion are
 * refused), issuer and audience are checked, `exp` is required, and the user is read from the database.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    keys: JwtKeys,
    private readonly users: UsersService,
  ) {
    super(strategyOptions(config, keys));
  }

  async validate(payload: unknown): Promise<Principal> {
    const claims = parseAccessTokenClaims(payload);
    const principal = claims === null ? null : await this.users.findPrincipal(claims);
    if (principal === null) {
      throw new AppError(ErrorCode.BadCredentials, INVALID_TOKEN_MESSAGE);
    }
    return principal;
  }
}

function strategyOptions(config: AppConfig, keys: JwtKeys): StrategyOptionsWithoutRequest {
  const { algorithm, issuer, audience, clockToleranceSeconds, jwksUrl } = config.jwt;
  const common = {
    jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
    algorithms: [algorithm],
    issuer,
    audience,
    ignoreExpiration: false,
    jsonWebTokenOptions: { clockTolerance: clockToleranceSeconds },
  };
  if (jwksUrl !== undefined) {
    return {
      ...common,
      secretOrKeyProvider: passportJwtSecret({
        jwksUri: jwksUrl,
        cache: true,
        cacheMaxAge: 10 * 60 * 1000,
        rateLimit: true,
        jwksRequestsPerMinute: 10,
        timeout: 5000,
      }),
    };
  }
  if (keys.hmacKey === null) {
    throw new Error('No JWT verification key configured');
  }
  // jsonwebtoken takes a KeyObject although passport-jwt's types say string | Buffer.
  return { ...common, secretOrKey: keys.hmacKey as unknown as Buffer };
}
