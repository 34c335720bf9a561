import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const PAGES = readdirSync(path.join(ROOT, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`);
const FILES = ['README.md', ...PAGES, 'examples/typescript-client/README.md'];

/** The lines of a Markdown file outside its fenced code blocks. */
function prose(file: string): string[] {
  let fenced = false;
  return read(file)
    .split('\n')
    .filter((line) => {
      if (/^\s*```/.test(line)) fenced = !fenced;
      return !fenced && !/^\s*```/.test(line);
    });
}

/** The anchors of a file's headings, as GitHub makes them (a repeated heading gets -1, -2, ...). */
function anchors(file: string): string[] {
  const seen = new Map<string, number>();
  return prose(file)
    .filter((line) => /^#{1,6} /.test(line))
    .map((line) => {
      const slug = line
        .replace(/^#+ /, '')
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-');
      const count = seen.get(slug) ?? 0;
      seen.set(slug, count + 1);
      return count === 0 ? slug : `${slug}-${count}`;
    });
}

/** Every relative link of a file: [file, href]. */
const links = (file: string): [string, string][] =>
  prose(file).flatMap((line) =>
    [...line.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((match) => match[1])
      .filter((href) => !/^[a-z][a-z0-9+.-]*:/i.test(href))
      .map((href): [string, string] => [file, href]),
  );

/** The README is a newcomer's first two minutes; the rest lives in docs/, and every link there goes somewhere. */
describe('the documentation', () => {
  it.each(FILES.flatMap(links))('%s: %s resolves to a file and a heading', (file, href) => {
    const [target, fragment] = href.split('#');
    const resolved = target === '' ? file : path.normalize(path.join(path.dirname(file), target));
    expect(existsSync(path.join(ROOT, resolved))).toBe(true);
    if (fragment !== undefined) expect(anchors(resolved)).toContain(fragment);
  });

  it('keeps the README under 200 lines, with the set-up and test commands', () => {
    const readme = read('README.md');
    expect(readme.split('\n').length).toBeLessThan(200);
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
    expect(readme).toContain('npm run test:mysql');
  });

  it('links every page of docs/ from the README', () => {
    const linked = links('README.md').map(([, href]) => href.split('#')[0]);
    expect(PAGES.filter((page) => !linked.includes(page))).toEqual([]);
  });

  it('lists every documented route in the README', () => {
    const openapi = JSON.parse(read('openapi.json')) as { paths: Record<string, Record<string, unknown>> };
    const readme = read('README.md');
    const routes = Object.entries(openapi.paths).flatMap(([route, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`),
    );
    expect(routes.filter((route) => !readme.includes(`\`${route}`))).toEqual([]);
  });
});
