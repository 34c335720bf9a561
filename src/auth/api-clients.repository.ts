import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Int64 } from '../common/int64';
import { SqlReader, type SqlParam } from '../database/sql-reader';
import { sqlBool, type SqlValue } from '../database/sql-values';
import { nowToTheSecond } from '../common/utc-time';
import { ApiClientEntity } from './api-client.entity';
import { parseScopes } from './scopes';

/** A client with what its authentication checks: the stored hash, and whether it and its user may act. */
export interface ClientCredentials {
  clientId: string;
  secretHash: string;
  userId: Int64;
  scopes: string[];
  revoked: boolean;
  userActive: boolean;
}

/** A registered client as an operator sees it (never its secret). */
export interface ApiClient {
  clientId: string;
  userId: Int64;
  name: string;
  scopes: string[];
  revoked: boolean;
}

export interface NewApiClient {
  clientId: string;
  secretHash: string;
  userId: Int64;
  name: string;
  scopes: string[];
}

interface CredentialsRow {
  id: string;
  secret_hash: string;
  user_id: SqlValue;
  scopes: string;
  revoked_at: SqlValue;
  active: SqlValue;
}

interface ClientRow {
  id: string;
  user_id: SqlValue;
  name: string;
  scopes: string;
  revoked_at: SqlValue;
}

const CREDENTIALS_SQL =
  'SELECT c.id, c.secret_hash, c.user_id, c.scopes, c.revoked_at, u.active ' +
  'FROM api_clients c JOIN users u ON u.id = c.user_id WHERE c.id = ?';

const CLIENT_COLUMNS = 'c.id, c.user_id, c.name, c.scopes, c.revoked_at';

const CLIENT_SQL = `SELECT ${CLIENT_COLUMNS} FROM api_clients c WHERE c.id = ?`;

const ORDER = 'ORDER BY c.created_at, c.id';

/**
 * The api_clients table. A client id matches byte for byte: MySQL compares strings without regard to case or
 * trailing spaces, so a row it finds for another spelling of the id is no match.
 */
@Injectable()
export class ApiClientsRepository {
  constructor(private readonly sql: SqlReader) {}

  /** One query, whether the client exists or not (see ApiClientsService.authenticate). */
  async findCredentials(clientId: string): Promise<ClientCredentials | undefined> {
    const [row] = await this.sql.query<CredentialsRow>(CREDENTIALS_SQL, [clientId]);
    if (row?.id !== clientId) return undefined;
    return {
      clientId: row.id,
      secretHash: row.secret_hash,
      userId: String(row.user_id),
      scopes: parseScopes(row.scopes),
      revoked: row.revoked_at !== null,
      userActive: sqlBool(row.active),
    };
  }

  async findById(clientId: string): Promise<ApiClient | undefined> {
    const [row] = await this.sql.query<ClientRow>(CLIENT_SQL, [clientId]);
    return row?.id === clientId ? toClient(row) : undefined;
  }

  /** Every client, or every client of one user, oldest first. */
  async list(userId?: Int64): Promise<ApiClient[]> {
    const [where, params]: [string, SqlParam[]] = userId === undefined ? ['', []] : ['WHERE c.user_id = ? ', [userId]];
    const rows = await this.sql.query<ClientRow>(
      `SELECT ${CLIENT_COLUMNS} FROM api_clients c ${where}${ORDER}`,
      params,
    );
    return rows.map(toClient);
  }

  async insert(manager: EntityManager, client: NewApiClient): Promise<void> {
    await manager.insert(ApiClientEntity, {
      id: client.clientId,
      secretHash: client.secretHash,
      userId: client.userId,
      name: client.name,
      scopes: client.scopes.join(' '),
      createdAt: nowToTheSecond(),
      revokedAt: null,
    });
  }

  async revoke(manager: EntityManager, clientId: string): Promise<void> {
    await manager.update(ApiClientEntity, clientId, { revokedAt: nowToTheSecond() });
  }
}

function toClient(row: ClientRow): ApiClient {
  return {
    clientId: row.id,
    userId: String(row.user_id),
    name: row.name,
    scopes: parseScopes(row.scopes),
    revoked: row.revoked_at !== null,
  };
}
