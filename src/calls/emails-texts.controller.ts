import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LeadScopedResource, LeadScopedRoute } from '../leads/lead-manage.guard';
import { EMAIL_IN_PATH, TEXT_IN_PATH } from './call.sources';
import { GET_EMAIL, GET_TEXT } from './calls.openapi';
import { EmailResponseDto } from './dto/email-response.dto';
import { TextResponseDto } from './dto/text-response.dto';
import { toEmailResponse, toTextResponse } from './email-text.mapper';
import type { ScopedLog } from './manual-log.record';

@ApiTags('Emails and texts')
@Controller('v2.0/communication')
export class EmailsTextsController {
  @Get('email/:communicationId')
  @LeadScopedRoute(EMAIL_IN_PATH, GET_EMAIL)
  getEmail(@LeadScopedResource(EMAIL_IN_PATH) found: ScopedLog): EmailResponseDto {
    return toEmailResponse(found.log);
  }

  @Get('text/:communicationId')
  @LeadScopedRoute(TEXT_IN_PATH, GET_TEXT)
  getText(@LeadScopedResource(TEXT_IN_PATH) found: ScopedLog): TextResponseDto {
    return toTextResponse(found.log);
  }
}
