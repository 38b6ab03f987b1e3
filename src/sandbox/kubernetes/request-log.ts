import { isMutatingAttempt } from '../mutating.js';

/** One request as the stand-in saw it. */
export interface RequestRecord {
  method: string;
  path: string;
  /** The raw query string, without `?`. */
  query: string;
  contentType: string;
  status: number;
  /** True when the request carried `dryRun=All`. */
  dryRun: boolean;
}

/** `pods/<name>/exec`, whatever the method (GET for WebSocket, POST for SPDY). */
function isExec(record: RequestRecord): boolean {
  return /\/pods\/[^/]+\/exec$/.test(record.path);
}

/**
 * A mutating request as src/sandbox/mutating.ts defines it: every POST, PUT, PATCH or DELETE
 * attempt, whatever the answer. Reads by contract: a `dryRun=All` request (the server persists
 * nothing) and an access review (`kubectl auth can-i`: a POST that stores nothing). An exec runs a
 * command in the container, which may change it (an nginx reload is a change), so it counts once
 * the connection was upgraded (101), whether sent as GET (WebSocket) or POST (SPDY); a refused
 * upgrade (403, 404, 400; kubectl 1.30+'s WebSocket probe on a 1.15 server) ran nothing.
 */
function isMutating(record: RequestRecord): boolean {
  if (isExec(record)) return record.status === 101;
  return isMutatingAttempt(record.method, record.dryRun || record.path.endsWith('/selfsubjectaccessreviews'));
}

/** Every request served, in order (the `/_sandbox/...` endpoints excluded). */
export class RequestLog {
  private records: RequestRecord[] = [];

  /** Adds a served request. */
  add(record: RequestRecord): void {
    this.records.push(record);
  }

  /** Copies of all records. */
  all(): RequestRecord[] {
    return this.records.map((record) => ({ ...record }));
  }

  /** The requests that could change state (see `isMutating`). */
  mutating(): RequestRecord[] {
    return this.all().filter(isMutating);
  }

  /** Forgets every record (a test marks the start of the phase it counts). */
  clear(): void {
    this.records = [];
  }
}
