import type { ApiTransport } from './transport.js';
import type { Role } from './types.js';

/** Roles and groups: `/role/loadAll`, `/role/{id}/assign`. */
export class RolesApi {
  constructor(private readonly api: ApiTransport) {}

  /** Every role (`GET /role/loadAll?loadUsers=false`). */
  list(): Promise<Role[]> {
    return this.api.request<Role[]>('GET', '/role/loadAll', { query: { loadUsers: false } });
  }

  /** Adds users to a role (`POST /role/{id}/assign?userIds=`). */
  assign(roleId: number, userIds: number[]): Promise<Role> {
    return this.api.request<Role>('POST', `/role/${roleId}/assign`, { query: { userIds: userIds.join(',') } });
  }
}
