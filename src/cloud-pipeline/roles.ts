import { type Call, listOf, roleOf } from './answer.js';
import type { ApiTransport } from './transport.js';
import type { Role } from './types.js';

/** Roles and groups: `/role/loadAll`, `/role/{id}/assign`. */
export class RolesApi {
  constructor(private readonly api: ApiTransport) {}

  /** Every role (`GET /role/loadAll?loadUsers=false`). */
  async list(): Promise<Role[]> {
    const call: Call = { method: 'GET', path: '/role/loadAll' };
    return listOf(call, await this.api.request<unknown>(call.method, call.path, { query: { loadUsers: false } }), 'roles', (role, index) => roleOf(call, role, `roles[${index}]`));
  }

  /** Adds users to a role (`POST /role/{id}/assign?userIds=`). */
  assign(roleId: number, userIds: number[]): Promise<unknown> {
    return this.api.request('POST', `/role/${roleId}/assign`, { query: { userIds: userIds.join(',') } });
  }
}
