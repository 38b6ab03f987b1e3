import type { JsonObject } from './json.js';

/**
 * `kubectl exec` as the stand-in hands it to whoever plays the container: the pod (as stored),
 * the container name and the command's argv, exactly as the API server receives them in the
 * `pods/<name>/exec?command=…&container=…` request.
 */
export interface ExecRequest {
  namespace: string;
  pod: JsonObject;
  container: string;
  command: string[];
  stdin: boolean;
  tty: boolean;
}

/** The exec session's streams: what the container reads and writes. */
export interface ExecIO {
  /** The client's stdin, when it sent one (`kubectl exec -i`); ends when the client closes it. */
  stdin?: NodeJS.ReadableStream;
  stdout(chunk: Buffer): void;
  stderr(chunk: Buffer): void;
}

/**
 * Runs the command in the container and resolves with its exit code; the stand-in reports a
 * non-zero code on the error channel the way the kubelet does (`NonZeroExitCode`). A rejection
 * is reported as an internal error of the exec session.
 */
export type ExecHandler = (request: ExecRequest, io: ExecIO) => Promise<number>;
