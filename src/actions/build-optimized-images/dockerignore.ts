import { posix } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** One line of a .dockerignore: a glob (relative to the context root) and whether it re-includes. */
interface Rule {
  matcher: Ignore;
  include: boolean;
}

/**
 * What a build context sends, by Docker's .dockerignore rules, with the `ignore` package (the
 * .gitignore matcher) doing the glob matching. Where .dockerignore differs from .gitignore this
 * adds Docker's behaviour on top (moby/buildkit frontend/dockerfile/dockerignore ReadAll and
 * moby/patternmatcher MatchesOrParentMatches):
 * - a `#` starts a comment only in column 1; lines are trimmed and cleaned like Go's
 *   filepath.Clean (`./a`, `a/../b`, a trailing `/`), and a leading `/` is dropped;
 * - every pattern is relative to the context root (`foo` is `./foo`, not `**\/foo` as in git),
 *   so each is anchored with a leading `/` before `ignore` sees it;
 * - a trailing `/` does not limit a pattern to directories (Clean removes it);
 * - the last pattern that matches a path *or one of its parent folders* decides, so `!` can
 *   re-include a file inside an excluded folder (git cannot). Each pattern is therefore its
 *   own `ignore` instance, asked whether it matches the path or a parent.
 * `**` in the middle of a name (`a**b`) is an ordinary `*` here (git's rule), unlike Docker.
 */
export class Dockerignore {
  private readonly rules: Rule[];
  constructor(text: string) {
    this.rules = [];
    for (const raw of text.split(/\r?\n/)) {
      if (raw.startsWith('#')) continue;
      let pattern = raw.trim();
      const include = pattern.startsWith('!');
      if (include) pattern = pattern.slice(1).trim();
      if (pattern === '') continue;
      pattern = posix.normalize(pattern).replace(/\/+$/, '').replace(/^\/+/, '');
      // `.` and patterns above the context (`../x`) can match nothing inside it.
      if (pattern === '' || pattern === '.' || pattern === '..' || pattern.startsWith('../')) continue;
      this.rules.push({ matcher: ignore().add(`/${pattern}`), include });
    }
  }

  /** True when any rule re-includes: an excluded folder must then still be walked. */
  get hasExceptions(): boolean {
    return this.rules.some((rule) => rule.include);
  }

  /** Whether the context leaves out `path` (relative, `/`-separated; folders end with `/`). */
  excludes(path: string): boolean {
    let excluded = false;
    for (const rule of this.rules) {
      if (excluded !== rule.include) continue;
      if (rule.matcher.ignores(path)) excluded = !rule.include;
    }
    return excluded;
  }
}
