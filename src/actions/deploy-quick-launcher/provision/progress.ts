/** Lines of a long sweep (the home-folder sync over every user), few enough to read. */
export interface ProgressOptions {
  /** Shortest pause between two progress lines in ms (default 5 s). */
  minIntervalMs?: number;
  /** Milliseconds since some fixed moment (default Date.now). */
  now?: () => number;
}

const DEFAULT_PROGRESS_INTERVAL_MS = 5000;

/**
 * Counts finished items and says `line(done)` when both another tenth of `total` is done and
 * `minIntervalMs` has passed since the last line (whichever comes later): at most 9 lines before
 * the last, none for a sweep quicker than the interval. `finish()` always says the last line.
 */
export class Progress {
  private done = 0;
  private nextStep: number;
  private lastAt: number;
  private readonly minIntervalMs: number;
  private readonly now: () => number;

  constructor(
    private readonly total: number,
    private readonly line: (done: number, total: number) => void,
    options: ProgressOptions = {},
  ) {
    this.minIntervalMs = options.minIntervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS;
    this.now = options.now ?? Date.now;
    this.lastAt = this.now();
    this.nextStep = this.stepAfter(0);
  }

  /** One more item finished. */
  tick(): void {
    this.done++;
    if (this.done >= this.total || this.done < this.nextStep) return;
    const now = this.now();
    if (now - this.lastAt < this.minIntervalMs) return;
    this.lastAt = now;
    this.nextStep = this.stepAfter(this.done);
    this.line(this.done, this.total);
  }

  /** The last line, whatever was said before. */
  finish(): void {
    this.line(this.done, this.total);
  }

  /** The smallest count past `done` that completes another tenth of the total. */
  private stepAfter(done: number): number {
    if (this.total <= 0) return Infinity;
    const tenth = Math.floor((done * 10) / this.total) + 1;
    return Math.ceil((tenth * this.total) / 10);
  }
}
