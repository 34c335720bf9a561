import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { Int64 } from '../common/int64';
import { IdGenerator } from '../database/id-generator';
import { TransactionRunner } from '../database/transaction-runner';
import { teamExists } from './auth.errors';
import { TeamsRepository } from './teams.repository';

export interface Team {
  teamId: Int64;
  name: string;
}

@Injectable()
export class TeamsService {
  constructor(
    private readonly teams: TeamsRepository,
    private readonly transactions: TransactionRunner,
    private readonly ids: IdGenerator,
  ) {}

  /** Creates a team, under a fresh id unless one is given; CONFLICT for a taken id. */
  async create(name: string, teamId: Int64 = this.ids.next()): Promise<Team> {
    if (await this.teams.exists(teamId)) throw new AppError(ErrorCode.Conflict, teamExists(teamId));
    await this.transactions.run((manager) => this.teams.insert(manager, { id: teamId, name }));
    return { teamId, name };
  }
}
