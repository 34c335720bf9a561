import { defaultMessage, ErrorCode } from '../common/errors/error-code';
import { notAStringMessage, requiredMessage, tooLongMessage } from '../common/errors/parameter-messages';
import { SEND_FORM_OR_JSON } from '../common/http/request-body';
import type { ErrorExample } from '../common/errors/error-response.dto';
import type { RouteDoc } from '../common/http/route-doc.decorator';
import { BAD_CLIENT, clientLacksScopes } from './auth.errors';
import { FIELD_LIMIT } from './auth.service';
import { TokenRequestDto, TokenResponseDto } from './dto/token.dto';
import { OAuthError, OAuthErrorResponseDto, oauthMembers } from './oauth-errors';

/** A refusal of the token endpoint: an OAuth `error` and `error_description` beside its code and message. */
function oauthRefusal(example: ErrorExample): ErrorExample {
  const members = { ...oauthMembers(example.code, example.message), ...example.members };
  return { ...example, members, type: OAuthErrorResponseDto };
}

export const ISSUE_TOKEN: RouteDoc = {
  operationId: 'issueToken',
  summary: 'Get an access token (client credentials)',
  description:
    'OAuth 2.0 client credentials grant for a registered API client, which then acts as the user it is ' +
    'bound to. Send a form (`application/x-www-form-urlencoded`) or JSON body; the client id and secret ' +
    'may instead come in an HTTP Basic `Authorization` header. A refusal is an OAuth error (RFC 6749 section 5.2): ' +
    '`error` and `error_description` beside the `code` and `message` of every error of this API.',
  consumes: ['application/x-www-form-urlencoded', 'application/json'],
  body: { type: TokenRequestDto },
  answers: {
    200: {
      type: TokenResponseDto,
      description: 'A bearer token.',
      example: {
        access_token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...',
        token_type: 'Bearer',
        expires_in: 3600,
        scope: 'dialer:write',
      },
    },
  },
  errors: [
    { code: ErrorCode.MissingParameter, message: requiredMessage('client_secret'), summary: 'A field is missing' },
    { code: ErrorCode.InvalidParameter, message: notAStringMessage('client_id'), summary: 'A field is malformed' },
    {
      code: ErrorCode.ParameterTooLong,
      message: tooLongMessage('client_id', FIELD_LIMIT),
      summary: 'A field is too long',
    },
    {
      code: ErrorCode.MalformedJson,
      message: defaultMessage(ErrorCode.MalformedJson),
      summary: 'A JSON body that does not parse',
    },
    {
      code: ErrorCode.PayloadTooLarge,
      message: defaultMessage(ErrorCode.PayloadTooLarge),
      summary: 'A body over 16 KB',
    },
    { code: ErrorCode.UnsupportedMediaType, message: SEND_FORM_OR_JSON, summary: 'Neither a form nor JSON' },
    {
      code: ErrorCode.UnsupportedGrantType,
      message: defaultMessage(ErrorCode.UnsupportedGrantType),
      summary: 'Another grant type',
    },
    { code: ErrorCode.BadCredentials, message: BAD_CLIENT, summary: 'Bad client credentials' },
    {
      code: ErrorCode.InvalidParameter,
      message: clientLacksScopes(['admin']),
      summary: 'A scope the client does not hold',
      name: OAuthError.InvalidScope,
      members: { error: OAuthError.InvalidScope },
    },
  ].map(oauthRefusal),
};
