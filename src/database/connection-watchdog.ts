import { currentCommand, type MysqlConnection, type MysqlPool, poolConnections } from '../common/library-internals';
import { databaseTimeout } from './database-errors';

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
export function watchConnections(pool: MysqlPool, timeoutMs: number): () => void {
  // Each connection's command and when it was first seen running: one that is still the same a timeout later
  // gets no answer. Seen every tenth of the timeout (at most a second), so it is cut within 1.2 timeouts of its
  // start; nothing is done per command (a timer per statement cost the busiest path of the service).
  const running = new WeakMap<MysqlConnection, { command: object; since: number }>();
  const sweep = () => {
    const now = performance.now();
    for (const connection of poolConnections(pool)) {
      const command = currentCommand(connection);
      const seen = running.get(connection);
      if (command === null) {
        running.delete(connection);
      } else if (seen?.command !== command) {
        running.set(connection, { command, since: now });
      } else if (now - seen.since >= timeoutMs) {
        running.delete(connection);
        connection.stream.destroy(
          databaseTimeout(`No answer from the database within ${timeoutMs} ms: the connection is closed`),
        );
      }
    }
  };
  const timer = setInterval(sweep, Math.min(1000, Math.max(10, timeoutMs / 10)));
  timer.unref();
  return () => clearInterval(timer);
}
