/** Shapes of the Cloud Pipeline REST API payloads this project uses (upstream VO/entity names). */

export interface Role {
  id: number;
  name: string;
  predefined?: boolean;
  userDefault?: boolean;
}

/** `PipelineUser` as the API returns it. */
export interface PipelineUser {
  id: number;
  userName: string;
  roles: Role[];
  groups?: string[];
  defaultStorageId?: number | null;
  blocked?: boolean;
  attributes?: Record<string, string>;
}

/** `PipelineUserVO`: the body of `POST /user` and `PUT /user/{id}`. */
export interface PipelineUserVO {
  userName: string;
  roleIds?: number[];
  defaultStorageId?: number;
}

/** The parts of `DataStorageVO` a home storage needs. */
export interface DataStorageVO {
  name: string;
  path?: string;
  description?: string;
  serviceType?: 'OBJECT_STORAGE' | 'FILE_SHARE';
  type?: string;
  parentFolderId?: number;
  regionId?: number;
  shared?: boolean;
  mountPoint?: string;
  [key: string]: unknown;
}

export interface DataStorage extends DataStorageVO {
  id: number;
  owner?: string;
}

/** One entry of `GET /datastorage/{id}/list`. */
export interface DataStorageItem {
  name: string;
  path: string;
  type: 'Folder' | 'File';
}

/** One item of the `POST /datastorage/{id}/list` body. */
export interface DataStorageAction {
  path: string;
  type: 'Folder' | 'File';
  action: 'Create' | 'Move' | 'Copy';
}

export type PreferenceType = 'STRING' | 'INTEGER' | 'FLOAT' | 'BOOLEAN' | 'OBJECT';

export interface Preference {
  name: string;
  value: string;
  visible: boolean;
  type?: PreferenceType;
  preferenceGroup?: string;
  description?: string;
}

/** The fields of `Tool` we set (`/tool/register`, `/tool/update`). */
export interface ToolVO {
  image: string;
  registry: string;
  registryId?: number;
  shortDescription?: string;
  description?: string;
  disk?: number;
  endpoints?: string[];
  defaultCommand?: string;
  instanceType?: string;
  labels?: string[];
}

export interface Tool extends ToolVO {
  id: number;
  hasIcon?: boolean;
  iconId?: number;
}

export type EntityClass = 'TOOL' | 'DATA_STORAGE' | 'PIPELINE_USER' | 'ROLE' | 'FOLDER';

export interface MetadataValue {
  type: string;
  value: string;
}

/** `MetadataEntry` as `POST /metadata/load` returns it. */
export interface MetadataEntry {
  entity: { entityId: number; entityClass: EntityClass };
  data: Record<string, MetadataValue>;
}
