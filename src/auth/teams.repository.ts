import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Int64 } from '../common/int64';
import { SqlReader } from '../database/sql-reader';
import { nowToTheSecond } from '../common/utc-time';
import { TeamEntity } from './team.entity';

const TEAM_EXISTS_SQL = 'SELECT t.id FROM teams t WHERE t.id = ?';

/** The teams table. */
@Injectable()
export class TeamsRepository {
  constructor(private readonly sql: SqlReader) {}

  async exists(teamId: Int64): Promise<boolean> {
    return (await this.sql.query(TEAM_EXISTS_SQL, [teamId])).length > 0;
  }

  async insert(manager: EntityManager, team: { id: Int64; name: string }): Promise<void> {
    await manager.insert(TeamEntity, { ...team, createdAt: nowToTheSecond() });
  }
}
