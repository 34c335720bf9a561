import { ApiClientEntity } from '../auth/api-client.entity';
import { CommunicationEntity } from '../calls/communication.entity';
import { DialerCallRecordEntity } from '../calls/dialer-call-record.entity';
import { LeadAssigneeEntity } from '../leads/lead-assignee.entity';
import { LeadEntity } from '../leads/lead.entity';
import { TeamEntity } from '../auth/team.entity';
import { UserEntity } from '../auth/user.entity';

export const ENTITIES = [
  TeamEntity,
  UserEntity,
  LeadEntity,
  LeadAssigneeEntity,
  DialerCallRecordEntity,
  CommunicationEntity,
  ApiClientEntity,
];
