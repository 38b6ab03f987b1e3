import { ApiFailure, type UserRecord } from './state.js';
import { type Route, type RouteContext, idList, idParam, requireQuery } from './router.js';

interface UserBody {
  userName?: unknown;
  roleIds?: unknown;
  defaultStorageId?: unknown;
}

function roleIdsOf(body: UserBody): number[] | undefined {
  if (body.roleIds === undefined || body.roleIds === null) return undefined;
  if (!Array.isArray(body.roleIds) || body.roleIds.some((id) => !Number.isInteger(id))) {
    throw new ApiFailure(400, 'roleIds must be an array of numbers');
  }
  return body.roleIds as number[];
}

function storageIdOf(context: RouteContext, body: UserBody): number | undefined {
  if (body.defaultStorageId === undefined || body.defaultStorageId === null) return undefined;
  if (!Number.isInteger(body.defaultStorageId)) throw new ApiFailure(400, 'defaultStorageId must be a number');
  return context.state.requireStorage(body.defaultStorageId as number).id;
}

const show = (context: RouteContext, user: UserRecord) => context.state.showUser(user);

/** `/user`, `/users`, `/user/{id}`, `/user/{id}/update`, `/user/token`, `/whoami`. */
export const userRoutes: Route[] = [
  { method: 'GET', path: '/whoami', mutating: false, handle: (c) => show(c, c.caller) },
  {
    method: 'GET',
    path: '/user',
    mutating: false,
    handle: (c) => {
      const name = requireQuery(c.query, 'name');
      const user = c.state.userByName(name);
      if (!user) throw new ApiFailure(404, `User with name '${name}' not found`);
      return show(c, user);
    },
  },
  { method: 'GET', path: '/users', mutating: false, handle: (c) => [...c.state.users.values()].map((u) => show(c, u)) },
  {
    method: 'GET',
    path: '/user/token',
    mutating: false,
    handle: (c) => {
      const name = c.query.get('name');
      if (name === null || name === '') return { token: c.issueToken(c.caller.userName) };
      if (!c.caller.roleIds.includes(1)) throw new ApiFailure(403, 'Access is denied');
      const user = c.state.userByName(name);
      if (!user) throw new ApiFailure(404, `User with name '${name}' not found`);
      return { token: c.issueToken(user.userName) };
    },
  },
  { method: 'GET', path: '/user/{id}', mutating: false, handle: (c) => show(c, c.state.requireUser(idParam(c.params))) },
  {
    method: 'POST',
    path: '/user',
    mutating: true,
    adminOnly: true,
    handle: (c) => {
      const body = (c.json() ?? {}) as UserBody;
      if (typeof body.userName !== 'string' || body.userName.trim() === '') throw new ApiFailure(400, 'User name is required');
      return show(c, c.state.createUser(body.userName, roleIdsOf(body), storageIdOf(c, body)));
    },
  },
  {
    method: 'PUT',
    path: '/user/{id}',
    mutating: true,
    adminOnly: true,
    handle: (c) => {
      const user = c.state.requireUser(idParam(c.params));
      const body = (c.json() ?? {}) as UserBody;
      const roleIds = roleIdsOf(body);
      const storageId = storageIdOf(c, body);
      if (roleIds) user.roleIds = [...new Set(roleIds)];
      if (storageId !== undefined) user.defaultStorageId = storageId;
      return show(c, user);
    },
  },
  {
    method: 'POST',
    path: '/user/{id}/update',
    mutating: true,
    adminOnly: true,
    handle: (c) => {
      const user = c.state.requireUser(idParam(c.params));
      const roleIds = idList(c.query, 'roleIds');
      for (const id of roleIds) if (!c.state.roles.some((role) => role.id === id)) throw new ApiFailure(404, `Role with id ${id} not found`);
      user.roleIds = [...new Set(roleIds)];
      return show(c, user);
    },
  },
];
