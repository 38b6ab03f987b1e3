import { CloudPipelineError } from './errors.js';
import type { ApiTransport } from './transport.js';

/** Folders: `GET /folder/{id}/load`. */
export class FoldersApi {
  constructor(private readonly api: ApiTransport) {}

  /** True when the folder exists (upstream drops a home template's parentFolderId otherwise, `DataStorageManager.java:509-511`). */
  async exists(id: number): Promise<boolean> {
    try {
      await this.api.request('GET', `/folder/${id}/load`);
      return true;
    } catch (error) {
      if (error instanceof CloudPipelineError && error.notFound) return false;
      throw error;
    }
  }
}
