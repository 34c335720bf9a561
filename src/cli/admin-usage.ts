import { SCOPES } from '../auth/scopes';

/** The usage of `npm run cli`, apart from the commands so that --help loads nothing else. */
export const ADMIN_USAGE = `Usage: npm run cli -- <command> [options]

Teams and users
  team:create --name <name> [--id <teamId>]
  user:create --team <teamId> --name <name> --role OWNER|ADMIN|AGENT
              [--email <address>] [--phone <number>] [--access-all-team-leads] [--id <userId>]
  user:set-role --user <userId> --role OWNER|ADMIN|AGENT
  user:set-permission --user <userId> --access-all-team-leads on|off
  user:deactivate --user <userId>     (every token of the user stops working at once)
  user:activate --user <userId>

API clients
  client:create --user <userId> --name <name> [--scope <scope>]...
      Registers a client acting as the user; prints its id and secret (the secret is shown once).
      Scopes: ${SCOPES.join(', ')}.
  client:revoke --client <clientId>   (its secret and every token issued to it stop working at once)
  client:list [--user <userId>]       (never the secrets)

Every change applies to the service's next request.`;
