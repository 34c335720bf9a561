import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { Int64 } from '../common/int64';
import { TransactionRunner } from '../database/transaction-runner';
import { clientNotFound, userDeactivated } from './auth.errors';
import { type ApiClient, ApiClientsRepository } from './api-clients.repository';
import { generateClientSecret, hashClientSecret, UNKNOWN_CLIENT_HASH, verifyClientSecret } from './client-secret';
import { UsersService } from './users.service';

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
  constructor(
    private readonly clients: ApiClientsRepository,
    private readonly users: UsersService,
    private readonly transactions: TransactionRunner,
  ) {}

  /**
   * The client, when the secret is right, the client is not revoked and its user is active. An unknown
   * client id costs the same work as a known one, so that ids cannot be probed by timing: the same one
   * query (TypeORM's entity lookup took a second query, and built the entities, only when the id existed)
   * and the same hash. The id must match byte for byte (the repository sees to it on MySQL too).
   */
  async authenticate(clientId: string, secret: string): Promise<AuthenticatedClient | null> {
    const client = await this.clients.findCredentials(clientId);
    const secretOk = verifyClientSecret(secret, client?.secretHash ?? UNKNOWN_CLIENT_HASH);
    if (client === undefined || !secretOk || client.revoked || !client.userActive) return null;
    return { clientId: client.clientId, userId: client.userId, scopes: client.scopes };
  }

  /**
   * Registers a client acting as the given active user; the secret is returned once and stored hashed.
   * NOT_FOUND for an unknown user, AGENT_INACTIVE for a deactivated one.
   */
  async create(userId: Int64, name: string, scopes: string[] = []): Promise<CreatedClient> {
    const user = await this.users.get(userId);
    if (!user.active) throw new AppError(ErrorCode.AgentInactive, userDeactivated(userId));
    const clientId = `cl_${randomBytes(12).toString('hex')}`;
    const clientSecret = generateClientSecret();
    const secretHash = hashClientSecret(clientSecret);
    await this.transactions.run((manager) =>
      this.clients.insert(manager, { clientId, secretHash, userId, name, scopes }),
    );
    return { clientId, clientSecret };
  }

  /**
   * Revokes the client: its secret and every token issued to it stop working at once. Answers the client as it
   * was (revoked already, or not); NOT_FOUND for an unknown id.
   */
  async revoke(clientId: string): Promise<ApiClient> {
    const client = await this.clients.findById(clientId);
    if (client === undefined) throw new AppError(ErrorCode.NotFound, clientNotFound(clientId));
    if (!client.revoked) await this.transactions.run((manager) => this.clients.revoke(manager, clientId));
    return client;
  }

  /** Every client, or those acting as one user, oldest first. */
  list(userId?: Int64): Promise<ApiClient[]> {
    return this.clients.list(userId);
  }
}
