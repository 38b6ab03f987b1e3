import { CloudPipelineError } from './errors.js';
import type { ApiTransport } from './transport.js';
import type { PipelineUser, PipelineUserVO } from './types.js';

/** Users: `/user`, `/users`, `/user/{id}`, `/user/{id}/update`, `/user/token`, `/whoami`. */
export class UsersApi {
  constructor(private readonly api: ApiTransport) {}

  /** The user called `name`, or undefined when there is none (`GET /user?name=`). */
  async find(name: string): Promise<PipelineUser | undefined> {
    try {
      return await this.api.request<PipelineUser>('GET', '/user', { query: { name } });
    } catch (error) {
      if (error instanceof CloudPipelineError && error.notFound) return undefined;
      throw error;
    }
  }

  /** Every user (`GET /users`). */
  list(): Promise<PipelineUser[]> {
    return this.api.request<PipelineUser[]>('GET', '/users');
  }

  get(id: number): Promise<PipelineUser> {
    return this.api.request<PipelineUser>('GET', `/user/${id}`);
  }

  /** `POST /user`; with `storage.user.home.auto` the API also creates the home storage. */
  create(user: PipelineUserVO): Promise<PipelineUser> {
    return this.api.request<PipelineUser>('POST', '/user', { body: user });
  }

  /** `PUT /user/{id}` (e.g. to set the default storage). */
  update(id: number, user: PipelineUserVO): Promise<PipelineUser> {
    return this.api.request<PipelineUser>('PUT', `/user/${id}`, { body: user });
  }

  /** Replaces the user's roles (`POST /user/{id}/update?roleIds=`). */
  setRoles(id: number, roleIds: number[]): Promise<PipelineUser> {
    return this.api.request<PipelineUser>('POST', `/user/${id}/update`, { query: { roleIds: roleIds.join(',') } });
  }

  /** A token for `name` (admin only), or for the caller when no name is given. Keep it secret. */
  async token(name?: string, expirationSeconds?: number): Promise<string> {
    const payload = await this.api.request<{ token: string }>('GET', '/user/token', {
      query: { name, expiration: expirationSeconds },
    });
    return payload.token;
  }

  /** The user the token belongs to. */
  whoami(): Promise<PipelineUser> {
    return this.api.request<PipelineUser>('GET', '/whoami');
  }
}
