import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { freePort } from '../bench/support';
import { buildService, type ServiceProcess, startService } from '../support/service-process';
import { createTestDatabase, mysqlServerUrl, type TestDatabase, testEngine } from '../support/test-database';

interface Run {
  code: number | null;
  ms: number;
  /** Every line the process wrote, stdout and stderr. */
  lines: string[];
}

/** Runs a built entry point to its end (at most 20 s). */
function runToExit(file: string, env: Record<string, string>, args: string[] = []): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], {
      env: { PATH: process.env.PATH ?? '', TZ: process.env.TZ ?? 'UTC', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('error', reject);
    // 'close', not 'exit': after 'exit' the last lines may still be unread in the pipes.
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, ms: Date.now() - started, lines: output.split('\n').filter((line) => line !== '') });
    });
  });
}

const parse = (lines: string[]) => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

/** What an operator sees when the built service starts, and when it cannot. */
describe('starting the service', () => {
  let main: string;
  let database: TestDatabase;

  beforeAll(async () => {
    main = await buildService();
    database = await createTestDatabase();
  }, 120_000);

  afterAll(() => database?.drop());

  describe('a start that works', () => {
    let service: ServiceProcess;

    afterEach(async () => {
      if (service?.child.exitCode === null) {
        service.child.kill('SIGTERM');
        await service.exited;
      }
    });

    it('says where it listens, where the docs are and how to get a token that works, in a few JSON lines', async () => {
      service = await startService(main, {
        DATABASE_URL: database.url,
        DATABASE_MIGRATE: 'true',
        DEMO_DATA: 'true',
        LOG_LEVEL: 'log',
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const lines = parse(service.output().trim().split('\n'));
      const messages = lines.map((line) => String(line.msg));
      expect(messages.some((m) => /^Listening on http:\/\/127\.0\.0\.1:\d+$/.test(m))).toBe(true);
      expect(messages.some((m) => m.startsWith('Swagger UI: http://127.0.0.1:'))).toBe(true);
      expect(messages.some((m) => m.startsWith('Get a token: DATABASE_URL=') && m.includes('--user 100234'))).toBe(
        true,
      );
      // The framework's chatter (every module, every route) is at debug.
      expect(
        lines.filter((line) => ['InstanceLoader', 'RoutesResolver', 'RouterExplorer'].includes(String(line.context))),
      ).toEqual([]);
      expect(lines.length).toBeLessThanOrEqual(8);
    });

    it('on a database without users, says how to make one rather than naming a user it does not have', async () => {
      const empty = await createTestDatabase();
      try {
        service = await startService(main, { DATABASE_URL: empty.url, DATABASE_MIGRATE: 'true', LOG_LEVEL: 'log' });
        await new Promise((resolve) => setTimeout(resolve, 200));
        const messages = parse(service.output().trim().split('\n')).map((line) => String(line.msg));
        expect(messages.filter((m) => m.includes('npm run token -- --user 100234'))).toEqual([]);
        expect(messages.some((m) => m.startsWith('No user in this database yet') && m.includes('user:create'))).toBe(
          true,
        );
      } finally {
        service.child.kill('SIGTERM');
        await service.exited;
        await empty.drop();
      }
    });
  });

  describe('a start that cannot work: one JSON line that says what to do, and exit 1 at once', () => {
    const expectOneFailure = (run: Run, code: string, message: RegExp) => {
      const lines = parse(run.lines);
      const failures = lines.filter((line) => line.level === 'error' || line.level === 'fatal');
      expect(failures).toEqual([
        expect.objectContaining({ level: 'fatal', code, msg: expect.stringMatching(message) }),
      ]);
      expect(run.code).toBe(1);
      expect(run.ms).toBeLessThan(10_000);
    };

    it('when the port is taken', async () => {
      const taken: Server = createServer();
      const port = await freePort();
      await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
      try {
        const run = await runToExit(main, { DATABASE_URL: database.url, DATABASE_MIGRATE: 'true', PORT: String(port) });
        expectOneFailure(run, 'EADDRINUSE', new RegExp(`^Port ${port} on 127\\.0\\.0\\.1 is in use .*set PORT`));
      } finally {
        await new Promise((resolve) => taken.close(resolve));
      }
    });

    it('when a variable is invalid, naming each one', async () => {
      const run = await runToExit(main, { PORT: '99999', JWT_SECRET: 'short' });
      expectOneFailure(
        run,
        'INVALID_CONFIGURATION',
        /PORT must not be greater than 65535; JWT_SECRET: .*32 characters/,
      );
      expect(run.lines).toHaveLength(1);
    });

    (testEngine === 'mysql' ? it : it.skip)('when the MySQL database does not exist', async () => {
      const url = new URL(mysqlServerUrl);
      url.pathname = '/calls_e2e_no_such_database';
      const run = await runToExit(main, { DATABASE_URL: url.toString(), PORT: String(await freePort()) });
      expectOneFailure(run, 'ER_BAD_DB_ERROR', /does not exist .*CREATE DATABASE/);
    });

    (testEngine === 'mysql' ? it : it.skip)('when MySQL does not answer', async () => {
      const url = new URL(mysqlServerUrl);
      url.port = String(await freePort());
      url.pathname = '/calls';
      const run = await runToExit(main, { DATABASE_URL: url.toString(), PORT: String(await freePort()) });
      expectOneFailure(run, 'ECONNREFUSED', /does not answer \(ECONNREFUSED\): start it/);
    });
  });

  it('the scripts answer --help with their usage and exit 0, without opening a database', async () => {
    // A database that does not answer: --help must not need one.
    const env = { DATABASE_URL: `mysql://root@127.0.0.1:${await freePort()}/calls` };
    const cli = path.join(path.dirname(main), 'cli');
    const admin = await runToExit(path.join(cli, 'admin.js'), env, ['--help']);
    expect(admin).toMatchObject({
      code: 0,
      lines: expect.arrayContaining(['Usage: npm run cli -- <command> [options]']),
    });
    const token = await runToExit(path.join(cli, 'token.js'), env, ['--help']);
    expect(token).toMatchObject({
      code: 0,
      lines: expect.arrayContaining(['Usage: npm run token -- --user <userId>']),
    });
  });
});
