import * as core from '@actions/core';

/** What a pure core may say. Cores receive a Logger and never import @actions/core. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  /**
   * Runs `fn` inside a collapsible log group. Groups are one level deep: GitHub's log does not
   * render a group inside a group, so one opened inside another (a stage's own step inside the
   * root action's stage group) is written as the line `▸ <title>` and `fn` runs in the outer group.
   */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

/** The prefix of a group title written as a line because a group is already open. */
const NESTED_GROUP_PREFIX = '▸ ';

/** Keeps groups one level deep for a Logger: `open` opens a real group, `line` writes the title otherwise. */
class OneLevelGroups {
  private depth = 0;
  constructor(
    private readonly open: <T>(title: string, fn: () => Promise<T>) => Promise<T>,
    private readonly line: (text: string) => void,
  ) {}
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    if (this.depth > 0) {
      this.line(`${NESTED_GROUP_PREFIX}${title}`);
      return fn();
    }
    this.depth++;
    try {
      return await this.open(title, fn);
    } finally {
      this.depth--;
    }
  }
}

const runnerGroups = new OneLevelGroups(
  (title, fn) => core.group(title, fn),
  (text) => core.info(text),
);
/** The Logger of a running action: the runner's log, annotations and groups. */
export const actionsLogger: Logger = {
  debug: (message) => core.debug(message),
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  group: (title, fn) => runnerGroups.group(title, fn),
};

/** A Logger that keeps every line; used by tests and by the bench to inspect what was said. */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  debug(message: string): void {
    this.lines.push(`debug: ${message}`);
  }
  info(message: string): void {
    this.lines.push(message);
  }
  warning(message: string): void {
    this.lines.push(`warning: ${message}`);
  }
  private readonly groups = new OneLevelGroups(
    (title, fn) => {
      this.lines.push(`group: ${title}`);
      return fn();
    },
    (text) => this.info(text),
  );
  group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    return this.groups.group(title, fn);
  }
  get text(): string {
    return this.lines.join('\n');
  }
}
