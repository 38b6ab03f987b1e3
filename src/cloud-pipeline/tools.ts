import { type Call, numberIn, objectOf, toolOf } from './answer.js';
import { CloudPipelineError } from './errors.js';
import type { ApiTransport } from './transport.js';
import type { Tool, ToolGroup, ToolVO } from './types.js';

const ICON_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif' };

/** Tools: `/tool/load`, `/tool/register`, `/tool/update`, `/tool/{id}/icon`, `/toolGroup`. */
export class ToolsApi {
  constructor(private readonly api: ApiTransport) {}

  /** The tool for `registry` + `image` (no tag), or undefined (`GET /tool/load`). */
  async load(registry: string, image: string): Promise<Tool | undefined> {
    const call: Call = { method: 'GET', path: '/tool/load' };
    try {
      return toolOf(call, await this.api.request<unknown>(call.method, call.path, { query: { registry, image } }));
    } catch (error) {
      if (error instanceof CloudPipelineError && error.notFound) return undefined;
      throw error;
    }
  }

  /** The tool group `<registry>/<group>`, or undefined (`GET /toolGroup?id=`). */
  async group(registry: string, group: string): Promise<ToolGroup | undefined> {
    const call: Call = { method: 'GET', path: '/toolGroup' };
    try {
      const found = objectOf(call, await this.api.request<unknown>(call.method, call.path, { query: { id: `${registry}/${group}` } }), 'tool group');
      return { ...found, id: numberIn(call, found, 'id', 'tool group'), registryId: numberIn(call, found, 'registryId', 'tool group'), name: typeof found.name === 'string' ? found.name : group };
    } catch (error) {
      if (error instanceof CloudPipelineError && error.notFound) return undefined;
      throw error;
    }
  }

  /** `POST /tool/register`: needs image, cpu, ram and toolGroupId, and the image tagged in the registry (`ToolManager.java:148-181`). */
  async register(tool: ToolVO): Promise<Tool> {
    const call: Call = { method: 'POST', path: '/tool/register' };
    return toolOf(call, await this.api.request<unknown>(call.method, call.path, { body: tool }));
  }

  /**
   * `POST /tool/update` replaces instanceType, disk, descriptions, labels, endpoints,
   * defaultCommand, allowSensitive and allowCommit (`ToolManager.java:200-226`): send the whole
   * loaded tool with the desired fields laid over it.
   */
  async update(tool: Tool | ToolVO): Promise<Tool> {
    const call: Call = { method: 'POST', path: '/tool/update' };
    return toolOf(call, await this.api.request<unknown>(call.method, call.path, { body: tool }));
  }

  /**
   * The icon's bytes (`GET /tool/{id}/icon`). Ask only when the tool's `hasIcon` is true: without
   * an icon the API answers HTTP 200 with a JSON ERROR (`ToolManager.java:783-786`), reported here
   * as an error, never taken for the icon.
   */
  icon(id: number): Promise<Buffer> {
    return this.api.request<Buffer>('GET', `/tool/${id}/icon`, { raw: true });
  }

  /** Uploads the icon as multipart (`file` field) as the upstream installer does; jpg/jpeg/png/gif only. */
  setIcon(id: number, filename: string, content: Buffer): Promise<unknown> {
    const contentType = ICON_TYPES[filename.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
    return this.api.request('POST', `/tool/${id}/icon`, { multipart: { field: 'file', filename, contentType, content } });
  }
}
