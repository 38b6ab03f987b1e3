import type { Logger } from '../lib/logger.js';
import { FoldersApi } from './folders.js';
import { MetadataApi } from './metadata.js';
import { PreferencesApi } from './preferences.js';
import { RolesApi } from './roles.js';
import { StoragesApi } from './storages.js';
import { ToolsApi } from './tools.js';
import { ApiTransport, type TransportOptions, type TransportStats } from './transport.js';
import { UsersApi } from './users.js';

export type { TransportOptions as CloudPipelineClientOptions } from './transport.js';

/** The typed Cloud Pipeline REST client: one object per concept over one transport. */
export class CloudPipelineClient {
  readonly users: UsersApi;
  readonly roles: RolesApi;
  readonly storages: StoragesApi;
  readonly preferences: PreferencesApi;
  readonly tools: ToolsApi;
  readonly metadata: MetadataApi;
  readonly folders: FoldersApi;
  private readonly transport: ApiTransport;

  constructor(private readonly options: TransportOptions) {
    this.transport = new ApiTransport(options);
    this.folders = new FoldersApi(this.transport);
    this.users = new UsersApi(this.transport);
    this.roles = new RolesApi(this.transport);
    this.storages = new StoragesApi(this.transport);
    this.preferences = new PreferencesApi(this.transport);
    this.tools = new ToolsApi(this.transport);
    this.metadata = new MetadataApi(this.transport);
  }

  /** Requests sent and retries made so far. */
  get stats(): TransportStats {
    return { ...this.transport.stats };
  }

  /** A client for the same API with another token (e.g. to check what a user's token reaches); close it when done. */
  withToken(token: string): CloudPipelineClient {
    return new CloudPipelineClient({ ...this.options, token });
  }

  /** Closes kept-alive sockets; call when done. */
  close(): void {
    this.transport.dispose();
  }
}

/** Creates a client; `logger` receives retry notes at debug level. */
export function createCloudPipelineClient(options: TransportOptions & { logger?: Logger }): CloudPipelineClient {
  return new CloudPipelineClient(options);
}
