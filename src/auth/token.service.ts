import { Inject, Injectable } from '@nestjs/common';
import { sign } from 'jsonwebtoken';
import type { KeyObject } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { Int64 } from '../common/int64';
import { JwtKeys } from './jwt-keys';

export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
}

/** The built-in issuer: HS256 access tokens for users and the API clients bound to them. */
@Injectable()
export class TokenService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: JwtKeys,
  ) {}

  get enabled(): boolean {
    return this.keys.hmacKey !== null;
  }

  assertEnabled(): void {
    if (!this.enabled) {
      throw new AppError(
        ErrorCode.UnsupportedGrantType,
        'This service accepts tokens of an external identity provider (JWT_JWKS_URL) and issues none itself.',
      );
    }
  }

  issue(subject: { userId: Int64; clientId?: string; scopes?: string[] }): IssuedToken {
    this.assertEnabled();
    const key = this.keys.hmacKey as KeyObject;
    const { ttlSeconds, issuer, audience } = this.config.jwt;
    const payload: Record<string, string> = {};
    if (subject.clientId !== undefined) payload.client_id = subject.clientId;
    if (subject.scopes !== undefined && subject.scopes.length > 0) payload.scope = subject.scopes.join(' ');
    const accessToken = sign(payload, key, {
      algorithm: 'HS256',
      subject: subject.userId,
      issuer,
      audience,
      expiresIn: ttlSeconds,
    });
    return { accessToken, expiresIn: ttlSeconds };
  }
}
