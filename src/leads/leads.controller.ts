import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { UserRoute } from '../auth/route-kinds.decorator';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { IdempotencyOf } from '../idempotency/idempotency.interceptor';
import type { IdempotentRequest } from '../idempotency/idempotency.service';
import { AssignLeadDto, CreateLeadDto } from './dto/lead-request.dto';
import { LeadResponseDto } from './dto/lead-response.dto';
import { LeadScopedResource, LeadScopedRoute } from './lead-manage.guard';
import type { ManageableLead } from './lead.record';
import { LEAD_IN_PATH } from './lead.sources';
import { toLeadResponse } from './lead.mapper';
import { CREATE_LEAD, GET_LEAD, REASSIGN_LEAD } from './leads.openapi';
import { leadLocation, LeadsService } from './leads.service';

@ApiTags('Leads')
@Controller('v1.0/leads')
export class LeadsController {
  constructor(private readonly leads: LeadsService) {}

  @Post()
  @HttpCode(201)
  @Idempotent()
  @UserRoute(CREATE_LEAD)
  async create(
    @CurrentPrincipal() caller: Principal,
    @Body() body: CreateLeadDto,
    @IdempotencyOf() idempotency: IdempotentRequest | null,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LeadResponseDto> {
    const lead = await this.leads.create(caller, body, idempotency);
    response.location(leadLocation(lead));
    return lead;
  }

  @Get(':leadId')
  @LeadScopedRoute(LEAD_IN_PATH, GET_LEAD)
  get(@LeadScopedResource(LEAD_IN_PATH) found: ManageableLead): LeadResponseDto {
    return toLeadResponse(found.lead);
  }

  @Post(':leadId/assignment')
  @HttpCode(200)
  @LeadScopedRoute(LEAD_IN_PATH, REASSIGN_LEAD)
  reassign(
    @CurrentPrincipal() caller: Principal,
    @LeadScopedResource(LEAD_IN_PATH) lead: ManageableLead,
    @Body() body: AssignLeadDto,
  ): Promise<LeadResponseDto> {
    return this.leads.reassign(caller, lead, body.assignedUserId);
  }
}
