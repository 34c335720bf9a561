import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Callback {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** When it arrived, epoch ms. */
  at: number;
}

export type Answer = { status: number; delayMs?: number } | 'hang';

/**
 * A webhook receiver on loopback for the tests: it records every callback and answers as told, by default
 * 200 at once. `answers` are used up in order, then the default applies.
 */
export class Receiver {
  readonly callbacks: Callback[] = [];
  readonly answers: Answer[] = [];
  /** Runs before a callback is answered (the answer waits for it). */
  onCallback: ((path: string) => Promise<void>) | undefined;
  private server!: Server;
  private readonly hanging = new Set<() => void>();

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        this.callbacks.push({
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          at: Date.now(),
        });
        const answer = this.answers.shift() ?? { status: 200 };
        if (answer === 'hang') {
          this.hanging.add(() => res.destroy());
          return;
        }
        const respond = () =>
          setTimeout(
            () => res.writeHead(answer.status, { 'Content-Type': 'text/plain' }).end('ok'),
            answer.delayMs ?? 0,
          );
        if (this.onCallback === undefined) respond();
        else void this.onCallback(req.url ?? '').finally(respond);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  /** The events of every callback received on a path, in order. */
  events(path?: string): Record<string, unknown>[] {
    return this.callbacks
      .filter((c) => path === undefined || c.path === path)
      .flatMap((c) => (JSON.parse(c.body) as { createdCall: Record<string, unknown>[] }).createdCall);
  }

  async waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`Receiver: condition not met within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    for (const destroy of this.hanging) destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
