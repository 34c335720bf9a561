import { Body, Controller, Header, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '../common/errors/error-code';
import { ApiErrors } from '../common/errors/error-response.dto';
import { AuthService, readClientCredentialsRequest } from './auth.service';
import { TokenRequestDto, TokenResponseDto } from './dto/token.dto';
import { Public } from './public.decorator';

@ApiTags('Authentication')
@Controller('oauth')
export class TokenController {
  constructor(private readonly auth: AuthService) {}

  @Public()
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
  @ApiOkResponse({ type: TokenResponseDto, description: 'A bearer token.' })
  @ApiErrors(
    { code: ErrorCode.MissingParameter, message: 'client_secret is required.', summary: 'A field is missing' },
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
