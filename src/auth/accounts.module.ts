import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { ApiClientsRepository } from './api-clients.repository';
import { ApiClientsService } from './api-clients.service';
import { TeamsRepository } from './teams.repository';
import { TeamsService } from './teams.service';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/**
 * Teams, users and API clients: the records behind every caller, which the API reads and the administration
 * CLI changes. Apart from AuthModule so that the CLI starts without token verification and rate limits.
 */
@Module({
  imports: [DatabaseModule],
  providers: [TeamsRepository, UsersRepository, ApiClientsRepository, TeamsService, UsersService, ApiClientsService],
  exports: [TeamsService, UsersService, ApiClientsService],
})
export class AccountsModule {}
