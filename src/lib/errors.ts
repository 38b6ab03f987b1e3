/**
 * Errors that describe a mistake in what the user gave (an input, or a file an input names),
 * as opposed to a bug. `runAction` reports them as one clear line, without a stack.
 */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
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
