import { Body, Controller, Header, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '../common/errors/error-code';
import { ApiErrors } from '../common/errors/error-response.dto';
import { AcceptsBody } from '../common/http/request-body';
import { AuthService, readClientCredentialsRequest } from './auth.service';
import { TokenRequestDto, TokenResponseDto } from './dto/token.dto';
import { Public } from './public.decorator';

/**
 * The largest token request body, in bytes: four fields of at most 512 characters fit even fully escaped. The
 * route is public, so a small bound keeps what anyone can make the service read small.
 */
export const TOKEN_BODY_LIMIT = 16 * 1024;

@ApiTags('Authentication')
@Controller('oauth')
export class TokenController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @AcceptsBody({ limit: TOKEN_BODY_LIMIT, form: true })
  @Post('token')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  @ApiOperation({
    summary: 'Get an access token (client credentials)',
    description:
      'OAuth 2.0 client credentials grant for a registered API client, which then acts as the user it is ' +
      'bound to. Send a form (`application/x-www-form-urlencoded`) or JSON body; the client id and secret ' +
      'may instead come in an HTTP Basic `Authorization` header.',
  })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ type: TokenRequestDto })
  @ApiOkResponse({
    type: TokenResponseDto,
    description: 'A bearer token.',
    example: {
      access_token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...',
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'dialer:write',
    },
  })
  @ApiErrors(
    { code: ErrorCode.MissingParameter, message: 'client_secret is required.', summary: 'A field is missing' },
    { code: ErrorCode.InvalidParameter, message: 'client_id must be a string.', summary: 'A field is malformed' },
    {
      code: ErrorCode.ParameterTooLong,
      message: 'client_id is longer than 512 characters.',
      summary: 'A field is too long',
    },
    {
      code: ErrorCode.MalformedJson,
      message: 'The request body is not valid JSON.',
      summary: 'A JSON body that does not parse',
    },
    { code: ErrorCode.PayloadTooLarge, message: 'The request body is too large.', summary: 'A body over 16 KB' },
    {
      code: ErrorCode.UnsupportedMediaType,
      message: 'Send the body as a form (application/x-www-form-urlencoded) or as JSON (application/json).',
      summary: 'Neither a form nor JSON',
    },
    {
      code: ErrorCode.UnsupportedGrantType,
      message: 'Only grant_type=client_credentials is supported.',
      summary: 'Another grant type',
    },
    {
      code: ErrorCode.BadCredentials,
      message: 'Unknown client, wrong secret, or the client is revoked.',
      summary: 'Bad client credentials',
    },
  )
  issue(@Body() body: unknown, @Req() request: Request): Promise<TokenResponseDto> {
    return this.auth.clientCredentials(readClientCredentialsRequest(body, request.headers.authorization));
  }
}
