import type { Logger } from '../../lib/logger.js';

/** One build's part of the step log: its lines, shown live once it has the log. */
export interface BuildLogSection {
  write(line: string): void;
  /** The build is over (success or not); the next section may take the log. */
  close(): void;
}

/**
 * The log of builds that run in parallel, one log group per build, groups never interleaved
 * (GitHub's log cannot show two open groups). Sections get the log in the order they were
 * opened: the first streams live; a build that starts while another holds the log keeps its
 * lines and shows them, then streams live, as soon as the earlier ones are done.
 */
export class BuildLogs {
  private turn: Promise<void> = Promise.resolve();
  constructor(private readonly logger: Logger) {}

  open(title: string): BuildLogSection {
    const kept: string[] = [];
    let live = false;
    let closed = false;
    let finish = (): void => undefined;
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    this.turn = this.turn.then(() =>
      this.logger.group(title, async () => {
        for (const line of kept.splice(0)) this.logger.info(line);
        live = true;
        await finished;
      }),
    );
    return {
      write: (line) => {
        if (closed) return;
        if (live) this.logger.info(line);
        else kept.push(line);
      },
      close: () => {
        closed = true;
        finish();
      },
    };
  }

  /** Resolves once every section opened so far has been shown and closed. */
  drain(): Promise<void> {
    return this.turn;
  }
}
