import type { Tool } from './dtos.js';
import { ApiFailure } from './failure.js';

export interface RegistryRecord {
  id: number;
  path: string;
  description?: string;
}

export interface ToolGroupRecord {
  id: number;
  name: string;
  registryId: number;
  owner: string;
  privateGroup: boolean;
}

/** One registry event as `/dockerRegistry/notify` reads it. */
export interface RegistryEvent {
  action?: string;
  target?: { repository?: string; tag?: string; digest?: string };
  actor?: { name?: string };
  request?: { host?: string };
}

const withoutTag = (image: string) => {
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > slash ? image.slice(0, colon) : image;
};

/** Icon extensions `ToolController` accepts (`controller/docker/ToolController.java:72-73`). */
const ICON_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'gif']);
const ICON_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif' };

/** Registries, tool groups, the images pushed to them and the tools, as upstream keeps them. */
export class ToolModel {
  readonly registries = new Map<number, RegistryRecord>();
  readonly groups = new Map<number, ToolGroupRecord>();
  /** registry id -> repository -> tags pushed. */
  readonly images = new Map<number, Map<string, Set<string>>>();
  readonly tools = new Map<number, Tool>();
  readonly icons = new Map<number, Buffer>();
  private readonly iconNames = new Map<number, string>();
  private nextId = { registry: 1, group: 1, tool: 1, icon: 1 };

  constructor(private readonly maxIconKb: () => number) {}

  /** Registers a registry (`POST /dockerRegistry/register`); the same path twice gives the first. */
  addRegistry(path: string, description?: string): RegistryRecord {
    const existing = this.registry(path);
    if (existing) return existing;
    const record: RegistryRecord = { id: this.nextId.registry++, path, ...(description ? { description } : {}) };
    this.registries.set(record.id, record);
    return record;
  }

  /** A registry by id or path (`DockerRegistryManager.loadByNameOrId`). */
  registry(nameOrId: string): RegistryRecord | undefined {
    if (/^\d+$/.test(nameOrId)) return this.registries.get(Number(nameOrId));
    return [...this.registries.values()].find((registry) => registry.path === nameOrId);
  }

  private requireRegistry(nameOrId: string): RegistryRecord {
    const registry = this.registry(nameOrId);
    if (!registry) throw new ApiFailure(200, `Registry with name '${nameOrId}' not found`);
    return registry;
  }

  /** A tool group by `registry/group` or id (`GET /toolGroup?id=`, `ToolGroupManager.loadByNameOrId`). */
  groupByNameOrId(identifier: string): ToolGroupRecord {
    if (/^\d+$/.test(identifier)) {
      const byId = this.groups.get(Number(identifier));
      if (byId) return byId;
    }
    const slash = identifier.lastIndexOf('/');
    const registry = slash > 0 ? this.registry(identifier.slice(0, slash)) : undefined;
    const name = identifier.slice(slash + 1);
    const group = [...this.groups.values()].find((candidate) => candidate.name === name && (registry === undefined || candidate.registryId === registry.id));
    if (!group || (slash > 0 && !registry)) throw new ApiFailure(200, `Tool group with requested name: '${identifier}' was not found.`);
    return group;
  }

  private ensureGroup(registry: RegistryRecord, name: string, owner: string): ToolGroupRecord {
    const found = [...this.groups.values()].find((group) => group.registryId === registry.id && group.name === name);
    if (found) return found;
    const group: ToolGroupRecord = { id: this.nextId.group++, name, registryId: registry.id, owner, privateGroup: false };
    this.groups.set(group.id, group);
    return group;
  }

  /**
   * An image pushed to a registry, and the registry's push notification that follows it
   * (`DockerRegistryManager.notifyDockerRegistryEvents`, :290-305).
   */
  pushImage(registryPath: string, repository: string, tag = 'latest', actor = 'PIPE_ADMIN'): Tool | undefined {
    this.tagImage(registryPath, repository, tag);
    return this.notify(registryPath, [{ action: 'push', target: { repository, tag }, actor: { name: actor } }])[0];
  }

  /** An image tag in the registry without its notification (one the API never heard of). */
  tagImage(registryPath: string, repository: string, tag = 'latest'): void {
    const registry = this.requireRegistry(registryPath);
    const repositories = this.images.get(registry.id) ?? new Map<string, Set<string>>();
    this.images.set(registry.id, repositories);
    const tags = repositories.get(repository) ?? new Set<string>();
    tags.add(tag);
    repositories.set(repository, tags);
  }

