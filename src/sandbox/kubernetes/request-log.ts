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

/**
 * True for a request that could change state: POST, PUT, PATCH or DELETE without dryRun. An
 * access review (`kubectl auth can-i`) is a POST that stores nothing, so it does not count.
 */
export function isMutating(record: RequestRecord): boolean {
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
