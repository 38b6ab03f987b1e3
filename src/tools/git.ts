import type { CommandRunner } from './exec.js';

/** The git binary, for facts about the checkout the launcher source sits in. */
export class Git {
  constructor(
    private readonly run: CommandRunner,
    private readonly binary = 'git',
  ) {}

  /**
   * One field (`%ct`, `%H`, … of `git log --format`) of the last commit that touched `dir`, or
   * undefined when there is none: a folder outside a checkout, or no git installed.
   */
  async lastCommit(dir: string, format: string): Promise<string | undefined> {
    try {
      const result = await this.run(this.binary, ['log', '-1', `--format=${format}`, '--', '.'], { cwd: dir });
      const value = result.stdout.trim();
      return result.exitCode === 0 && value !== '' ? value : undefined;
    } catch {
      // git is not installed: the same as a folder outside a checkout.
      return undefined;
    }
  }
}