  /**
   * `POST /dockerRegistry/notify`: every event but a pull with an actor creates the tool group
   * when missing and the tool with cpu `0mi` and ram `0Gi`, or returns the tool already in the
   * group (`DockerRegistryManager.java:495-568`; `ToolGroupManager.getGroupAndTool` needs a
   * `group/image` repository, :279-291).
   */
  notify(registryPath: string, events: RegistryEvent[]): Tool[] {
    const created: Tool[] = [];
    for (const event of events) {
      const actor = event.actor?.name?.trim() ?? '';
      if (event.action === 'pull' || actor === '') continue;
      const registry = this.requireRegistry(registryPath !== '' ? registryPath : (event.request?.host ?? ''));
      const repository = event.target?.repository ?? '';
      const slash = repository.lastIndexOf('/');
      if (slash < 0) throw new ApiFailure(200, `Tool group is not provided in path '${repository}'`);
      const group = this.ensureGroup(registry, repository.slice(0, slash), actor);
      const existing = this.inGroup(group.id, repository);
      created.push(existing ?? this.insert({ image: repository, cpu: '0mi', ram: '0Gi', owner: actor }, group));
    }
    return created;
  }

  private inGroup(groupId: number, image: string): Tool | undefined {
    return [...this.tools.values()].find((tool) => tool.toolGroupId === groupId && tool.image === withoutTag(image));
  }

  private insert(fields: Partial<Tool>, group: ToolGroupRecord): Tool {
    const registry = this.registries.get(group.registryId);
    const id = this.nextId.tool++;
    const tool: Tool = {
      ...fields,
      id,
      image: withoutTag(String(fields.image)),
      registry: registry?.path ?? '',
      registryId: group.registryId,
      toolGroup: group.name,
      toolGroupId: group.id,
      hasIcon: false,
      allowSensitive: fields.allowSensitive ?? false,
      allowCommit: fields.allowCommit ?? true,
      gpuEnabled: false,
      mask: 15,
      locked: false,
      aclClass: 'TOOL',
      createdDate: new Date().toISOString(),
      parent: { id: group.id, name: group.name, registryId: group.registryId, privateGroup: group.privateGroup, aclClass: 'TOOL_GROUP', mask: 15, locked: false },
    };
    this.tools.set(id, tool);
    return tool;
  }

  /**
   * `GET /dockerRegistry/loadTree` (`DockerRegistryController.java:122-133`,
   * `DockerRegistryManager.loadAllRegistriesContent` :421-432): `DockerRegistryList`
   * (`entity/docker/DockerRegistryList.java:41-42`) of every registry with its groups, each group
   * with its tools (`entity/pipeline/DockerRegistry.java`, `ToolGroup.java`); the secured-entity
   * fields `mask` 15 and `locked` false (`AbstractSecuredEntity.java:51-61`) on each level, the
   * registry's own `tools` list empty (so left out, NON_EMPTY). A tool's `parent` is not written
   * inside the tree. The stand-in keeps no tool ACL: every caller sees every tool (`@AclTree`
   * would hide the ones it may not read).
   */
  loadTree(): Record<string, unknown> {
    const registries = [...this.registries.values()].map((registry) => ({
      id: registry.id,
      path: registry.path,
      ...(registry.description ? { description: registry.description } : {}),
      mask: 15,
      locked: false,
      aclClass: 'DOCKER_REGISTRY',
      pipelineAuth: false,
      hasMetadata: false,
      securityScanEnabled: false,
      privateGroupAllowed: true,
      groups: [...this.groups.values()]
        .filter((group) => group.registryId === registry.id)
        .map((group) => ({
          id: group.id,
          name: group.name,
          registryId: group.registryId,
          owner: group.owner,
          privateGroup: group.privateGroup,
          mask: 15,
          locked: false,
          aclClass: 'TOOL_GROUP',
          tools: [...this.tools.values()].filter((tool) => tool.toolGroupId === group.id).map((tool) => {
            const copy: Partial<Tool> = { ...tool };
            delete copy.parent;
            return copy;
          }),
        })),
    }));
    return { registries, mask: 15, locked: false, aclClass: 'DOCKER_REGISTRY' };
  }

