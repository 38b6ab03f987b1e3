import * as exec from '@actions/exec';
import * as io from '@actions/io';

/** What a finished command gave back. */
export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface CommandOptions {
  cwd?: string;
  env?: Record<string, string>;
  input?: Buffer;
  /** Echo the command and its output to the log (default false: captured only). */
  echo?: boolean;
  /** Called with each chunk of stdout and stderr as it comes (still captured), to stream a long command. */
  onOutput?: (chunk: string) => void;
}

/**
 * Runs one command with an argv list (never a shell string) and captures its output. Every tool
 * wrapper takes a CommandRunner, so tests can run the real tool or record the argv.
 */
export type CommandRunner = (command: string, args: readonly string[], options?: CommandOptions) => Promise<CommandResult>;

/**
 * What a child process never sees: the step's inputs (INPUT_*: kubeconfig, API token), the post
 * step's state (STATE_*), the runner's own tokens and service URLs, and the command files through
 * which a step sets outputs, environment or PATH for later steps. An npm install script, a
 * kubeconfig `exec:` plugin or a Dockerfile's build has no business with any of them.
 */
const WITHHELD = [
  /^INPUT_/i,
  /^STATE_/i,
  /^ACTIONS_(RUNTIME_TOKEN|RUNTIME_URL|ID_TOKEN_REQUEST_TOKEN|ID_TOKEN_REQUEST_URL|CACHE_URL|RESULTS_URL|CACHE_SERVICE_V2)$/i,
  /^GITHUB_(TOKEN|OUTPUT|STATE|ENV|PATH|STEP_SUMMARY)$/i,
];

/** The environment a child process gets: `base` (default: this process's) without what is withheld. */
export function childEnvironment(base: NodeJS.ProcessEnv | Record<string, string> = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) {
    if (value !== undefined && !WITHHELD.some((pattern) => pattern.test(key))) env[key] = value;
  }
  return env;
}

/** The CommandRunner of the actions: @actions/exec, exit codes returned rather than thrown. */
export const execRunner: CommandRunner = async (command, args, options = {}) => {
  const result = await exec.getExecOutput(command, [...args], {
    cwd: options.cwd,
    env: childEnvironment(options.env ?? process.env),
    input: options.input,
    silent: !options.echo,
    ignoreReturnCode: true,
    ...(options.onOutput ? { listeners: { stdout: (data: Buffer) => options.onOutput?.(data.toString()), stderr: (data: Buffer) => options.onOutput?.(data.toString()) } } : {}),
  });
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
};

/** The full path of `tool` on PATH, or undefined. */
export async function findOnPath(tool: string): Promise<string | undefined> {
  const found = await io.which(tool, false);
  return found === '' ? undefined : found;
}

/** The last `count` non-empty lines of a command's output, for error messages. */
export function lastLines(text: string, count: number): string {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(-count)
    .join('\n');
}
