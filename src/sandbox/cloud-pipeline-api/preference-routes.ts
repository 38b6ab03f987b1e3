import type { Preference } from './dtos.js';
import { PREFERENCE } from './dtos.js';
import { ApiFailure } from './failure.js';
import { type Route, idList, idParam, requireQuery } from './router.js';
import { systemPreference } from './system-preferences.js';

/**
 * `PreferenceManager.update` (`PreferenceManager.java:75-87`): every name given, every system
 * preference valid (`SystemPreferences.validate`, :1589-1598), a preference unknown to the
 * system typed (:105-111); the batch is checked before any is stored.
 */
function checkPreferences(items: Preference[]): Preference[] {
  if (!items.every((item) => typeof item.name === 'string' && item.name.trim() !== '')) throw new ApiFailure(200, 'No name is specified for preference');
  for (const item of items) {
    const system = systemPreference(item.name);
    if (system?.validate && item.value !== undefined && item.value !== null && !system.validate(String(item.value))) {
      throw new ApiFailure(200, `Preference '${item.name}' contains invalid value '${String(item.value)}'`);
    }
    if (!system && (item.type === undefined || item.type === null)) throw new ApiFailure(200, 'No preference type specified');
  }
  return items.map((item) => ({ ...item, value: item.value === undefined || item.value === null ? (undefined as unknown as string) : String(item.value), visible: item.visible === true }));
}

/** `/preferences` and `/role/*`. */
export const preferenceRoutes: Route[] = [
  { method: 'GET', path: '/preferences', mutating: false, handle: (c) => c.state.allPreferences() },
  {
    method: 'GET',
    path: '/preferences/{name}',
    mutating: false,
    handle: (c) => {
      const preference = c.state.allPreferences().find((p) => p.name === c.params.name);
      if (!preference) throw new ApiFailure(200, `Preference with name '${c.params.name}' not found`);
      return preference;
    },
  },
  {
    method: 'POST',
    path: '/preferences',
    mutating: true,
    adminOnly: true,
    handle: (c) => checkPreferences(c.bodyList<Preference>(PREFERENCE)).map((preference) => c.state.storePreference(preference)),
  },
  {
    method: 'DELETE',
    path: '/preferences/{name}',
    mutating: true,
    adminOnly: true,
    handle: (c) => {
      const name = c.params.name ?? '';
      const preference = c.state.preferences.get(name);
      if (!preference) throw new ApiFailure(200, `Preference with name '${name}' not found`);
      c.state.preferences.delete(name);
      return preference;
    },
  },
  { method: 'GET', path: '/role/loadAll', mutating: false, handle: (c) => c.state.roles },
  {
    method: 'POST',
    path: '/role/create',
    mutating: true,
    adminOnly: true,
    handle: (c) => c.state.createRole(requireQuery(c.query, 'roleName')),
  },
  {
    method: 'POST',
    path: '/role/{id}/assign',
    mutating: true,
    adminOnly: true,
    handle: (c) => {
      const roleId = idParam(c.params);
      const role = c.state.roles.find((r) => r.id === roleId);
      if (!role) throw new ApiFailure(200, `Failed to find role by id '${roleId}'.`);
      for (const userId of idList(c.query, 'userIds')) {
        const user = c.state.requireUser(userId);
        if (!user.roleIds.includes(roleId)) user.roleIds.push(roleId);
      }
      return role;
    },
  },
];