  /**
   * `POST /tool/register` (`ToolManager.create`, `ToolManager.java:148-197`): image, cpu, ram and
   * toolGroupId required; the registry is the group's; unique in the group; the image must
   * already carry a tag in the registry (`checkExistence`, :172-181).
   */
  register(body: Tool): Tool {
    for (const field of ['image', 'cpu', 'ram', 'toolGroupId'] as const) {
      if (body[field] === undefined || body[field] === null) throw new ApiFailure(200, `Parameter '${field}' id required for 'Tool' podId.`);
    }
    const group = this.groups.get(Number(body.toolGroupId));
    if (!group) throw new ApiFailure(200, `Tool group with requested id: '${String(body.toolGroupId)}' was not found.`);
    const image = withoutTag(String(body.image));
    if (this.inGroup(group.id, image)) throw new ApiFailure(200, `Tool with image '${String(body.image)}' already exists in group '${group.name}'`);
    if ((this.images.get(group.registryId)?.get(image)?.size ?? 0) === 0) throw new ApiFailure(200, `Tool image '${String(body.image)}' does not exist in docker registry.`);
    const fields: Partial<Tool> = { ...body };
    for (const field of ['id', 'registry', 'registryId', 'toolGroup', 'hasIcon', 'iconId', 'parent', 'link'] as const) delete fields[field];
    return this.insert({ owner: 'PIPE_ADMIN', ...fields, image }, group);
  }

  /**
   * `POST /tool/update` (`ToolManager.updateTool`, `ToolManager.java:200-226`): the tool found by
   * registryId and image; cpu and ram kept when not given; instanceType, disk, description,
   * shortDescription, labels, endpoints, defaultCommand, allowSensitive and allowCommit replaced
   * by what the body holds, absent meaning null or false.
   */
  update(body: Tool): Tool {
    const tool = [...this.tools.values()].find((candidate) => candidate.registryId === body.registryId && candidate.image === body.image);
    if (!tool) throw new ApiFailure(200, `Tool with requested id: '${String(body.image)}' was not found.`);
    if (typeof body.cpu === 'string' && body.cpu !== '') tool.cpu = body.cpu;
    if (typeof body.ram === 'string' && body.ram !== '') tool.ram = body.ram;
    const replaced = ['instanceType', 'disk', 'description', 'shortDescription', 'labels', 'endpoints', 'defaultCommand'] as const;
    for (const field of replaced) {
      if (body[field] === undefined || body[field] === null) delete tool[field];
      else Object.assign(tool, { [field]: body[field] });
    }
    tool.allowSensitive = body.allowSensitive === true;
    tool.allowCommit = body.allowCommit === true;
    return tool;
  }

  /** `GET /tool/load` (`ToolManager.loadTool`, :397-403, :963-970): by registry and untagged image, or by id or full name. */
  load(registry: string | undefined, image: string): Tool {
    const untagged = withoutTag(image);
    let found: Tool | undefined;
    if (registry !== undefined && registry !== '') {
      const record = this.registry(registry);
      found = record ? [...this.tools.values()].find((tool) => tool.registryId === record.id && tool.image === untagged) : undefined;
    } else if (/^\d+$/.test(image)) {
      found = this.tools.get(Number(image));
    } else {
      found = [...this.tools.values()].find((tool) => `${tool.registry}/${tool.image}` === untagged || tool.image === untagged);
    }
    if (!found) throw new ApiFailure(200, `Tool with requested id: '${image}' was not found.`);
    return found;
  }

  requireTool(id: number): Tool {
    const tool = this.tools.get(id);
    if (!tool) throw new ApiFailure(200, `Tool with requested id: '${id}' was not found.`);
    return tool;
  }

  /** `POST /tool/{id}/icon`: jpg/jpeg/png/gif only, at most `misc.max.tool.icon.size.kb` (`ToolManager.java:796-805`). */
  setIcon(id: number, filename: string, content: Buffer): number {
    const tool = this.requireTool(id);
    const extension = filename.split('.').pop()?.toLowerCase() ?? '';
    if (!ICON_EXTENSIONS.has(extension)) throw new ApiFailure(200, `File extension '${extension}' is not allowed, expected one of: jpg, jpeg, png, gif`);
    const allowed = this.maxIconKb() * 1024;
    if (content.length > allowed) throw new ApiFailure(200, `Icon uploaded is too large: ${content.length}, ${allowed} allowed`);
    const iconId = this.nextId.icon++;
    this.icons.set(id, Buffer.from(content));
    this.iconNames.set(id, filename);
    tool.hasIcon = true;
    tool.iconId = iconId;
    return iconId;
  }

  /** `GET /tool/{id}/icon`: without an icon, an IllegalArgumentException, so HTTP 200 + ERROR (`ToolManager.java:783-786`). */
  icon(id: number): { contentType: string; content: Buffer } {
    this.requireTool(id);
    const content = this.icons.get(id);
    if (!content) throw new ApiFailure(200, `Icon for tool with specified ID: ${id} not found`);
    const extension = this.iconNames.get(id)?.split('.').pop()?.toLowerCase() ?? 'png';
    return { contentType: ICON_TYPES[extension] ?? 'application/octet-stream', content };
  }
}
