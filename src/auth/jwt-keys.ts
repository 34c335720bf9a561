import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, KeyObject } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * The HS256 key of the built-in issuer, built once. Given a string, jsonwebtoken would build a key
 * object on every verification; a KeyObject skips that.
 */
@Injectable()
export class JwtKeys {
  readonly hmacKey: KeyObject | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.hmacKey = config.jwt.secret === undefined ? null : createSecretKey(Buffer.from(config.jwt.secret, 'utf8'));
  }
}
