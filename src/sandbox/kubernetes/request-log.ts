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

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `pods/<name>/exec`, whatever the method (GET for WebSocket, POST for SPDY). */
export function isExec(record: RequestRecord): boolean {
  return /\/pods\/[^/]+\/exec$/.test(record.path);
}

/**
 * True for a request that could change state: POST, PUT, PATCH or DELETE without dryRun. An
 * access review (`kubectl auth can-i`) is a POST that stores nothing, so it does not count. An
 * exec counts when the connection was upgraded (status 101), whether sent as GET or POST: the
 * command ran in the container and may have changed it (an nginx reload is a change). Refused
 * upgrades (403, 404, 400; kubectl 1.30+'s WebSocket probe on a 1.15 server) change nothing.
 */
export function isMutating(record: RequestRecord): boolean {
  if (isExec(record)) return record.status === 101;
  return MUTATING.has(record.method) && !record.dryRun && !record.path.endsWith('/selfsubjectaccessreviews');
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
