import * as core from '@actions/core';
import { isAbsolute, relative, resolve } from 'node:path';
import { BuildError, ConfigurationError, EnvironmentError, type FileLocation, failureReport } from './errors.js';

/** The file and line an error (or one of its causes) names: an InputError, a FileError, a failed build. */
function locationOf(error: unknown): FileLocation | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 10; current = current.cause, depth++) {
    const location = (current as { location?: Partial<FileLocation> }).location;
    if (location && typeof location.file === 'string') return location as FileLocation;
  }
  return undefined;
}

/**
 * The annotation of a failure that knows its file: the path relative to the workspace when it is
 * inside it (GitHub then links the file and line), as it is otherwise.
 */
export function annotationOf(error: unknown, env: NodeJS.ProcessEnv = process.env): core.AnnotationProperties | undefined {
  const location = locationOf(error);
  if (!location) return undefined;
  const workspace = env.GITHUB_WORKSPACE;
  const full = resolve(location.file);
  const inside = workspace ? relative(resolve(workspace), full) : undefined;
  const file = inside !== undefined && inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : location.file;
  const title = error instanceof BuildError ? 'Build failed' : error instanceof EnvironmentError ? 'Environment error' : error instanceof ConfigurationError ? 'Configuration error' : undefined;
  return { file, startLine: location.line, startColumn: location.line !== undefined ? location.column : undefined, ...(title ? { title } : {}) };
}

/**
 * The top of every entry point: runs `main` once and turns any error into one `::error::` line
 * and exit code 1. A ConfigurationError is the user's mistake and is reported as it is; an
 * environment or build error says so; the stack (and causes) of anything but the user's mistake
 * goes to the debug log (errors.ts failureReport). An error that knows its file and line becomes
 * an annotation there.
 */
export async function runAction(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    const report = failureReport(error);
    if (report.debug) core.debug(report.debug);
    const annotation = annotationOf(error);
    if (!annotation) {
      core.setFailed(report.message);
      return;
    }
    // setFailed's own ::error:: line, with the annotation's properties.
    process.exitCode = core.ExitCode.Failure;
    core.error(report.message, annotation);
  }
}
