import { CloudPipelineError } from './errors.js';
import type { ApiTransport } from './transport.js';
import type { Tool, ToolVO } from './types.js';

/** Tools: `/tool/load`, `/tool/register`, `/tool/update`, `/tool/{id}/icon`. */
export class ToolsApi {
  constructor(private readonly api: ApiTransport) {}

  /** The tool for `registry` + `image` (no tag), or undefined (`GET /tool/load`). */
  async load(registry: string, image: string): Promise<Tool | undefined> {
    try {
      return await this.api.request<Tool>('GET', '/tool/load', { query: { registry, image } });
    } catch (error) {
      if (error instanceof CloudPipelineError && error.notFound) return undefined;
      throw error;
    }
  }

  register(tool: ToolVO): Promise<Tool> {
    return this.api.request<Tool>('POST', '/tool/register', { body: tool });
  }

  update(tool: ToolVO): Promise<Tool> {
    return this.api.request<Tool>('POST', '/tool/update', { body: tool });
  }

  /** The tool's icon bytes, or undefined when it has none (`GET /tool/{id}/icon`). */
  async icon(id: number): Promise<Buffer | undefined> {
    try {
      return await this.api.request<Buffer>('GET', `/tool/${id}/icon`, { raw: true });
    } catch (error) {
      if (error instanceof CloudPipelineError && error.notFound) return undefined;
      throw error;
    }
  }

  /** Uploads the icon as multipart (`file` field), as the upstream installer does. */
  setIcon(id: number, filename: string, content: Buffer): Promise<unknown> {
    return this.api.request('POST', `/tool/${id}/icon`, {
      multipart: { field: 'file', filename, contentType: 'image/png', content },
    });
  }
}
