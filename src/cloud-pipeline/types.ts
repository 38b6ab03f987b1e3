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
  fileShareMountId?: number;
  shared?: boolean;
  mountPoint?: string;
  [key: string]: unknown;
}

/** `DataStorageTemplate`: the value of `storage.user.home.template`. */
export interface DataStorageTemplate {
  datastorage: DataStorageVO;
  permissions?: { principal?: boolean; userName?: string; mask?: number }[];
  metadata?: Record<string, { type?: string; value?: string }>;
}

export interface DataStorage extends DataStorageVO {
  id: number;
  path: string;
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

export type PreferenceType = 'STRING' | 'INTEGER' | 'LONG' | 'FLOAT' | 'BOOLEAN' | 'OBJECT';

export interface Preference {
  name: string;
  /** Absent (NON_EMPTY) when the preference has no value, e.g. a system default of null. */
  value: string;
  visible: boolean;
  /** Set for stored preferences only; a system default returned by GET /preferences has none. */
  createdDate?: string;
  type?: PreferenceType;
  preferenceGroup?: string;
  description?: string;
}

/** The fields of `Tool` we set (`/tool/register`, `/tool/update`); upstream `core/.../entity/pipeline/Tool.java`. */
export interface ToolVO {
  image: string;
  registry: string;
  registryId?: number;
  toolGroupId?: number;
  cpu?: string;
  ram?: string;
  shortDescription?: string;
  description?: string;
  disk?: number;
  endpoints?: string[];
  defaultCommand?: string;
  instanceType?: string;
  labels?: string[];
  allowSensitive?: boolean;
  allowCommit?: boolean;
}

/** A tool as the API returns it: every field it sent is kept, so an update can send it back whole. */
export interface Tool extends ToolVO {
  id: number;
  hasIcon?: boolean;
  iconId?: number;
  toolGroup?: string;
  owner?: string;
  [field: string]: unknown;
}

/** `ToolGroup` (`GET /toolGroup?id=<registry>/<group>`). */
export interface ToolGroup {
  id: number;
  name: string;
  registryId: number;
  [field: string]: unknown;
}

/** `DataStorageListing` (`GET /datastorage/{id}/list/page`). */
export interface DataStorageListing {
  results?: DataStorageItem[];
  nextPageMarker?: string;
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
