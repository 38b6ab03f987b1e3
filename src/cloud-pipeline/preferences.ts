import type { ApiTransport } from './transport.js';
import type { Preference } from './types.js';

/** System preferences: `GET /preferences`, `POST /preferences` (an array body). */
export class PreferencesApi {
  constructor(private readonly api: ApiTransport) {}

  list(): Promise<Preference[]> {
    return this.api.request<Preference[]>('GET', '/preferences');
  }

  /** Creates or updates the given preferences in one call. */
  update(preferences: Preference[]): Promise<Preference[]> {
    return this.api.request<Preference[]>('POST', '/preferences', { body: preferences });
  }
}
