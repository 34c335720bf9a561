import { createServer, type Server, type Socket, connect } from 'node:net';
import type { AddressInfo } from 'node:net';

interface Pair {
  client: Socket;
  upstream: Socket;
  /** While the pair is frozen: what either side sent (bytes, an end, a close), in order, to pass on later. */
  held: (() => void)[] | null;
}

/**
 * A TCP proxy the tests control, between the service and its database, to break the connection without
 * touching the database server: `refuse()` drops every connection and refuses new ones (a database that
 * went down), `stall()` holds every byte in both directions and leaves the connections open (a network
 * that stopped answering: nothing is closed, no reset is sent, what was sent arrives once it is restored),
 * `freezeOpen()` holds the open connections only, new ones pass (a failover, whose old connections never
 * hear a reset), `loseReplies()` passes what the service sends and drops every byte of the database's
 * replies (statements that reach the database and whose answers never come back), `restore()` ends any of
 * them.
 */
export class TcpProxy {
  private server!: Server;
  private port = 0;
  private readonly pairs = new Set<Pair>();
  private stalled = false;
  private losingReplies = false;
  private sending: (() => void)[] = [];

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** Listens on a free port of 127.0.0.1 and returns it. */
  async start(): Promise<number> {
    await this.listen(0);
    return this.port;
  }

  async refuse(): Promise<void> {
    for (const { client, upstream } of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.pairs.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  stall(): void {
    this.stalled = true;
    this.freezeOpen();
  }

  freezeOpen(): void {
    for (const pair of this.pairs) pair.held ??= [];
  }

  loseReplies(): void {
    this.losingReplies = true;
  }

  /**
   * Resolves when the service next sends the database anything (a statement), held or passed on: the
   * moment something in the service starts waiting for an answer.
   */
  nextSend(): Promise<void> {
    return new Promise((resolve) => this.sending.push(resolve));
  }

  async restore(): Promise<void> {
    if (!this.server.listening) await this.listen(this.port);
    this.stalled = false;
    this.losingReplies = false;
    for (const pair of this.pairs) {
      const held = pair.held ?? [];
      pair.held = null;
      for (const pass of held) pass();
    }
  }

  async stop(): Promise<void> {
    for (const { client, upstream } of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    if (this.server.listening) await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private listen(port: number): Promise<void> {
    this.server = createServer((client) => this.accept(client));
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.port = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  private accept(client: Socket): void {
    const upstream = connect(this.targetPort, this.targetHost);
    const pair: Pair = { client, upstream, held: this.stalled ? [] : null };
    this.pairs.add(pair);
    const pass = (action: () => void) => (pair.held === null ? action() : pair.held.push(action));
    const end = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk: Buffer) => {
      for (const resolve of this.sending.splice(0)) resolve();
      pass(() => upstream.write(chunk));
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!this.losingReplies) pass(() => client.write(chunk));
    });
    client.on('end', () => pass(() => upstream.end()));
    upstream.on('end', () => pass(() => client.end()));
    for (const socket of [client, upstream]) {
      socket.on('error', () => pass(end)).on('close', () => pass(end));
    }
  }
}
