import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import type { Int64 } from '../common/int64';
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

@Injectable()
export class ApiClientsService {
  constructor(@InjectRepository(ApiClientEntity) private readonly clients: Repository<ApiClientEntity>) {}

  /**
   * The client, when the secret is right, the client is not revoked and its user is active. An unknown
   * client id costs the same hash as a known one, so that ids cannot be probed by timing. The id must match
   * byte for byte: MySQL compares strings without regard to case or trailing spaces.
   */
  async authenticate(clientId: string, secret: string): Promise<AuthenticatedClient | null> {
    const found = await this.clients.findOne({ where: { id: clientId }, relations: { user: true } });
    const client = found?.id === clientId ? found : null;
    const secretOk = verifyClientSecret(secret, client?.secretHash ?? UNKNOWN_CLIENT_HASH);
    if (!client || !secretOk || client.revokedAt !== null || client.user?.active !== true) {
      return null;
    }
    return { clientId: client.id, userId: client.userId, scopes: parseScopes(client.scopes) };
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
