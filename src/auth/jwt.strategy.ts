import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import type { Jwt } from 'jsonwebtoken';
import { passportJwtSecret } from 'jwks-rsa';
import { Strategy, type StrategyOptionsWithRequest } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { type AccessTokenClaims, type CallerClaims, callerClaimsOf, parseAccessTokenClaims } from './access-token';
import { JwtKeys } from './jwt-keys';
import type { Principal } from './principal';
import { UsersService } from './users.service';
import { VerifiedTokens } from './verified-tokens.cache';

export const INVALID_TOKEN_MESSAGE = 'Invalid access token.';

/**
 * The token of an `Authorization: Bearer <token>` header (the scheme in any case), or null when there is
 * no such header. Everything after the scheme is the token: `Bearer <token> junk` is a token that fails
 * verification, never the token with the junk ignored.
 */
export function bearerToken(request: Request): string | null {
  const match = /^bearer +(\S.*)$/i.exec(request.headers.authorization ?? '');
  return match === null ? null : match[1].trimEnd();
}

/**
 * Bearer JWT verification: the algorithm is pinned by configuration (so `none` and algorithm confusion are
 * refused), issuer and audience are checked, `exp` is required, a critical header extension is refused, and
 * the user is read from the database.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly callerClaims: CallerClaims;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    keys: JwtKeys,
    private readonly users: UsersService,
    private readonly verified: VerifiedTokens,
  ) {
    super(strategyOptions(config, keys));
    this.callerClaims = callerClaimsOf(config.jwt);
  }

  /** Called by passport-jwt with a token it verified, decoded whole: header and payload. */
  async validate(request: Request, verified: Jwt): Promise<Principal> {
    const { header, payload } = verified;
    // RFC 7515 section 4.1.11: a token whose header lists extensions that must be understood ("crit") is to
    // be refused by a recipient that does not understand them, and this service understands none.
    const claims = Object.hasOwn(header, 'crit') ? null : parseAccessTokenClaims(payload, this.callerClaims);
    if (claims === null) {
      throw new AppError(ErrorCode.BadCredentials, INVALID_TOKEN_MESSAGE);
    }
    const token = bearerToken(request);
    if (token !== null) {
      this.verified.remember(token, claims, payload as { exp: number; nbf?: unknown });
    }
    return this.callerFor(claims);
  }

  /** The caller behind verified claims, read afresh: an unknown or deactivated user is refused. */
  async callerFor(claims: AccessTokenClaims): Promise<Principal> {
    const caller = await this.users.findPrincipal(claims);
    if (caller === null) {
      throw new AppError(ErrorCode.BadCredentials, INVALID_TOKEN_MESSAGE);
    }
    return caller;
  }
}

function strategyOptions(config: AppConfig, keys: JwtKeys): StrategyOptionsWithRequest {
  const { algorithm, issuer, audience, clockToleranceSeconds, jwksUrl } = config.jwt;
  const common = {
    jwtFromRequest: bearerToken,
    algorithms: [algorithm],
    issuer,
    audience,
    ignoreExpiration: false,
    passReqToCallback: true as const,
    // complete: validate() gets the header too, to refuse a critical extension.
    jsonWebTokenOptions: { clockTolerance: clockToleranceSeconds, complete: true },
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
