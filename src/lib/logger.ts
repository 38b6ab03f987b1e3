import * as core from '@actions/core';

/** What a pure core may say. Cores receive a Logger and never import @actions/core. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  /** Runs `fn` inside a collapsible log group. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

/** The Logger of a running action: the runner's log, annotations and groups. */
export const actionsLogger: Logger = {
  debug: (message) => core.debug(message),
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  group: (title, fn) => core.group(title, fn),
};

/** A Logger for scripts (demo, sandbox, bench): plain lines on stderr. */
export const consoleLogger: Logger = {
  debug: () => undefined,
  info: (message) => console.error(message),
  warning: (message) => console.error(`warning: ${message}`),
  group: async (title, fn) => {
    console.error(`== ${title}`);
    return fn();
  },
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
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.lines.push(`group: ${title}`);
    return fn();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}
