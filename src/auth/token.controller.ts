import { Body, Controller, Header, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiTags } from '@nestjs/swagger';
import { AcceptsBody } from '../common/http/request-body';
import { AuthService, readClientCredentialsRequest } from './auth.service';
import { TokenResponseDto } from './dto/token.dto';
import { PublicRoute } from './route-kinds.decorator';
import { ISSUE_TOKEN } from './token.openapi';

/**
 * The largest token request body, in bytes: four fields of at most 512 characters fit even fully escaped. The
 * route is public, so a small bound keeps what anyone can make the service read small.
 */
export const TOKEN_BODY_LIMIT = 16 * 1024;

@ApiTags('Authentication')
@Controller('oauth')
export class TokenController {
  constructor(private readonly auth: AuthService) {}

  @Post('token')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  @AcceptsBody({ limit: TOKEN_BODY_LIMIT, form: true })
  @PublicRoute(ISSUE_TOKEN)
  issue(@Body() body: unknown, @Req() request: Request): Promise<TokenResponseDto> {
    return this.auth.clientCredentials(readClientCredentialsRequest(body, request.headers.authorization));
  }
}
