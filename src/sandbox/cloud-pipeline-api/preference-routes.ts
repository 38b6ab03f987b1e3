import { ApiFailure } from './state.js';
import { type Route, idList, idParam, requireQuery } from './router.js';
import type { Preference } from '../../cloud-pipeline/types.js';

const TYPES = new Set(['STRING', 'INTEGER', 'FLOAT', 'BOOLEAN', 'OBJECT']);

function checkPreference(item: Partial<Preference>): Preference {
  if (typeof item.name !== 'string' || item.name === '') throw new ApiFailure(400, 'Preference name is required');
  if (typeof item.value !== 'string') throw new ApiFailure(400, `Preference '${item.name}' value must be a string`);
  const type = item.type ?? 'STRING';
  if (!TYPES.has(type)) throw new ApiFailure(400, `Preference '${item.name}' has unknown type ${type}`);
  if (type === 'BOOLEAN' && !/^(true|false)$/.test(item.value)) throw new ApiFailure(400, `Preference '${item.name}' must be true or false`);
  if (type === 'OBJECT') {
    try {
      JSON.parse(item.value);
    } catch {
      throw new ApiFailure(400, `Preference '${item.name}' must be JSON`);
    }
  }
  return { name: item.name, value: item.value, visible: item.visible ?? false, type, preferenceGroup: item.preferenceGroup, description: item.description };
}

/** `/preferences` and `/role/*`. */
export const preferenceRoutes: Route[] = [
  { method: 'GET', path: '/preferences', mutating: false, handle: (c) => [...c.state.preferences.values()] },
  {
    method: 'GET',
    path: '/preferences/{name}',
    mutating: false,
    handle: (c) => {
      const preference = c.state.preferences.get(c.params.name ?? '');
      if (!preference) throw new ApiFailure(404, `Preference '${c.params.name}' not found`);
      return preference;
    },
  },
  {
    method: 'POST',
    path: '/preferences',
    mutating: true,
    adminOnly: true,
    handle: (c) => {
      const body = c.json();
      if (!Array.isArray(body)) throw new ApiFailure(400, 'An array of preferences is expected');
      // Validate all first: the API applies a batch all-or-nothing.
      const checked = (body as Partial<Preference>[]).map(checkPreference);
      for (const preference of checked) c.state.preferences.set(preference.name, preference);
      return checked;
    },
  },
  {
    method: 'DELETE',
    path: '/preferences/{name}',
    mutating: true,
    adminOnly: true,
    handle: (c) => {
      const name = c.params.name ?? '';
      const preference = c.state.preferences.get(name);
      if (!preference) throw new ApiFailure(404, `Preference '${name}' not found`);
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
      if (!role) throw new ApiFailure(404, `Role with id ${roleId} not found`);
      for (const userId of idList(c.query, 'userIds')) {
        const user = c.state.requireUser(userId);
        if (!user.roleIds.includes(roleId)) user.roleIds.push(roleId);
      }
      return role;
    },
  },
];
