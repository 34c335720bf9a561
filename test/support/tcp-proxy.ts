import { createServer, type Server, type Socket, connect } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy the tests control, between the service and its database, to break the connection without
 * touching the database server: `refuse()` drops every connection and refuses new ones (a database that
 * went down), `stall()` holds every byte in both directions and leaves the connections open (a network
 * that stopped answering), `freezeOpen()` holds the open connections only, new ones pass (a failover, whose
 * old connections never hear a reset), `restore()` ends any of them.
 */
export class TcpProxy {
  private server!: Server;
  private port = 0;
  private readonly pairs = new Set<{ client: Socket; upstream: Socket }>();
  private stalled = false;

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
    for (const { client, upstream } of this.pairs) {
      client.pause();
      upstream.pause();
    }
  }

  async restore(): Promise<void> {
    if (!this.server.listening) await this.listen(this.port);
    this.stalled = false;
    for (const { client, upstream } of this.pairs) {
      client.resume();
      upstream.resume();
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
    const pair = { client, upstream };
    this.pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    if (this.stalled) {
      client.pause();
      upstream.pause();
    }
  }
}
