import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { notAStringMessage, requiredMessage, tooLongMessage } from '../common/errors/parameter-messages';
import { ApiClientsService } from './api-clients.service';
import { BAD_CLIENT, clientLacksScopes } from './auth.errors';
import type { TokenResponseDto } from './dto/token.dto';
import { OAuthError } from './oauth-errors';
import { parseScopes } from './scopes';
import { TokenService } from './token.service';

export interface ClientCredentialsRequest {
  clientId: string;
  clientSecret: string;
  scope: string | undefined;
  /** The credentials came in an HTTP Basic Authorization header. */
  basic: boolean;
}

export const FIELD_LIMIT = 512;
const BASIC_CHALLENGE = { 'WWW-Authenticate': 'Basic realm="calls-api", charset="UTF-8"' };

@Injectable()
export class AuthService {
  constructor(
    private readonly clients: ApiClientsService,
    private readonly tokens: TokenService,
  ) {}

  /** OAuth 2.0 client credentials grant (RFC 6749 section 4.4). */
  async clientCredentials(request: ClientCredentialsRequest): Promise<TokenResponseDto> {
    this.tokens.assertEnabled();
    const client = await this.clients.authenticate(request.clientId, request.clientSecret);
    if (client === null) {
      // RFC 6749 section 5.2: a client that authenticated with HTTP Basic is challenged with it.
      throw new AppError(ErrorCode.BadCredentials, BAD_CLIENT, request.basic ? BASIC_CHALLENGE : {});
    }
    const scopes = request.scope === undefined ? client.scopes : requestedScopes(request.scope, client.scopes);
    const { accessToken, expiresIn } = this.tokens.issue({ userId: client.userId, clientId: client.clientId, scopes });
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: expiresIn,
      ...(scopes.length > 0 ? { scope: scopes.join(' ') } : {}),
    };
  }
}

function requestedScopes(scope: string, held: string[]): string[] {
  const requested = parseScopes(scope);
  const missing = requested.filter((s) => !held.includes(s));
  if (missing.length > 0) {
    throw new AppError(ErrorCode.InvalidParameter, clientLacksScopes(missing), {}, { error: OAuthError.InvalidScope });
  }
  return requested;
}

/**
 * Reads a token request from a form or JSON body, with the client's credentials either in the body or in
 * an HTTP Basic Authorization header (RFC 6749 section 2.3.1), never both.
 */
export function readClientCredentialsRequest(
  body: unknown,
  authorization: string | undefined,
): ClientCredentialsRequest {
  const fields =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const text = (name: string): string | undefined => {
    const value = fields[name];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') throw new AppError(ErrorCode.InvalidParameter, notAStringMessage(name));
    return checkLength(name, value);
  };
  const required = (name: string, value: string | undefined): string => {
    if (value === undefined) throw new AppError(ErrorCode.MissingParameter, requiredMessage(name));
    return value;
  };

  if (required('grant_type', text('grant_type')) !== 'client_credentials') {
    throw new AppError(ErrorCode.UnsupportedGrantType);
  }
  const basic = parseBasicAuthorization(authorization);
  const bodyId = text('client_id');
  const bodySecret = text('client_secret');
  if (basic !== null && (bodyId !== undefined || bodySecret !== undefined)) {
    throw new AppError(
      ErrorCode.InvalidParameter,
      'Send the client credentials either in the Authorization header or in the body, not both.',
    );
  }
  return {
    clientId: basic?.clientId ?? required('client_id', bodyId),
    clientSecret: basic?.clientSecret ?? required('client_secret', bodySecret),
    scope: text('scope'),
    basic: basic !== null,
  };
}

function checkLength(name: string, value: string): string {
  if (value.length > FIELD_LIMIT) {
    throw new AppError(ErrorCode.ParameterTooLong, tooLongMessage(name, FIELD_LIMIT));
  }
  return value;
}

function parseBasicAuthorization(header: string | undefined): { clientId: string; clientSecret: string } | null {
  if (header === undefined || !/^basic /i.test(header)) return null;
  const malformed = () =>
    new AppError(ErrorCode.BadCredentials, 'Malformed Basic Authorization header.', BASIC_CHALLENGE);
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) throw malformed();
  let clientId: string;
  let clientSecret: string;
  try {
    // RFC 6749 section 2.3.1: both parts are form-encoded before they are joined.
    clientId = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
    clientSecret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '));
  } catch {
    throw malformed();
  }
  return { clientId: checkLength('client_id', clientId), clientSecret: checkLength('client_secret', clientSecret) };
}
