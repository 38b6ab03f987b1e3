/**
 * Errors that describe a mistake in what the user gave (an input, or a file an input names),
 * as opposed to a bug. `runAction` reports them as one clear line, without a stack.
 */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/**
 * Not the user's mistake and not a bug: the machine or a service the action needs failed (a dead
 * Docker daemon, an unreachable registry, a tool missing from PATH that no input named). The step
 * fails with `Environment error: <message>`; the cause and its stack go to the debug log.
 */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
}

/**
 * A build the action ran failed (an image build, the launcher's install or build command): its
 * own output says why. The step fails with `Build failed: <message>`; the cause goes to the debug log.
 */
export class BuildError extends Error {
  override name = 'BuildError';
}

/** Where in a file a problem sits. */
export interface FileLocation {
  file: string;
  line?: number;
  column?: number;
}

function formatLocation(location: FileLocation): string {
  let text = location.file;
  if (location.line !== undefined) text += `:${location.line}`;
  if (location.line !== undefined && location.column !== undefined) text += `:${location.column}`;
  return text;
}

/** A bad value of one action input; the message always starts with the input's name. */
export class InputError extends ConfigurationError {
  override name = 'InputError';
  constructor(
    readonly input: string,
    detail: string,
    readonly location?: FileLocation,
  ) {
    super(`Input '${input}': ${location ? `${formatLocation(location)}: ` : ''}${detail}`);
  }
}

/** A bad file that no single input names (a hand-off folder, a file found by convention). */
export class FileError extends ConfigurationError {
  override name = 'FileError';
  constructor(
    readonly location: FileLocation,
    detail: string,
  ) {
    super(`${formatLocation(location)}: ${detail}`);
  }
}

/** The message of anything thrown, without assuming it is an Error. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The `code` of a Node.js system error (ENOENT, EACCES, …), if there is one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = error.code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** How the step reports a failure: one line that says whose it is, and what the debug log gets. */
export interface FailureReport {
  message: string;
  /** The stack and every cause's, for `core.debug`; none for the user's own mistake. */
  debug?: string;
}

/** The report of anything a step threw: the user's mistakes as they are, other kinds named. */
export function failureReport(error: unknown): FailureReport {
  if (error instanceof ConfigurationError) return { message: error.message };
  const message = error instanceof EnvironmentError ? `Environment error: ${error.message}` : error instanceof BuildError ? `Build failed: ${error.message}` : errorMessage(error);
  const debug: string[] = [];
  for (let cause: unknown = error; cause !== undefined && debug.length < 10; cause = cause instanceof Error ? cause.cause : undefined) {
    debug.push(`${debug.length === 0 ? '' : 'caused by: '}${cause instanceof Error ? (cause.stack ?? cause.message) : errorMessage(cause)}`);
  }
  return { message, debug: debug.join('\n') };
}
