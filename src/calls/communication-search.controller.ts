import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { UserRoute } from '../auth/route-kinds.decorator';
import { SEARCH_BY_AGENT, SEARCH_MODELS } from './communication-search.openapi';
import { CommunicationSearchService } from './communication-search.service';
import { CommunicationPageDto, SearchCommunicationsDto } from './dto/communication-search.dto';

@ApiTags('Communications')
@Controller('v1.0/agent/communication')
export class CommunicationSearchController {
  constructor(private readonly search: CommunicationSearchService) {}

  @Post()
  @HttpCode(200)
  @UserRoute(SEARCH_BY_AGENT)
  @SEARCH_MODELS
  find(@CurrentPrincipal() caller: Principal, @Body() body: SearchCommunicationsDto): Promise<CommunicationPageDto> {
    return this.search.search(caller, body);
  }
}
