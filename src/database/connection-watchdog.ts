import { type MysqlConnection, type MysqlPool, onEveryCommand, poolConnections } from '../common/library-internals';
import { databaseTimeout } from './database-errors';

const WATCHED = Symbol('watched');

/**
 * A MySQL connection whose command gets no answer within `timeoutMs` is cut: the command fails (the request
 * answers 503, the transaction rolls back, the worker's round ends), so do the commands queued behind it, and
 * the pool opens a new connection for the next one. Without it, a connection whose network went silent (a
 * failover, a dropped route: no reset ever arrives) would go back to the pool and hang every query given to
 * it, until the operating system gave up on the socket many minutes later. A query of mysql2 that times out
 * on its own leaves its connection in that state, so the timeout is here.
 *
 * The socket is destroyed with an error, which mysql2 handles as it does a reset: it fails every command on
 * the connection with it. Its own destroy() would not do: it ends the socket but never calls back the
 * commands on it, and whoever awaited one (a transaction, the webhook worker's round) waited forever.
 *
 * Installed once the migrations have run: a migration may take as long as it needs.
 */
export function watchConnections(pool: MysqlPool, timeoutMs: number): void {
  const watch = (connection: MysqlConnection & { [WATCHED]?: true }) => {
    if (connection[WATCHED]) return;
    connection[WATCHED] = true;
    onEveryCommand(connection, (command) => {
      const timer = setTimeout(
        () =>
          connection.stream.destroy(
            databaseTimeout(`No answer from the database within ${timeoutMs} ms: the connection is closed`),
          ),
        timeoutMs,
      );
      timer.unref();
      command.once('end', () => clearTimeout(timer));
    });
  };
  for (const connection of poolConnections(pool)) watch(connection);
  pool.on('connection', watch);
}
