import type { PipeConfValue, Preference, Role, Tool } from './dtos.js';
import { ApiFailure } from './failure.js';
import { TokenAuthority } from './jwt.js';
import { homeStorageVO, type StorageRecord, createStorageRecord } from './storage-model.js';
import { defaultPreference, SYSTEM_PREFERENCES, systemPreference } from './system-preferences.js';
import { ToolModel } from './tool-model.js';

export type { StorageRecord } from './storage-model.js';
export { ApiFailure } from './failure.js';

export interface UserRecord {
  id: number;
  userName: string;
  roleIds: number[];
  defaultStorageId?: number;
  groups?: string[];
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
  /** Stored preferences (each with a createdDate); system defaults are added on read. */
  readonly preferences = new Map<string, Preference & { createdDate?: string }>();
  readonly metadata = new Map<string, Record<string, PipeConfValue>>();
  /** Every token issued so far, to the user it stands for (for assertions; the JWT itself is checked). */
  readonly tokens = new Map<string, string>();
  /** Grants made with `/grant` and home templates: `aclClass:id` -> userName -> mask. */
  readonly permissions = new Map<string, Map<string, number>>();
  /** Folder ids that exist (`/folder/{id}/load`); none unless a test adds some. */
  readonly folders = new Set<number>();
  /** File share mounts NFS storages may use (`fileShareMountId`). */
  readonly fileShareMounts = new Set<number>([1]);
  readonly authority = new TokenAuthority();
  readonly toolModel: ToolModel;
  private nextId = { user: 2, role: 4, storage: 1 };

  constructor() {
    this.users.set(1, { id: 1, userName: 'PIPE_ADMIN', roleIds: [1] });
    this.toolModel = new ToolModel(() => this.numberPreference('misc.max.tool.icon.size.kb'));
  }

  get tools(): Map<number, Tool> {
    return this.toolModel.tools;
  }

  get icons(): Map<number, Buffer> {
    return this.toolModel.icons;
  }

  /** Case-insensitive, as the DAO's `WHERE LOWER(u.name) = LOWER(?)` (`dao/user-dao.xml`, loadUserByNameQuery). */
  userByName(name: string): UserRecord | undefined {
    const wanted = name.toLowerCase();
    for (const user of this.users.values()) if (user.userName.toLowerCase() === wanted) return user;
    return undefined;
  }

  /** `UserManager.loadByNameOrId` (`UserManager.java:474-483`): an all-digit identifier is an id. */
  userByNameOrId(identifier: string): UserRecord {
    const user = /^\d+$/.test(identifier) ? this.users.get(Number(identifier)) : this.userByName(identifier);
    if (!user) throw new ApiFailure(200, `User with identifier not found: ${identifier}`);
    return user;
  }

  requireUser(id: number): UserRecord {
    const user = this.users.get(id);
    if (!user) throw new ApiFailure(200, `Failed to find user by id '${id}'.`);
    return user;
  }

  roleByName(name: string): Role | undefined {
    return this.roles.find((role) => role.name === name);
  }

  roleNames(user: UserRecord): string[] {
    return user.roleIds.map((id) => this.roles.find((role) => role.id === id)?.name).filter((name): name is string => name !== undefined);
  }

  /** The user as the API shows it (roles expanded; NON_EMPTY drops what is empty). */
  showUser(user: UserRecord) {
    return {
      id: user.id,
      userName: user.userName,
      roles: user.roleIds.map((id) => this.roles.find((role) => role.id === id)).filter((role) => role !== undefined),
      groups: user.groups ?? [],
      defaultStorageId: user.defaultStorageId ?? null,
      blocked: false,
      attributes: {},
    };
  }

  /** A JWT for `user` with its roles as they are now (frozen in the token). */
  issueToken(user: UserRecord, expirationSeconds?: number): string {
    const lifetime = expirationSeconds ?? this.numberPreference('launch.jwt.token.expiration');
    const token = this.authority.issue({ id: user.id, userName: user.userName, roles: this.roleNames(user), groups: user.groups ?? [] }, lifetime);
    this.tokens.set(token, user.userName);
    return token;
  }

  /**
   * `POST /user` (`UserManager.java:155-201, 680-695, 732-740`): the name trimmed and upper-cased,
   * refused when taken; the given roles (or the default roles when none) plus ROLE_USER always;
   * then the given default storage, or the home storage when `storage.user.home.auto` is on
   * (a failing home creation is logged and swallowed, lines 194-200).
   */
  createUser(name: string, roleIds: number[] | undefined, defaultStorageId?: number): UserRecord {
    if (name.trim() === '') throw new ApiFailure(200, 'User name is required.');
    const userName = name.trim().toUpperCase();
    if (this.userByName(userName)) throw new ApiFailure(200, `User with name '${name}' already exists.`);
    for (const id of roleIds ?? []) {
      if (!this.roles.some((role) => role.id === id)) throw new ApiFailure(200, `Failed to find role by id '${id}'.`);
    }
    const given = roleIds && roleIds.length > 0 ? [...roleIds] : this.roles.filter((role) => role.userDefault).map((role) => role.id);
    if (!given.includes(2)) given.push(2);
    if (defaultStorageId !== undefined) this.requireStorage(defaultStorageId);
    const user: UserRecord = { id: this.nextId.user++, userName, roleIds: [...new Set(given)] };
    this.users.set(user.id, user);
    if (defaultStorageId !== undefined) user.defaultStorageId = defaultStorageId;
    else if (this.preferenceValue('storage.user.home.auto') === 'true') {
      try {
        const id = this.createHomeStorage(userName);
        if (id !== undefined) user.defaultStorageId = id;
      } catch {
        // swallowed as upstream does: the user exists without a home
      }
    }
    return user;
  }

