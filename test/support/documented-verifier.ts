import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The verification of a callback's signature as docs/webhooks.md gives it to receivers. */
export type Verify = (secret: string, headers: Record<string, unknown>, rawBody: string) => boolean;

/** The verification snippet of docs/webhooks.md, run as a receiver would run it. */
export function documentedVerifier(): Verify {
  const page = readFileSync(path.resolve(__dirname, '../../docs/webhooks.md'), 'utf8');
  const code = /<!-- verify-webhook:start -->\s*```js\n([\s\S]*?)```\s*<!-- verify-webhook:end -->/.exec(page)?.[1];
  if (code === undefined) throw new Error('docs/webhooks.md has no verify-webhook snippet');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const load = new Function('require', `${code}\nreturn verifyWebhook;`) as (req: NodeJS.Require) => Verify;
  return load(require);
}
