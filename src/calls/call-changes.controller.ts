import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { UserRoute } from '../auth/route-kinds.decorator';
import { CALL_CHANGES } from './call-changes.openapi';
import { CallChangesService } from './call-changes.service';
import { CallChangePageDto, CallChangesQueryDto } from './dto/call-changes.dto';

@ApiTags('Calls')
@Controller('v1.0/communication/call/changes')
export class CallChangesController {
  constructor(private readonly changes: CallChangesService) {}

  @Get()
  @UserRoute(CALL_CHANGES)
  feed(@CurrentPrincipal() caller: Principal, @Query() query: CallChangesQueryDto): Promise<CallChangePageDto> {
    return this.changes.feed(caller, query);
  }
}
