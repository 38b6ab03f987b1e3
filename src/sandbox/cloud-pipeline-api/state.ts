import type { DataStorage, MetadataValue, Preference, Role, Tool } from '../../cloud-pipeline/types.js';

/** A business error the API reports in its envelope (`status: ERROR`) with this HTTP status. */
export class ApiFailure extends Error {
  constructor(
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
  }
}

export interface UserRecord {
  id: number;
  userName: string;
  roleIds: number[];
  defaultStorageId?: number;
}

export interface StorageRecord extends DataStorage {
  /** Folder paths without leading or trailing slash. */
  folders: Set<string>;
}

/** The in-memory Cloud Pipeline: everything the stand-in serves. */
export class CloudPipelineState {
  readonly users = new Map<number, UserRecord>();
  readonly roles: Role[] = [
    { id: 1, name: 'ROLE_ADMIN', predefined: true, userDefault: false },
    { id: 2, name: 'ROLE_USER', predefined: true, userDefault: true },
    { id: 3, name: 'ROLE_ANONYMOUS_USER', predefined: true, userDefault: false },
  ];
  readonly storages = new Map<number, StorageRecord>();
  readonly preferences = new Map<string, Preference>();
  readonly tools = new Map<number, Tool>();
  readonly icons = new Map<number, Buffer>();
  readonly metadata = new Map<string, Record<string, MetadataValue>>();
  /** Tokens issued by `/user/token`, to the user they stand for. */
  readonly tokens = new Map<string, string>();
  private nextId = { user: 2, role: 4, storage: 1, tool: 1 };

  constructor() {
    this.users.set(1, { id: 1, userName: 'PIPE_ADMIN', roleIds: [1] });
  }

  userByName(name: string): UserRecord | undefined {
    const wanted = name.toUpperCase();
    for (const user of this.users.values()) if (user.userName.toUpperCase() === wanted) return user;
    return undefined;
  }

  requireUser(id: number): UserRecord {
    const user = this.users.get(id);
    if (!user) throw new ApiFailure(404, `User with id ${id} not found`);
    return user;
  }

  roleByName(name: string): Role | undefined {
    return this.roles.find((role) => role.name === name);
  }

  /** The user as the API shows it (roles expanded). */
  showUser(user: UserRecord) {
    return {
      id: user.id,
      userName: user.userName,
      roles: user.roleIds.map((id) => this.roles.find((role) => role.id === id)).filter((role) => role !== undefined),
      groups: [],
      defaultStorageId: user.defaultStorageId ?? null,
      blocked: false,
      attributes: {},
    };
  }

  /**
   * `POST /user`. As upstream (`tryInitUserDefaultStorage`): with `storage.user.home.auto` and no
   * explicit default storage, creates the home storage from `storage.user.home.template` (or
   * `@@-home`), unless a storage with that name or path exists, and makes the user its owner.
   */
  createUser(userName: string, roleIds: number[] | undefined, defaultStorageId?: number): UserRecord {
    if (this.userByName(userName)) throw new ApiFailure(409, `User with name '${userName}' already exists`);
    for (const id of roleIds ?? []) {
      if (!this.roles.some((role) => role.id === id)) throw new ApiFailure(404, `Role with id ${id} not found`);
    }
    const defaults = this.roles.filter((role) => role.userDefault).map((role) => role.id);
    const user: UserRecord = { id: this.nextId.user++, userName, roleIds: [...new Set([...defaults, ...(roleIds ?? [])])] };
    if (defaultStorageId !== undefined) {
      if (!this.storages.has(defaultStorageId)) throw new ApiFailure(404, `Data storage with id ${defaultStorageId} not found`);
      user.defaultStorageId = defaultStorageId;
    } else if (this.preferences.get('storage.user.home.auto')?.value === 'true') {
      const vo = this.homeStorageFor(userName);
      const taken = [...this.storages.values()].some((s) => s.name === vo.name || (vo.path !== undefined && s.path === vo.path));
      if (!taken) user.defaultStorageId = this.createStorage(vo, userName).id;
    }
    this.users.set(user.id, user);
    return user;
  }

  /** The DataStorageVO of a user's home storage, as upstream derives it. */
  homeStorageFor(userName: string): Record<string, unknown> & { name: string; path?: string } {
    const template = this.preferences.get('storage.user.home.template')?.value;
    if (template) {
      const parsed = JSON.parse(template.split('@@').join(userName)) as { datastorage?: { name?: string } };
      if (parsed.datastorage?.name) return parsed.datastorage as { name: string };
    }
    return { name: `${userName}-home`, path: `${userName}-home`, description: `Home folder for user ${userName}` };
  }

  /** `POST /datastorage/save`: names and paths are unique. */
  createStorage(vo: Record<string, unknown>, owner: string): StorageRecord {
    const name = typeof vo.name === 'string' ? vo.name : '';
    if (name === '') throw new ApiFailure(400, 'Data storage name is required');
    const path = typeof vo.path === 'string' && vo.path !== '' ? vo.path : name;
    for (const existing of this.storages.values()) {
      if (existing.name === name || existing.path === path) {
        throw new ApiFailure(409, `Data storage with name or path '${name}' already exists`);
      }
    }
    const storage: StorageRecord = {
      serviceType: 'OBJECT_STORAGE',
      type: 'S3',
      ...vo,
      id: this.nextId.storage++,
      name,
      path,
      owner,
      folders: new Set(),
    };
    this.storages.set(storage.id, storage);
    return storage;
  }

  findStorage(idOrName: string): StorageRecord | undefined {
    if (/^\d+$/.test(idOrName)) {
      const byId = this.storages.get(Number(idOrName));
      if (byId) return byId;
    }
    for (const storage of this.storages.values()) if (storage.name === idOrName || storage.path === idOrName) return storage;
    return undefined;
  }

  requireStorage(id: number): StorageRecord {
    const storage = this.storages.get(id);
    if (!storage) throw new ApiFailure(404, `Data storage with id ${id} not found`);
    return storage;
  }

  createRole(name: string): Role {
    const full = name.startsWith('ROLE_') ? name : `ROLE_${name}`;
    if (this.roleByName(full)) throw new ApiFailure(409, `Role '${full}' already exists`);
    const role: Role = { id: this.nextId.role++, name: full, predefined: false, userDefault: false };
    this.roles.push(role);
    return role;
  }

  registerTool(vo: Tool | Omit<Tool, 'id'>): Tool {
    if (this.findTool(vo.registry, vo.image)) throw new ApiFailure(409, `Tool '${vo.registry}/${vo.image}' already exists`);
    const tool: Tool = { ...vo, id: this.nextId.tool++, hasIcon: false };
    this.tools.set(tool.id, tool);
    return tool;
  }

  /** A tool by registry and image; `image` may carry the registry prefix, never a tag. */
  findTool(registry: string | undefined, image: string): Tool | undefined {
    for (const tool of this.tools.values()) {
      const full = `${tool.registry}/${tool.image}`;
      if (image === full || (tool.image === image && (registry === undefined || registry === tool.registry))) return tool;
    }
    return undefined;
  }

  /** Adds `count` ordinary users named USER0001…, each with a home storage when `withHome`. */
  seedUsers(count: number, withHome: boolean): void {
    const width = Math.max(4, String(count).length);
    for (let i = 1; i <= count; i++) {
      const name = `USER${String(i).padStart(width, '0')}`;
      if (this.userByName(name)) continue;
      const user = this.createUser(name, undefined);
      if (withHome && user.defaultStorageId === undefined) {
        user.defaultStorageId = this.createStorage(this.homeStorageFor(name), name).id;
      }
    }
  }
}
