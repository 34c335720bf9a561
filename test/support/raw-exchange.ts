import { connect, type Socket } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Milliseconds from the start of the exchange to the complete answer. */
  ms: number;
}

/**
 * One HTTP/1.1 exchange on a connection of its own, written byte by byte as the test chooses: the request head,
 * then as much of the body as it wants, when it wants. {@link answer} resolves as soon as a complete answer has
 * arrived (its head and Content-Length bytes), whether or not the request was complete; {@link closed} when the
 * server closes the connection. Answers are read one after the other: a second request on the same connection gets
 * the second answer.
 */
export class RawExchange {
  private readonly socket: Socket;
  private readonly started = performance.now();
  private received = Buffer.alloc(0);
  private waiting: (() => void)[] = [];
  private ended = false;
  readonly closed: Promise<number>;

  constructor(port: number, data?: string | Buffer) {
    this.socket = connect(port, '127.0.0.1');
    this.socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      this.wake();
    });
    // A server that closes while the test still writes resets the connection: what arrived counts.
    this.socket.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      this.socket.on('close', () => {
        this.ended = true;
        this.wake();
        resolve(performance.now() - this.started);
      }),
    );
    if (data !== undefined) this.send(data);
  }

  send(data: string | Buffer): void {
    if (!this.socket.destroyed) this.socket.write(data);
  }

  /** The next complete answer; rejects when the connection closes without one or after `timeoutMs`. */
  async answer(timeoutMs = 5000): Promise<RawAnswer> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const answer = this.takeAnswer();
      if (answer !== undefined) return answer;
      if (this.ended) throw new Error(`The connection closed without an answer: ${this.received.toString('latin1')}`);
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`No answer within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  destroy(): void {
    this.socket.destroy();
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  private takeAnswer(): RawAnswer | undefined {
    const end = this.received.indexOf('\r\n\r\n');
    if (end < 0) return undefined;
    const [statusLine, ...lines] = this.received.subarray(0, end).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    if (this.received.length < end + 4 + length) return undefined;
    const body = this.received.subarray(end + 4, end + 4 + length).toString('utf8');
    this.received = this.received.subarray(end + 4 + length);
    return {
      status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1]),
      headers,
      body,
      ms: performance.now() - this.started,
    };
  }
}

/** The head of a request, with `Host` and the given headers. */
export function requestHead(method: string, path: string, headers: Record<string, string | number> = {}): string {
  const lines = Object.entries({ Host: '127.0.0.1', ...headers }).map(([name, value]) => `${name}: ${value}\r\n`);
  return `${method} ${path} HTTP/1.1\r\n${lines.join('')}\r\n`;
}
