import type { ApiTransport } from './transport.js';
import type { EntityClass, MetadataEntry, MetadataValue } from './types.js';

/** Metadata: `POST /metadata/load` (a read), `POST /metadata/updateKeys` (merge keys). */
export class MetadataApi {
  constructor(private readonly api: ApiTransport) {}

  /** The metadata of one entity as key -> value ({} when it has none). */
  async load(entityId: number, entityClass: EntityClass): Promise<Record<string, MetadataValue>> {
    const entries = await this.api.request<MetadataEntry[]>('POST', '/metadata/load', {
      body: [{ entityId, entityClass }],
    });
    return entries.find((entry) => entry.entity.entityId === entityId)?.data ?? {};
  }

  /**
   * Merges string keys into an entity's metadata. The body is built as an object and serialized
   * by JSON.stringify, never by string concatenation (the upstream branch's jq bug, reference §4.2).
   */
  updateKeys(entityId: number, entityClass: EntityClass, values: Record<string, string>): Promise<MetadataEntry> {
    const data: Record<string, MetadataValue> = {};
    for (const [key, value] of Object.entries(values)) data[key] = { type: 'string', value };
    return this.api.request<MetadataEntry>('POST', '/metadata/updateKeys', { body: { entity: { entityId, entityClass }, data } });
  }
}
