import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import type { Int64 } from '../common/int64';
import { SqlReader } from '../database/sql-reader';
import { sqlBool, type SqlValue } from '../database/sql-values';
import { nowToTheSecond } from '../database/utc';
import { ApiClientEntity } from './api-client.entity';
import { parseScopes } from './scopes';
import { generateClientSecret, hashClientSecret, UNKNOWN_CLIENT_HASH, verifyClientSecret } from './client-secret';

export interface AuthenticatedClient {
  clientId: string;
  userId: Int64;
  scopes: string[];
}

export interface CreatedClient {
  clientId: string;
  clientSecret: string;
}

interface ClientRow {
  id: string;
  secret_hash: string;
  user_id: SqlValue;
  scopes: string;
  revoked_at: SqlValue;
  active: SqlValue;
}

const CLIENT_SQL =
  'SELECT c.id, c.secret_hash, c.user_id, c.scopes, c.revoked_at, u.active ' +
  'FROM api_clients c JOIN users u ON u.id = c.user_id WHERE c.id = ?';

@Injectable()
export class ApiClientsService {
  constructor(
    @InjectRepository(ApiClientEntity) private readonly clients: Repository<ApiClientEntity>,
    private readonly sql: SqlReader,
  ) {}

  /**
   * The client, when the secret is right, the client is not revoked and its user is active. An unknown
   * client id costs the same work as a known one, so that ids cannot be probed by timing: the same one
   * query (TypeORM's entity lookup took a second query, and built the entities, only when the id existed)
   * and the same hash. The id must match byte for byte: MySQL compares strings without regard to case or
   * trailing spaces.
   */
  async authenticate(clientId: string, secret: string): Promise<AuthenticatedClient | null> {
    const [found] = await this.sql.query<ClientRow>(CLIENT_SQL, [clientId]);
    const client = found?.id === clientId ? found : null;
    const secretOk = verifyClientSecret(secret, client?.secret_hash ?? UNKNOWN_CLIENT_HASH);
    if (client === null || !secretOk || client.revoked_at !== null || !sqlBool(client.active)) {
      return null;
    }
    return { clientId: client.id, userId: String(client.user_id), scopes: parseScopes(client.scopes) };
  }

  /** Registers a client acting as the given user; the secret is returned once and stored hashed. */
  async create(userId: Int64, name: string, scopes: string[] = []): Promise<CreatedClient> {
    const clientId = `cl_${randomBytes(12).toString('hex')}`;
    const clientSecret = generateClientSecret();
    await this.clients.insert({
      id: clientId,
      secretHash: hashClientSecret(clientSecret),
      userId,
      name,
      scopes: scopes.join(' '),
      createdAt: nowToTheSecond(),
      revokedAt: null,
    });
    return { clientId, clientSecret };
  }
}
