import type { AclClass, PipeConfValue, Tool } from './dtos.js';
import { DOCKER_REGISTRY_EVENT_ENVELOPE, ENTITY_VO, METADATA_VO, TOOL } from './dtos.js';
import { ApiFailure } from './failure.js';
import { RawResponse, type Route, type RouteContext, idParam, requireQuery } from './router.js';
import type { RegistryEvent } from './tool-model.js';

/** The file part of a multipart/form-data body, with its file name. */
function multipartFile(c: RouteContext, field: string): { filename: string; content: Buffer } {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(c.headers['content-type'] ?? '');
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) throw new ApiFailure(200, 'Current request is not a multipart request');
  const delimiter = Buffer.from(`--${marker}`);
  let start = c.raw.indexOf(delimiter);
  while (start !== -1) {
    const next = c.raw.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = c.raw.subarray(start + delimiter.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = split === -1 ? '' : part.subarray(0, split).toString();
    if (head.includes(`name="${field}"`)) return { filename: /filename="([^"]*)"/.exec(head)?.[1] ?? '', content: part.subarray(split + 4) };
    start = next;
  }
  throw new ApiFailure(200, `Required request part '${field}' is not present`);
}

const metadataKey = (entityId: number, entityClass: string) => `${entityClass}:${entityId}`;

interface MetadataBody {
  entity?: { entityId?: number; entityClass?: string };
  data?: Record<string, PipeConfValue>;
}

function metadataUpdate(c: RouteContext, merge: boolean) {
  const body = c.body<MetadataBody>(METADATA_VO);
  const entityId = Number(body.entity?.entityId);
  const entityClass = body.entity?.entityClass;
  if (!Number.isInteger(entityId) || typeof entityClass !== 'string') throw new ApiFailure(200, 'Entity id and class are required');
  if (entityClass === 'TOOL') c.state.toolModel.requireTool(entityId);
  if (entityClass === 'DATA_STORAGE') c.state.requireStorage(entityId);
  const key = metadataKey(entityId, entityClass);
  const data = { ...(merge ? c.state.metadata.get(key) : {}), ...body.data };
  c.state.metadata.set(key, data);
  return { entity: { entityId, entityClass }, data };
}

/** `/tool/*`, `/toolGroup`, `/dockerRegistry/*` and `/metadata/*`. */
export const toolRoutes: Route[] = [
  {
    method: 'GET',
    path: '/tool/load',
    mutating: false,
    handle: (c) => c.state.toolModel.load(c.query.get('registry') ?? undefined, requireQuery(c.query, 'image')),
  },
  { method: 'POST', path: '/tool/register', mutating: true, adminOnly: true, handle: (c) => c.state.toolModel.register(c.body<Tool>(TOOL)) },
  { method: 'POST', path: '/tool/update', mutating: true, adminOnly: true, handle: (c) => c.state.toolModel.update(c.body<Tool>(TOOL)) },
  {
    method: 'GET',
    path: '/tool/{id}/icon',
    mutating: false,
    handle: (c) => {
      const icon = c.state.toolModel.icon(idParam(c.params));
      return new RawResponse(icon.contentType, icon.content);
    },
  },
  {
    method: 'POST',
    path: '/tool/{id}/icon',
    mutating: true,
    adminOnly: true,
    handle: (c) => {
      const file = multipartFile(c, 'file');
      return c.state.toolModel.setIcon(idParam(c.params), file.filename, file.content);
    },
  },
  {
    // ToolGroupController: GET /toolGroup?id=<registry>/<group> or an id.
    method: 'GET',
    path: '/toolGroup',
    mutating: false,
    handle: (c) => c.state.toolModel.groupByNameOrId(requireQuery(c.query, 'id')),
  },
  {
    // DockerRegistryController.java:122-133: registries -> groups -> tools, what the tool
    // launcher reads its tools from (quick-launcher/src/models/cloud-pipeline-api/tools.js).
    method: 'GET',
    path: '/dockerRegistry/loadTree',
    mutating: false,
    handle: (c) => c.state.toolModel.loadTree(),
  },
  {
    // DockerRegistryController.java:180-191: the registry's push notification; header Registry-Path.
    method: 'POST',
    path: '/dockerRegistry/notify',
    mutating: true,
    adminOnly: true,
    handle: (c) => {
      const registry = c.headers['registry-path'];
      if (typeof registry !== 'string') throw new ApiFailure(200, "Missing request header 'Registry-Path' for method parameter of type String");
      const envelope = c.body<{ events?: RegistryEvent[] }>(DOCKER_REGISTRY_EVENT_ENVELOPE);
      return c.state.toolModel.notify(registry, envelope.events ?? []);
    },
  },
  {
    method: 'POST',
    path: '/metadata/load',
    mutating: false,
    handle: (c) =>
      c
        .bodyList<{ entityId: number; entityClass: AclClass }>(ENTITY_VO)
        .map((entity) => ({ entity, data: c.state.metadata.get(metadataKey(Number(entity.entityId), entity.entityClass)) }))
        .filter((entry) => entry.data !== undefined && Object.keys(entry.data).length > 0),
  },
  {
    // What the launcher calls to find its tools: the entities whose metadata key has that value.
    method: 'GET',
    path: '/metadata/search',
    mutating: false,
    handle: (c) => {
      const entityClass = requireQuery(c.query, 'entityClass');
      const key = requireQuery(c.query, 'key');
      const value = c.query.get('value');
      const found: { entityId: number; entityClass: string }[] = [];
      for (const [id, data] of c.state.metadata) {
        const [kind, entityId] = id.split(':');
        const entry = data[key] as PipeConfValue | undefined;
        if (kind === entityClass && entry && (value === null || entry.value === value)) found.push({ entityId: Number(entityId), entityClass: kind });
      }
      return found;
    },
  },
  { method: 'POST', path: '/metadata/updateKeys', mutating: true, adminOnly: true, handle: (c) => metadataUpdate(c, true) },
  { method: 'POST', path: '/metadata/update', mutating: true, adminOnly: true, handle: (c) => metadataUpdate(c, false) },
];
