import { randomBytes } from 'node:crypto';

/**
 * The entries of the runner's cache service, shared by both protocols (v1.ts, v2.ts) and the
 * blob storage the archives go to (blob.ts). One scope only: the real service also scopes
 * entries by branch, which a single job never sees.
 */
export interface CacheEntry {
  id: number;
  key: string;
  /** @actions/cache's digest of the paths and the compression (lib/internal/cacheUtils.js:157-172). */
  version: string;
  /** The archive as uploaded so far (Put Blob, Put Block List, or v1's ranged PATCHes). */
  data: Buffer;
  /** Put Block: staged, not yet part of `data` until a Put Block List names them. */
  blocks: Map<string, Buffer>;
  /** The `sig` of the entry's signed blob URL; a blob request without it is refused. */
  signature: string;
  /** Visible to look-ups only once the upload was finalized (v2) or committed (v1). */
  finalized: boolean;
  /** Order of creation: the newest of several prefix matches wins. */
  created: number;
}

export class CacheEntries {
  private readonly entries: CacheEntry[] = [];

  /** A new entry for `key` and `version`; undefined when one exists already (finalized or not). */
  create(key: string, version: string): CacheEntry | undefined {
    if (this.entries.some((entry) => entry.key === key && entry.version === version)) return undefined;
    const entry: CacheEntry = {
      id: this.entries.length + 1,
      key,
      version,
      data: Buffer.alloc(0),
      blocks: new Map(),
      signature: randomBytes(12).toString('hex'),
      finalized: false,
      created: this.entries.length,
    };
    this.entries.push(entry);
    return entry;
  }

  byId(id: number): CacheEntry | undefined {
    return this.entries.find((entry) => entry.id === id);
  }

  /** The entry being uploaded for `key` and `version` (created, not finalized). */
  pending(key: string, version: string): CacheEntry | undefined {
    return this.entries.find((entry) => entry.key === key && entry.version === version && !entry.finalized);
  }

  /**
   * The entry a look-up restores, by GitHub's documented rule ("Matching a cache key"): for each
   * key in order (the primary key, then the restore keys), an exact match of key and version,
   * else the newest entry of that version whose key starts with it. Unfinalized entries are
   * invisible.
   */
  match(keys: readonly string[], version: string): CacheEntry | undefined {
    const candidates = this.entries.filter((entry) => entry.finalized && entry.version === version);
    for (const key of keys) {
      const exact = candidates.find((entry) => entry.key === key);
      if (exact) return exact;
      const prefixed = candidates.filter((entry) => entry.key.startsWith(key)).sort((a, b) => b.created - a.created);
      if (prefixed[0]) return prefixed[0];
    }
    return undefined;
  }

  /** Every entry, for tests. */
  list(): readonly CacheEntry[] {
    return this.entries;
  }
}
