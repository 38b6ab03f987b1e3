import { PIPELINE_USER_VO } from './dtos.js';
import { ApiFailure } from './failure.js';
import { type Route, type RouteContext, idList, idParam, requireQuery } from './router.js';
import type { UserRecord } from './state.js';

interface UserBody {
  userName?: string;
  roleIds?: (number | string)[] | null;
  defaultStorageId?: number | string | null;
}

const show = (context: RouteContext, user: UserRecord) => context.state.showUser(user);
const numberOrUndefined = (value: number | string | null | undefined) => (value === undefined || value === null ? undefined : Number(value));

/** `/user`, `/users`, `/user/{id}`, `/user/{id}/update`, `/user/token`, `/whoami` (`controller/user/UserController.java`). */
export const userRoutes: Route[] = [
  { method: 'GET', path: '/whoami', mutating: false, handle: (c) => show(c, c.caller) },
  {
    // `UserApiService.loadUserByName` -> `UserManager.loadByNameOrId` (UserApiService.java:136-140).
    method: 'GET',
    path: '/user',
    mutating: false,
    handle: (c) => show(c, c.state.userByNameOrId(requireQuery(c.query, 'name'))),
  },
  { method: 'GET', path: '/users', mutating: false, handle: (c) => [...c.state.users.values()].map((u) => show(c, u)) },
  {
    // UserController.java:77-92: a token for the caller, or (admin only) for `name`; `expiration` in seconds.
    method: 'GET',
    path: '/user/token',
    mutating: false,
    handle: (c) => {
      const name = c.query.get('name');
      const expiration = c.query.get('expiration');
      if (expiration !== null && !/^\d+$/.test(expiration)) throw new ApiFailure(200, `Failed to convert value of type 'java.lang.String' to required type 'java.lang.Long'`);
      const seconds = expiration === null ? undefined : Number(expiration);
      if (name === null || name === '') return { token: c.state.issueToken(c.caller, seconds) };
      if (!c.callerRoles.includes('ROLE_ADMIN')) throw new ApiFailure(200, 'Access is denied');
      const user = c.state.userByName(name);
      if (!user) throw new ApiFailure(200, `User with name '${name}' not found`);
      return { token: c.state.issueToken(user, seconds) };
    },
  },
  { method: 'GET', path: '/user/{id}', mutating: false, handle: (c) => show(c, c.state.requireUser(idParam(c.params))) },
  {
    method: 'POST',
    path: '/user',
    mutating: true,
    adminOnly: true,
    handle: (c) => {
      const body = c.body<UserBody>(PIPELINE_USER_VO);
      return show(c, c.state.createUser(String(body.userName ?? ''), body.roleIds?.map(Number), numberOrUndefined(body.defaultStorageId)));
    },
  },
  {
    // UserManager.updateUser (UserManager.java:407-415): only defaultStorageId is used; absent clears it.
    method: 'PUT',
    path: '/user/{id}',
    mutating: true,
    adminOnly: true,
    handle: (c) => {
      const user = c.state.requireUser(idParam(c.params));
      const storageId = numberOrUndefined(c.body<UserBody>(PIPELINE_USER_VO).defaultStorageId);
      if (storageId !== undefined) c.state.requireStorage(storageId);
      if (storageId === undefined) delete user.defaultStorageId;
      else user.defaultStorageId = storageId;
      return show(c, user);
    },
  },
  {
    // UserManager.updateUserRoles (UserManager.java:724-730): every role replaced, ROLE_USER not re-added.
    method: 'POST',
    path: '/user/{id}/update',
    mutating: true,
    adminOnly: true,
    handle: (c) => {
      const user = c.state.requireUser(idParam(c.params));
      const roleIds = idList(c.query, 'roleIds');
      for (const id of roleIds) if (!c.state.roles.some((role) => role.id === id)) throw new ApiFailure(200, `Failed to find role by id '${id}'.`);
      user.roleIds = [...new Set(roleIds)];
      return show(c, user);
    },
  },
];
