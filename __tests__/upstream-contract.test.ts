// docs/upstream-contract.md names, for every imitated behaviour, our file that imitates or relies
// on it and the test that checks it. This keeps the page true to the tree: a renamed or removed
// file fails here, so the page cannot silently drift from the stand-ins it describes.
import { describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const page = readFileSync('docs/upstream-contract.md', 'utf8');
const ROOTS = ['src/', '__tests__/', 'templates/', 'examples/', 'scripts/', 'schemas/'];

/** Our paths named in backticks (a `:line` or `#anchor` suffix dropped), with the folder they are read from. */
function namedPaths(): string[] {
  const found = new Set<string>();
  for (const [, raw] of page.matchAll(/`([^`\s]+)`/g)) {
    const path = raw.replace(/[:#].*$/, '').replace(/\/$/, '');
    if (ROOTS.some((root) => path.startsWith(root)) && !/[*{}[\]<>]/.test(path)) found.add(path);
  }
  return [...found].sort();
}

describe('docs/upstream-contract.md', () => {
  const paths = namedPaths();

  test('names our files (and there are many)', () => {
    expect(paths.length).toBeGreaterThan(30);
  });

  test.each(paths)('%s exists', (path) => {
    expect(existsSync(join(process.cwd(), path))).toBe(true);
  });

  test('every section cites upstream with file:line', () => {
    const sections = page.split(/^## /m).slice(2);
    expect(sections.length).toBeGreaterThanOrEqual(7);
    for (const section of sections) expect(section).toMatch(/[\w./-]+\.(java|py|yaml|sh|conf|tmpl|js|properties|gradle|go)(:\d+|`)/);
  });
});
