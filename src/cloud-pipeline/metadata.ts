import { type Call, listOf, objectOf } from './answer.js';
import type { ApiTransport } from './transport.js';
import type { EntityClass, MetadataEntry, MetadataValue } from './types.js';

/** Metadata: `POST /metadata/load` (a read), `POST /metadata/updateKeys` (merge keys). */
export class MetadataApi {
  constructor(private readonly api: ApiTransport) {}

  /** The metadata of one entity as key -> value ({} when it has none: the API then returns no entry). */
  async load(entityId: number, entityClass: EntityClass): Promise<Record<string, MetadataValue>> {
    const call: Call = { method: 'POST', path: '/metadata/load' };
    const entries = listOf(call, await this.api.request<unknown>(call.method, call.path, { body: [{ entityId, entityClass }] }), 'metadata', (entry, index) => {
      const item = objectOf(call, entry, `metadata[${index}]`);
      const entity = item.entity === undefined ? {} : objectOf(call, item.entity, `metadata[${index}].entity`);
      const data = item.data === undefined ? {} : objectOf(call, item.data, `metadata[${index}].data`);
      return { entity, data } as unknown as MetadataEntry;
    });
    return entries.find((entry) => entry.entity.entityId === entityId)?.data ?? {};
  }

  /**
   * Merges string keys into an entity's metadata. The body is built as an object and serialized
   * by JSON.stringify, never by string concatenation (the upstream branch's jq bug, reference §4.2).
   */
  updateKeys(entityId: number, entityClass: EntityClass, values: Record<string, string>): Promise<unknown> {
    const data: Record<string, MetadataValue> = {};
    for (const [key, value] of Object.entries(values)) data[key] = { type: 'string', value };
    return this.api.request('POST', '/metadata/updateKeys', { body: { entity: { entityId, entityClass }, data } });
  }
}
