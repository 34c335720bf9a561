import type { EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { Int64 } from '../common/int64';
import type { IdGenerator } from '../database/id-generator';
import type { TransactionRunner } from '../database/transaction-runner';
import type { TeamsRepository } from './teams.repository';
import { TeamsService } from './teams.service';

describe('TeamsService.create', () => {
  const teams = new Map<Int64, string>();
  const repository: Pick<TeamsRepository, keyof TeamsRepository> = {
    exists: (teamId) => Promise.resolve(teams.has(teamId)),
    insert: (_, team) => {
      teams.set(team.id, team.name);
      return Promise.resolve();
    },
  };
  const transactions = {
    run: <T>(work: (manager: EntityManager) => Promise<T>) => work({} as EntityManager),
  } as TransactionRunner;
  const service = new TeamsService(repository as TeamsRepository, transactions, { next: () => '42' } as IdGenerator);

  beforeEach(() => teams.clear());

  it('creates a team under the id given, or a fresh one', async () => {
    await expect(service.create('North Shore', '30')).resolves.toEqual({ teamId: '30', name: 'North Shore' });
    await expect(service.create('Fresh')).resolves.toEqual({ teamId: '42', name: 'Fresh' });
    expect(teams).toEqual(
      new Map([
        ['30', 'North Shore'],
        ['42', 'Fresh'],
      ]),
    );
  });

  it('refuses a taken id with CONFLICT', async () => {
    teams.set('1', 'Bay Area Homes');
    await expect(service.create('X', '1')).rejects.toEqual(new AppError(ErrorCode.Conflict, 'Team 1 exists already.'));
    expect(teams.get('1')).toBe('Bay Area Homes');
  });
});
