import type { LeadScopedDoc } from './lead-manage.guard';
import { ErrorCode } from '../common/errors/error-code';
import { invalidId } from '../common/errors/error-response.dto';
import { requiredMessage, tooLongMessage } from '../common/errors/parameter-messages';
import type { RouteDoc } from '../common/http/route-doc.decorator';
import { LeadResponseDto } from './dto/lead-response.dto';
import { NO_NAME_GIVEN, notAnActiveTeamUser, REASSIGN_NOT_ALLOWED } from './leads.errors';

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

export const CREATE_LEAD: RouteDoc = {
  operationId: 'createLead',
  summary: 'Create a lead',
  description:
    'Creates a lead in your team, assigned to you or to another active user of your team. Give at least one ' +
    'of firstName, lastName, phoneNumber and email.',
  answers: {
    201: {
      type: LeadResponseDto,
      description: 'The lead created.',
      headers: {
        Location: {
          description: 'Where the lead is read: `GET /v1.0/leads/{leadId}`.',
          required: true,
          schema: { type: 'string', example: '/v1.0/leads/100001' },
        },
      },
      example: LEAD_EXAMPLE,
    },
  },
  errors: [
    { code: ErrorCode.MissingParameter, message: NO_NAME_GIVEN, summary: 'Nothing to name the lead by' },
    { code: ErrorCode.InvalidParameter, message: notAnActiveTeamUser('100999'), summary: 'A field is invalid' },
    {
      code: ErrorCode.ParameterTooLong,
      message: tooLongMessage('firstName', 100),
      summary: 'A field is too long',
    },
  ],
};

export const GET_LEAD: LeadScopedDoc = {
  operationId: 'getLead',
  summary: 'Get a lead by ID',
  description:
    'Returns the lead when you may manage it; otherwise 400 PERMISSION_DENIED, the same answer as for a lead ' +
    'that does not exist (no existence leak).',
  params: [LEAD_ID_PARAM],
  answers: { 200: { type: LeadResponseDto, description: 'The lead.', example: LEAD_EXAMPLE } },
  errors: [invalidId('leadId')],
};

export const REASSIGN_LEAD: LeadScopedDoc = {
  operationId: 'reassignLead',
  summary: 'Reassign a lead',
  description:
    'Makes another active user of the team the assigned agent of the lead. Only an OWNER, an ADMIN or a user ' +
    'with ACCESS_ALL_TEAM_LEADS may, on a lead they may manage. Takes effect on the very next request.',
  params: [LEAD_ID_PARAM],
  answers: {
    200: {
      type: LeadResponseDto,
      description: 'The lead, reassigned.',
      example: { ...LEAD_EXAMPLE, assignedUserId: 100235, updateTime: '2026-04-23 08:30:00' },
    },
  },
  errors: [
    invalidId('leadId'),
    { code: ErrorCode.MissingParameter, message: requiredMessage('assignedUserId'), summary: 'No assignedUserId' },
    {
      code: ErrorCode.InsufficientRole,
      message: REASSIGN_NOT_ALLOWED,
      summary: 'An agent without ACCESS_ALL_TEAM_LEADS',
    },
  ],
};
