import type { EntityManager } from 'typeorm';
import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { UsersService } from '../auth/users.service';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { Int64 } from '../common/int64';
import { IdGenerator } from '../database/id-generator';
import { formatUtc } from '../common/utc-time';
import { TransactionRunner } from '../database/transaction-runner';
import { nowToTheSecond } from '../common/utc-time';
import { IdempotencyService, type IdempotentRequest } from '../idempotency/idempotency.service';
import type { CreateLeadDto } from './dto/lead-request.dto';
import type { LeadResponseDto } from './dto/lead-response.dto';
import {
  canManageLead,
  type LeadAccess,
  type LeadCaller,
  type LeadScoped,
  mayManageNoLead,
  mayManageOwnLeadsOnly,
} from './lead-access';
import type { Lead, ManageableLead } from './lead.record';
import { NO_NAME_GIVEN, notAnActiveTeamUser, REASSIGN_NOT_ALLOWED } from './leads.errors';
import { toLeadResponse } from './lead.mapper';
import { type LeadAccessQuery, type LeadFacts, type LeadManageFilter, LeadsRepository } from './leads.repository';

export type { LeadAccessQuery, LeadFacts, LeadManageFilter };

@Injectable()
export class LeadsService {
  constructor(
    private readonly repository: LeadsRepository,
    private readonly transactions: TransactionRunner,
    private readonly ids: IdGenerator,
    private readonly users: UsersService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** The one manage-permission policy; see {@link canManageLead}. */
  canManage(caller: LeadCaller, lead: LeadAccess | null): boolean {
    return canManageLead(caller, lead);
  }

  /** The lead's access facts for this caller, or null when there is no such lead. */
  async findAccess(leadId: Int64, caller: LeadCaller): Promise<LeadScoped | null> {
    const leadAccess = await this.repository.findAccess(leadId, caller);
    return leadAccess === null ? null : { leadId, leadAccess };
  }

  /** The lead with its access facts for this caller, or null when there is no such lead. */
  async findLead(leadId: Int64, caller: LeadCaller): Promise<ManageableLead | null> {
    const found = await this.repository.findWithAccess(leadId, caller);
    return found === null ? null : { leadId, ...found };
  }

  /** How another module reads a lead's access facts in the same statement as the resource that needs them. */
  get accessQuery(): LeadAccessQuery {
    return this.repository.accessQuery;
  }

  /** How another module's statement keeps only the rows of leads the caller may manage (the same policy, in SQL). */
  get manageFilter(): LeadManageFilter {
    return this.repository.manageFilter;
  }

  /** Whether the caller may manage every visible lead of its team: an owner, an admin or an ACCESS_ALL_TEAM_LEADS holder. */
  mayManageTeamLeads(caller: LeadCaller): boolean {
    return !mayManageNoLead(caller) && !mayManageOwnLeadsOnly(caller);
  }

  /** Team, assigned agent, hidden and deleted, whoever asks; null when there is no such lead. */
  findFacts(leadId: Int64): Promise<LeadFacts | null> {
    return this.repository.findFacts(leadId);
  }

  /**
   * Who hears about the events of this lead (the source system's rule): a hidden lead, only its assigned
   * agent; any other, its assigned agent and the team's OWNER and ADMIN users. Only active users of the
   * lead's team; null when there is no such lead. Called in the transaction that writes the event, whose
   * manager it reads with: a read on another pooled connection could wait for ever once every connection
   * of the pool is held by such a transaction.
   */
  async findEventRecipients(
    leadId: Int64,
    manager?: EntityManager,
  ): Promise<{ teamId: Int64; userIds: Int64[] } | null> {
    const lead = await this.repository.findFacts(leadId, manager);
    if (lead === null) return null;
    const userIds = await this.users.findActiveTeamUsers(
      lead.teamId,
      {
        ids: lead.assignedUserId === null ? [] : [lead.assignedUserId],
        roles: lead.hidden ? [] : [Role.Owner, Role.Admin],
      },
      manager,
    );
    return { teamId: lead.teamId, userIds };
  }

  /**
   * A new lead in the caller's team, assigned to the caller unless another active member is named. With an
   * Idempotency-Key, the answer (and its Location) is stored with the lead.
   */
  async create(
    caller: Principal,
    input: CreateLeadDto,
    idempotency: IdempotentRequest | null,
  ): Promise<LeadResponseDto> {
    if (![input.firstName, input.lastName, input.phoneNumber, input.email].some((v) => v !== undefined && v !== '')) {
      throw new AppError(ErrorCode.MissingParameter, NO_NAME_GIVEN);
    }
    const assignedUserId = input.assignedUserId ?? caller.userId;
    await this.requireActiveTeamMember(assignedUserId, caller.teamId);
    const now = nowToTheSecond();
    const lead: Lead = {
      id: this.ids.next(),
      teamId: caller.teamId,
      assignedUserId,
      firstName: input.firstName ?? null,
      lastName: input.lastName ?? null,
      phoneNumber: input.phoneNumber ?? null,
      email: input.email ?? null,
      hidden: input.hidden ?? false,
      createTime: formatUtc(now),
      updateTime: formatUtc(now),
    };
    return this.idempotency.run(
      idempotency,
      async (manager) => {
        await this.repository.insert(manager, lead, now);
        return toLeadResponse(lead);
      },
      leadLocation,
    );
  }

  /**
   * Gives the lead another assigned agent. Only an OWNER, an ADMIN or a holder of ACCESS_ALL_TEAM_LEADS
   * may, on a lead they may manage (the guard checked that); the new agent must be an active member of
   * the lead's team.
   */
  async reassign(caller: Principal, found: ManageableLead, assignedUserId: Int64): Promise<LeadResponseDto> {
    if (caller.role !== Role.Owner && caller.role !== Role.Admin && !caller.accessAllTeamLeads) {
      throw new AppError(ErrorCode.InsufficientRole, REASSIGN_NOT_ALLOWED);
    }
    await this.requireActiveTeamMember(assignedUserId, found.leadAccess.teamId);
    const now = nowToTheSecond();
    await this.transactions.run((manager) =>
      this.repository.updateAssignedUser(manager, found.leadId, assignedUserId, now),
    );
    return toLeadResponse({ ...found.lead, assignedUserId, updateTime: formatUtc(now) });
  }

  private async requireActiveTeamMember(userId: Int64, teamId: Int64): Promise<void> {
    if (!(await this.users.isActiveTeamMember(userId, teamId))) {
      throw new AppError(ErrorCode.InvalidParameter, notAnActiveTeamUser(userId));
    }
  }
}

/** Where the lead is read (the Location of its creation). */
export function leadLocation(lead: LeadResponseDto): string {
  return `/v1.0/leads/${lead.id}`;
}