  /** `DataStorageManager.createDefaultStorageForUser` (`DataStorageManager.java:483-521`). */
  private createHomeStorage(userName: string): number | undefined {
    const template = homeStorageVO(userName, this.preferenceValue('storage.user.home.template'), this.preferenceValue('storage.object.prefix'));
    const vo = template.datastorage;
    const clash = [...this.storages.values()].some((s) => s.name === vo.name || s.path === vo.path);
    if (clash) return undefined;
    if (typeof vo.parentFolderId === 'number' && !this.folders.has(vo.parentFolderId)) delete vo.parentFolderId;
    vo.serviceType ??= 'OBJECT_STORAGE';
    const storage = this.createStorage(vo, userName, { cloud: true, replacePath: true });
    if (Object.keys(template.metadata).length > 0) this.metadata.set(`DATA_STORAGE:${storage.id}`, { ...template.metadata });
    for (const permission of template.permissions) this.grant('DATA_STORAGE', storage.id, permission.userName ?? '', permission.mask ?? 0);
    return storage.id;
  }

  /** The home storage a new user would get, as upstream derives it (for seeding and tests). */
  homeStorageFor(userName: string): Record<string, unknown> & { name: string; path?: string } {
    return homeStorageVO(userName, this.preferenceValue('storage.user.home.template'), this.preferenceValue('storage.object.prefix')).datastorage;
  }

  /** `POST /datastorage/save` (`DataStorageManager.java:399-472`). */
  createStorage(vo: Record<string, unknown>, owner: string, options: { cloud?: boolean; replacePath?: boolean } = {}): StorageRecord {
    const storage = createStorageRecord(vo, owner, {
      id: this.nextId.storage,
      existing: [...this.storages.values()],
      objectPrefix: options.replacePath === false || options.cloud === false ? undefined : this.preferenceValue('storage.object.prefix'),
      fileShareMounts: this.fileShareMounts,
      folders: this.folders,
    });
    this.nextId.storage++;
    this.storages.set(storage.id, storage);
    return storage;
  }

  /** `loadByNameOrId`: an all-digit identifier is an id, else a name or a path. */
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
    if (!storage) throw new ApiFailure(200, `Error: data storage with id: '${id}' was not found.`);
    return storage;
  }

  grant(aclClass: string, id: number, userName: string, mask: number): void {
    const key = `${aclClass}:${id}`;
    const entry = this.permissions.get(key) ?? new Map<string, number>();
    entry.set(userName.toUpperCase(), mask);
    this.permissions.set(key, entry);
  }

  createRole(name: string): Role {
    const full = name.startsWith('ROLE_') ? name : `ROLE_${name}`;
    if (this.roleByName(full)) throw new ApiFailure(200, `Role '${full}' already exists`);
    const role: Role = { id: this.nextId.role++, name: full, predefined: false, userDefault: false };
    this.roles.push(role);
    return role;
  }

  /** Stored preferences, then every system preference not stored at its default. */
  allPreferences(): Preference[] {
    const all: Preference[] = [...this.preferences.values()];
    for (const preference of SYSTEM_PREFERENCES) if (!this.preferences.has(preference.name)) all.push(defaultPreference(preference));
    return all;
  }

  /** The effective value: stored, else the system default. */
  preferenceValue(name: string): string | undefined {
    return this.preferences.get(name)?.value ?? systemPreference(name)?.defaultValue;
  }

  private numberPreference(name: string): number {
    return Number(this.preferenceValue(name));
  }

  /** Stores a preference as `PreferenceManager.update` does (system ones keep their type and group, :105-117). */
  storePreference(preference: Preference): Preference & { createdDate: string } {
    const system = systemPreference(preference.name);
    const stored = {
      ...preference,
      ...(system ? { type: system.type, preferenceGroup: system.group } : {}),
      createdDate: this.preferences.get(preference.name)?.createdDate ?? new Date().toISOString().replace('T', ' ').replace('Z', ''),
    };
    this.preferences.set(preference.name, stored);
    return stored;
  }

  /** Adds `count` ordinary users named USER0001…, each with a home storage when `withHome`. */
  seedUsers(count: number, withHome: boolean): void {
    const width = Math.max(4, String(count).length);
    for (let i = 1; i <= count; i++) {
      const name = `USER${String(i).padStart(width, '0')}`;
      if (this.userByName(name)) continue;
      const user = this.createUser(name, undefined);
      if (withHome && user.defaultStorageId === undefined) {
        user.defaultStorageId = this.createStorage({ ...this.homeStorageFor(name), serviceType: 'OBJECT_STORAGE' }, name).id;
      }
    }
  }
}
