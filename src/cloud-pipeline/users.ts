import { type Call, listOf, objectOf, stringIn, userOf } from './answer.js';
import { CloudPipelineError } from './errors.js';
import type { ApiTransport } from './transport.js';
import type { PipelineUser, PipelineUserVO } from './types.js';

/** Users: `/user`, `/users`, `/user/{id}`, `/user/{id}/update`, `/user/token`, `/whoami`. */
export class UsersApi {
  constructor(private readonly api: ApiTransport) {}

  /**
   * The user called `name` (the API compares names case-insensitively), or undefined when there
   * is none (`GET /user?name=`; an all-digit name would be read as an id, so none is sent).
   */
  async find(name: string): Promise<PipelineUser | undefined> {
    const call: Call = { method: 'GET', path: '/user' };
    try {
      const user = userOf(call, await this.api.request<unknown>(call.method, call.path, { query: { name } }));
      return user.userName.toUpperCase() === name.trim().toUpperCase() ? user : undefined;
    } catch (error) {
      if (error instanceof CloudPipelineError && error.notFound) return undefined;
      throw error;
    }
  }

  /** Every user (`GET /users`). */
  async list(): Promise<PipelineUser[]> {
    const call: Call = { method: 'GET', path: '/users' };
    return listOf(call, await this.api.request<unknown>(call.method, call.path), 'users', (user, index) => userOf(call, user, `users[${index}]`));
  }

  async get(id: number): Promise<PipelineUser> {
    const call: Call = { method: 'GET', path: `/user/${id}` };
    return userOf(call, await this.api.request<unknown>(call.method, call.path));
  }

  /** `POST /user`: the API upper-cases the name; with `storage.user.home.auto` it also creates the home storage. */
  async create(user: PipelineUserVO): Promise<PipelineUser> {
    const call: Call = { method: 'POST', path: '/user' };
    return userOf(call, await this.api.request<unknown>(call.method, call.path, { body: user }));
  }

  /** `PUT /user/{id}`: only defaultStorageId is used, and an absent one clears it (`UserManager.java:407-415`). */
  async update(id: number, user: PipelineUserVO): Promise<PipelineUser> {
    const call: Call = { method: 'PUT', path: `/user/${id}` };
    return userOf(call, await this.api.request<unknown>(call.method, call.path, { body: user }));
  }

  /** Replaces every role of the user (`POST /user/{id}/update?roleIds=`); ROLE_USER is not re-added. */
  async setRoles(id: number, roleIds: number[]): Promise<PipelineUser> {
    const call: Call = { method: 'POST', path: `/user/${id}/update` };
    return userOf(call, await this.api.request<unknown>(call.method, call.path, { query: { roleIds: roleIds.join(',') } }));
  }

  /** A token for `name` (admin only), or for the caller when no name is given. Keep it secret. */
  async token(name?: string, expirationSeconds?: number): Promise<string> {
    const call: Call = { method: 'GET', path: '/user/token' };
    const payload = objectOf(call, await this.api.request<unknown>(call.method, call.path, { query: { name, expiration: expirationSeconds } }), 'token');
    return stringIn(call, payload, 'token', 'payload');
  }

  /** The user the token belongs to. */
  async whoami(): Promise<PipelineUser> {
    const call: Call = { method: 'GET', path: '/whoami' };
    return userOf(call, await this.api.request<unknown>(call.method, call.path));
  }
}
