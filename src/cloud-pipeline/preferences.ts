import { type Call, listOf, objectOf, optionalStringIn, stringIn } from './answer.js';
import type { ApiTransport } from './transport.js';
import type { Preference } from './types.js';

/** System preferences: `GET /preferences`, `POST /preferences` (an array body). */
export class PreferencesApi {
  constructor(private readonly api: ApiTransport) {}

  /** Stored preferences and every system preference at its default (those have no createdDate, and no value when null). */
  async list(): Promise<Preference[]> {
    const call: Call = { method: 'GET', path: '/preferences' };
    return listOf(call, await this.api.request<unknown>(call.method, call.path), 'preferences', (entry, index) => {
      const preference = objectOf(call, entry, `preferences[${index}]`);
      return {
        ...preference,
        name: stringIn(call, preference, 'name', `preferences[${index}]`),
        value: optionalStringIn(call, preference, 'value', `preferences[${index}]`) ?? '',
        visible: preference.visible === true,
      };
    });
  }

  /** Creates or updates the given preferences in one call (Preference fields only). */
  update(preferences: Preference[]): Promise<unknown> {
    const body = preferences.map(({ name, value, visible, type, preferenceGroup, description }) => ({ name, value, visible, type, preferenceGroup, description }));
    return this.api.request('POST', '/preferences', { body });
  }
}
