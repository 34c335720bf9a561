import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../bench/support';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Compiles the service as `npm run build` does, into a folder of this test run (under node_modules/.cache,
 * where Node finds the packages), and returns the path of its main.js. Suites that need the service as a
 * process of its own (signals, exit codes) run this build, not a stale dist/.
 */
export async function buildService(): Promise<string> {
  const outDir = path.join(ROOT, 'node_modules/.cache/calls-api-e2e', process.env.CALLS_TEST_RUN_ID ?? 'local');
  const main = path.join(outDir, 'src/main.js');
  if (!existsSync(main)) {
    await promisify(execFile)(
      process.execPath,
      [
        require.resolve('typescript/bin/tsc'),
        '-p',
        'tsconfig.build.json',
        '--outDir',
        outDir,
        '--incremental',
        'false',
        '--sourceMap',
        'false',
      ],
      { cwd: ROOT },
    );
  }
  return main;
}

export interface ServiceProcess {
  baseUrl: string;
  port: number;
  child: ChildProcess;
  /** Everything the process wrote, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code (or the signal that ended it) once its output has been read to the end. */
  exited: Promise<number | NodeJS.Signals>;
}

/**
 * Starts the built service as its own process and waits until it answers /health/live. On a free port, or on
 * `env.PORT` (a restart on the same address).
 */
export async function startService(main: string, env: Record<string, string>): Promise<ServiceProcess> {
  const port = env.PORT === undefined ? await freePort() : Number(env.PORT);
  let output = '';
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      TZ: process.env.TZ ?? 'UTC',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // 'close', not 'exit': 'exit' may come before the last lines the process wrote have been read from its stdout.
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.once('close', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The service exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/health/live`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The service did not answer within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { baseUrl, port, child, output: () => output, exited };
}
