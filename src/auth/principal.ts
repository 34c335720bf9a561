import type { Int64 } from '../common/int64';
import { Role } from './role';

/** The caller of a request, resolved from the database on every request. */
export interface Principal {
  userId: Int64;
  teamId: Int64;
  role: Role;
  accessAllTeamLeads: boolean;
  /** Always true for a resolved caller (a deactivated user's token is refused); kept for the lead policy. */
  active: boolean;
  /** The API client the token was issued to; null for a user's own token. */
  clientId: string | null;
  /** OAuth scopes in force: those of the token that the client still holds. */
  scopes: ReadonlySet<string>;
}
