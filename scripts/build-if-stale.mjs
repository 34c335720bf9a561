// Builds (tsc -b tsconfig.build.json) unless the build is newer than everything it is made from. tsc -b finds
// "nothing to do" by itself too, but loading the compiler to find it costs half a second on every `npm run token`
// and `npm run cli`; comparing modification times costs a few milliseconds. A file added, removed or renamed
// changes its folder's time, which counts as well.
//
// `node scripts/build-if-stale.mjs <built script> [args...]` then runs the built script in this same process, with
// the arguments after it: a second start of Node costs a tenth of a second on a command meant to answer at once.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const BUILD_INFO = 'dist/.tsbuildinfo';
const INPUTS = [
  'src',
  'test/bench',
  'examples/typescript-client/generate.ts',
  'ormconfig.ts',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
];

function newest(entry) {
  const stat = statSync(entry, { throwIfNoEntry: false });
  if (stat === undefined) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let time = stat.mtimeMs;
  for (const name of readdirSync(entry)) time = Math.max(time, newest(path.join(entry, name)));
  return time;
}

const built = statSync(BUILD_INFO, { throwIfNoEntry: false })?.mtimeMs ?? -1;
if (built < 0 || INPUTS.some((input) => newest(input) > built)) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const { status } = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
  // tsc -b leaves the build info as it was when the sources changed in time but not in content.
  const now = new Date();
  utimesSync(BUILD_INFO, now, now);
}

const script = process.argv[2];
if (script !== undefined) {
  // As if started as `node <script> [args...]`: the script reads its own arguments from process.argv.
  process.argv.splice(1, 2, path.resolve(script));
  await import(pathToFileURL(path.resolve(script)).href);
}
