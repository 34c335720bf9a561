import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ErrorCode } from '../common/errors/error-code';
import { ApiErrors, BAD_TOKEN, INVALID_ID, NOT_MANAGEABLE } from '../common/errors/error-response.dto';
import { IDEMPOTENCY_ERRORS, Idempotent } from '../idempotency/idempotent.decorator';
import { IdempotencyOf } from '../idempotency/idempotency.interceptor';
import type { IdempotentRequest } from '../idempotency/idempotency.service';
import { AssignLeadDto, CreateLeadDto } from './dto/lead-request.dto';
import { LeadResponseDto } from './dto/lead-response.dto';
import { LeadScopedResource, ManagesLead } from './lead-manage.guard';
import type { ManageableLead } from './lead.record';
import { LEAD_IN_PATH } from './lead.sources';
import { toLeadResponse } from './lead.mapper';
import { LeadsService } from './leads.service';

const LEAD_EXAMPLE = {
  id: 100001,
  teamId: 1,
  assignedUserId: 100234,
  firstName: 'Sarah',
  lastName: 'Johnson',
  phoneNumber: '+14155550199',
  email: 'sarah.johnson@example.com',
  hidden: false,
  createTime: '2026-04-01 09:00:00',
  updateTime: '2026-04-01 09:00:00',
};

const LEAD_ID_PARAM = {
  name: 'leadId',
  description: 'ID of the lead, decimal digits.',
  schema: { type: 'integer', format: 'int64', minimum: 1, example: 100001 },
} as const;

@ApiTags('Leads')
@ApiBearerAuth()
@Controller('v1.0/leads')
export class LeadsController {
  constructor(private readonly leads: LeadsService) {}

  @Post()
  @HttpCode(201)
  @Idempotent()
  @ApiOperation({
    summary: 'Create a lead',
    description:
      'Creates a lead in your team, assigned to you or to another active user of your team. Give at least one ' +
      'of firstName, lastName, phoneNumber and email.',
  })
  @ApiCreatedResponse({ type: LeadResponseDto, description: 'The lead created.', example: LEAD_EXAMPLE })
  @ApiErrors(
    {
      code: ErrorCode.MissingParameter,
      message: 'Give at least one of firstName, lastName, phoneNumber and email.',
      summary: 'Nothing to name the lead by',
    },
    {
      code: ErrorCode.InvalidParameter,
      message: 'assignedUserId: 100999 is not an active user of the team.',
      summary: 'A field is invalid',
    },
    {
      code: ErrorCode.ParameterTooLong,
      message: 'firstName is longer than 100 characters.',
      summary: 'A field is too long',
    },
    ...IDEMPOTENCY_ERRORS,
    BAD_TOKEN,
  )
  create(
    @CurrentPrincipal() caller: Principal,
    @Body() body: CreateLeadDto,
    @IdempotencyOf() idempotency: IdempotentRequest | null,
  ): Promise<LeadResponseDto> {
    return this.leads.create(caller, body, idempotency);
  }

  @Get(':leadId')
  @ManagesLead(LEAD_IN_PATH)
  @ApiOperation({
    summary: 'Get a lead by ID',
    description:
      'Returns the lead when you may manage it; otherwise 400 PERMISSION_DENIED, the same answer as for a lead ' +
      'that does not exist (no existence leak).',
  })
  @ApiParam(LEAD_ID_PARAM)
  @ApiOkResponse({ type: LeadResponseDto, description: 'The lead.', example: LEAD_EXAMPLE })
  @ApiErrors(INVALID_ID('leadId'), NOT_MANAGEABLE, BAD_TOKEN)
  get(@LeadScopedResource(LEAD_IN_PATH) found: ManageableLead): LeadResponseDto {
    return toLeadResponse(found.lead);
  }

  @Post(':leadId/assignment')
  @HttpCode(200)
  @ManagesLead(LEAD_IN_PATH)
  @ApiOperation({
    summary: 'Reassign a lead',
    description:
      'Makes another active user of the team the assigned agent of the lead. Only an OWNER, an ADMIN or a user ' +
      'with ACCESS_ALL_TEAM_LEADS may, on a lead they may manage. Takes effect on the very next request.',
  })
  @ApiParam(LEAD_ID_PARAM)
  @ApiOkResponse({
    type: LeadResponseDto,
    description: 'The lead, reassigned.',
    example: { ...LEAD_EXAMPLE, assignedUserId: 100235, updateTime: '2026-04-23 08:30:00' },
  })
  @ApiErrors(
    INVALID_ID('leadId'),
    NOT_MANAGEABLE,
    {
      code: ErrorCode.InsufficientRole,
      message: 'Only an OWNER, an ADMIN or a user with ACCESS_ALL_TEAM_LEADS may reassign a lead.',
      summary: 'An agent without ACCESS_ALL_TEAM_LEADS',
    },
    BAD_TOKEN,
  )
  reassign(
    @CurrentPrincipal() caller: Principal,
    @LeadScopedResource(LEAD_IN_PATH) lead: ManageableLead,
    @Body() body: AssignLeadDto,
  ): Promise<LeadResponseDto> {
    return this.leads.reassign(caller, lead, body.assignedUserId);
  }
}
