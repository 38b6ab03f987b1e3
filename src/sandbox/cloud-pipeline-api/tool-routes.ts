import { ApiFailure } from './state.js';
import { RawResponse, type Route, type RouteContext, idParam, requireQuery } from './router.js';
import type { EntityClass, MetadataValue, Tool } from '../../cloud-pipeline/types.js';

const TOOL_FIELDS = ['shortDescription', 'description', 'disk', 'endpoints', 'defaultCommand', 'instanceType', 'labels', 'registryId'] as const;

function toolBody(c: RouteContext): Tool {
  const body = c.json() as Partial<Tool> | null;
  if (!body || typeof body.image !== 'string' || body.image === '' || typeof body.registry !== 'string' || body.registry === '') {
    throw new ApiFailure(400, 'Tool image and registry are required');
  }
  if (body.image.includes(':')) throw new ApiFailure(400, `Tool image '${body.image}' must not carry a tag`);
  if (body.endpoints !== undefined && (!Array.isArray(body.endpoints) || body.endpoints.some((e) => typeof e !== 'string'))) {
    throw new ApiFailure(400, 'endpoints must be an array of strings');
  }
  return body as Tool;
}

/** The file part of a multipart/form-data body. */
function multipartFile(c: RouteContext, field: string): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(c.headers['content-type'] ?? '');
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) throw new ApiFailure(400, 'multipart/form-data body expected');
  const delimiter = Buffer.from(`--${marker}`);
  let start = c.raw.indexOf(delimiter);
  while (start !== -1) {
    const next = c.raw.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = c.raw.subarray(start + delimiter.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    if (split !== -1 && part.subarray(0, split).toString().includes(`name="${field}"`)) return part.subarray(split + 4);
    start = next;
  }
  throw new ApiFailure(400, `Required part '${field}' is not present`);
}

const metadataKey = (entityId: number, entityClass: string) => `${entityClass}:${entityId}`;

interface MetadataBody {
  entity?: { entityId?: unknown; entityClass?: unknown };
  data?: Record<string, MetadataValue>;
}

function metadataUpdate(c: RouteContext, merge: boolean) {
  const body = c.json() as MetadataBody | null;
  const entityId = body?.entity?.entityId;
  const entityClass = body?.entity?.entityClass;
  if (!Number.isInteger(entityId) || typeof entityClass !== 'string') throw new ApiFailure(400, 'entity {entityId, entityClass} expected');
  if (entityClass === 'TOOL' && !c.state.tools.has(entityId as number)) throw new ApiFailure(404, `Tool with id ${String(entityId)} not found`);
  for (const [key, value] of Object.entries(body?.data ?? {})) {
    if (typeof value !== 'object' || value === null || typeof value.value !== 'string') {
      throw new ApiFailure(400, `Metadata key '${key}' must be {type, value}`);
    }
  }
  const key = metadataKey(entityId as number, entityClass);
  const data = { ...(merge ? c.state.metadata.get(key) : {}), ...body?.data };
  c.state.metadata.set(key, data);
  return { entity: { entityId, entityClass }, data };
}

/** `/tool/*` and `/metadata/*`. */
export const toolRoutes: Route[] = [
  {
    method: 'GET',
    path: '/tool/load',
    mutating: false,
    handle: (c) => {
      const image = requireQuery(c.query, 'image');
      const tool = c.state.findTool(c.query.get('registry') ?? undefined, image);
      if (!tool) throw new ApiFailure(404, `Tool '${image}' not found`);
      return tool;
    },
  },
  { method: 'POST', path: '/tool/register', mutating: true, adminOnly: true, handle: (c) => c.state.registerTool(toolBody(c)) },
  {
    method: 'POST',
    path: '/tool/update',
    mutating: true,
    adminOnly: true,
    handle: (c) => {
      const body = toolBody(c);
      const tool = c.state.findTool(body.registry, body.image);
      if (!tool) throw new ApiFailure(404, `Tool '${body.registry}/${body.image}' not found`);
      const fields = tool as unknown as Record<string, unknown>;
      for (const field of TOOL_FIELDS) if (body[field] !== undefined) fields[field] = body[field];
      return tool;
    },
  },
  {
    method: 'GET',
    path: '/tool/{id}/icon',
    mutating: false,
    handle: (c) => {
      const icon = c.state.icons.get(idParam(c.params));
      if (!icon) throw new ApiFailure(404, `Icon for tool ${c.params.id} not found`);
      return new RawResponse('image/png', icon);
    },
  },
  {
    method: 'POST',
    path: '/tool/{id}/icon',
    mutating: true,
    adminOnly: true,
    handle: (c) => {
      const id = idParam(c.params);
      const tool = c.state.tools.get(id);
      if (!tool) throw new ApiFailure(404, `Tool with id ${id} not found`);
      c.state.icons.set(id, Buffer.from(multipartFile(c, 'file')));
      tool.hasIcon = true;
      tool.iconId = id;
      return { id, hasIcon: true };
    },
  },
  {
    method: 'POST',
    path: '/metadata/load',
    mutating: false,
    handle: (c) => {
      const body = c.json();
      if (!Array.isArray(body)) throw new ApiFailure(400, 'An array of {entityId, entityClass} is expected');
      return (body as { entityId: number; entityClass: EntityClass }[])
        .map((entity) => ({ entity, data: c.state.metadata.get(metadataKey(entity.entityId, entity.entityClass)) }))
        .filter((entry) => entry.data !== undefined);
    },
  },
  {
    // What the launcher calls to find its tools: the entities whose metadata key has that value.
    method: 'GET',
    path: '/metadata/search',
    mutating: false,
    handle: (c) => {
      const entityClass = c.query.get('entityClass');
      const key = c.query.get('key');
      const value = c.query.get('value');
      if (!entityClass || !key) throw new ApiFailure(400, 'entityClass and key are required');
      const found: { entityId: number; entityClass: string }[] = [];
      for (const [id, data] of c.state.metadata) {
        const [kind, entityId] = id.split(':');
        const entry = data[key] as MetadataValue | undefined;
        if (kind === entityClass && entry && (value === null || entry.value === value)) found.push({ entityId: Number(entityId), entityClass: kind });
      }
      return found;
    },
  },
  { method: 'POST', path: '/metadata/updateKeys', mutating: true, adminOnly: true, handle: (c) => metadataUpdate(c, true) },
  { method: 'POST', path: '/metadata/update', mutating: true, adminOnly: true, handle: (c) => metadataUpdate(c, false) },
];
