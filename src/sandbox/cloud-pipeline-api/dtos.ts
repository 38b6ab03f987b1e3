import { ApiFailure } from './failure.js';

/**
 * The request bodies the API reads, field by field, as their upstream classes declare them.
 * The API's mapper fails on unknown properties (`config/JsonMapper.java:82`), and the failure
 * (Spring's HttpMessageNotReadableException) reaches `ExceptionHandlerAdvice.java:51-89`, so the
 * caller sees HTTP 200 with an ERROR envelope naming the field and the class.
 */
export type FieldType =
  | 'string'
  | 'number'
  | 'boolean'
  | 'any'
  | { list: FieldType }
  | { map: FieldType }
  | { enum: readonly string[]; className: string }
  | Dto;

export interface Dto {
  className: string;
  fields: Record<string, FieldType>;
}

/*
 * The entities the stand-in keeps and serves, typed after the upstream classes (not after the
 * client's own types in src/cloud-pipeline/types.ts: a field name wrong on one side must not match
 * on the other). Dates are ISO strings, as the API's JsonMapper writes them. Paths below are in the
 * upstream repository, `core/` for core/src/main/java/com/epam/pipeline/ and `api/` for
 * api/src/main/java/com/epam/pipeline/.
 */

/** `core/entity/security/acl/AclClass.java:22-35`. */
export type AclClass =
  | 'PIPELINE'
  | 'FOLDER'
  | 'DATA_STORAGE'
  | 'DOCKER_REGISTRY'
  | 'TOOL'
  | 'TOOL_GROUP'
  | 'CONFIGURATION'
  | 'METADATA_ENTITY'
  | 'ATTACHMENT'
  | 'CLOUD_REGION'
  | 'PIPELINE_USER'
  | 'ROLE'
  | 'CATEGORICAL_ATTRIBUTE';

/** `core/entity/user/Role.java:44-64` (the JPA-only `cloudProfiles` left out). */
export interface Role {
  id: number;
  name: string;
  predefined: boolean;
  userDefault: boolean;
  defaultStorageId?: number;
  defaultProfileId?: number;
  blocked?: boolean;
}

/** `api/entity/preference/PreferenceType.java:27-33`. */
export type PreferenceType = (typeof PREFERENCE_TYPES)[number];

/** `api/entity/preference/Preference.java:36-47`; `value` is absent (NON_EMPTY) when null. */
export interface Preference {
  name: string;
  createdDate?: string;
  value: string;
  preferenceGroup?: string;
  description?: string;
  visible: boolean;
  type?: PreferenceType;
}

/** `api/entity/metadata/PipeConfValue.java:31-35`: one metadata value. */
export interface PipeConfValue {
  type: string;
  value: string;
  dataStorageLinks?: unknown[];
}

/**
 * `core/entity/pipeline/Tool.java:31-67` with `AbstractSecuredEntity.java:51-61` (mask, owner,
 * locked) and `BaseEntity.java:39-46` (id, name, createdDate); `secretName` is @JsonIgnore.
 * A request body read by readDto may hold null in any reference field.
 */
export interface Tool {
  id: number;
  name?: string;
  createdDate?: string;
  mask?: number;
  owner?: string;
  locked?: boolean;
  image: string;
  cpu?: string | null;
  ram?: string | null;
  instanceType?: string | null;
  disk?: number | null;
  platform?: string;
  registryId?: number;
  registry?: string;
  toolGroupId?: number;
  toolGroup?: string;
  link?: number;
  description?: string | null;
  shortDescription?: string | null;
  labels?: string[] | null;
  endpoints?: string[] | null;
  defaultCommand?: string | null;
  hasIcon?: boolean;
  iconId?: number;
  allowSensitive?: boolean;
  allowCommit?: boolean;
  toolOSVersion?: unknown;
  gpuEnabled?: boolean;
  /** `ToolGroup` (`core/entity/pipeline/ToolGroup.java`), as the tool's parent. */
  parent?: Record<string, unknown>;
  aclClass?: AclClass;
}

const VO = 'com.epam.pipeline.controller.vo';
const ENTITY = 'com.epam.pipeline.entity';

/** `controller/vo/PipelineUserVO.java`. */
export const PIPELINE_USER_VO: Dto = { className: `${VO}.PipelineUserVO`, fields: { userName: 'string', roleIds: { list: 'number' }, defaultStorageId: 'number' } };

/** `core/.../entity/datastorage/StoragePolicy.java`. */
const STORAGE_POLICY: Dto = {
  className: `${ENTITY}.datastorage.StoragePolicy`,
  fields: { versioningEnabled: 'boolean', backupDuration: 'number', shortTermStorageDuration: 'number', longTermStorageDuration: 'number', incompleteUploadCleanupDays: 'number' },
};

const STORAGE_SERVICE_TYPES = ['OBJECT_STORAGE', 'FILE_SHARE'] as const;
/** The storage types the stand-in models: S3-like object storage and NFS-like file shares. */
const STORAGE_TYPES = ['S3', 'AZ', 'GS', 'NFS'] as const;

/** `controller/vo/DataStorageVO.java`. */
export const DATA_STORAGE_VO: Dto = {
  className: `${VO}.DataStorageVO`,
  fields: {
    id: 'number',
    name: 'string',
    description: 'string',
    path: 'string',
    serviceType: { enum: STORAGE_SERVICE_TYPES, className: `${ENTITY}.datastorage.StorageServiceType` },
    type: { enum: STORAGE_TYPES, className: `${ENTITY}.datastorage.DataStorageType` },
    createdDate: 'string',
    parentFolderId: 'number',
    storagePolicy: STORAGE_POLICY,
    mountOptions: 'string',
    mountPoint: 'string',
    shared: 'boolean',
    allowedCidrs: { list: 'string' },
    regionId: 'number',
    fileShareMountId: 'number',
    mountExactPath: 'boolean',
    sensitive: 'boolean',
    toolsToMount: { list: 'any' },
    mountDisabled: 'boolean',
    tempCredentialsRole: 'string',
    kmsKeyArn: 'string',
    useAssumedCredentials: 'boolean',
    sourceStorageId: 'number',
    linkingMasks: { list: 'string' },
  },
};

/** `entity/metadata/PipeConfValue.java`. */
const PIPE_CONF_VALUE: Dto = { className: `${ENTITY}.metadata.PipeConfValue`, fields: { type: 'string', value: 'string', dataStorageLinks: { list: 'any' } } };

/** `controller/vo/PermissionVO.java`. */
const PERMISSION_VO: Dto = { className: `${VO}.PermissionVO`, fields: { principal: 'boolean', userName: 'string', mask: 'number' } };

/** `controller/vo/PermissionGrantVO.java` (PermissionVO plus the entity). */
export const PERMISSION_GRANT_VO: Dto = { className: `${VO}.PermissionGrantVO`, fields: { ...PERMISSION_VO.fields, aclClass: 'string', id: 'number' } };

/** `entity/templates/DataStorageTemplate.java`: the value of `storage.user.home.template`. */
export const DATA_STORAGE_TEMPLATE: Dto = {
  className: `${ENTITY}.templates.DataStorageTemplate`,
  fields: { datastorage: DATA_STORAGE_VO, permissions: { list: PERMISSION_VO }, metadata: { map: PIPE_CONF_VALUE } },
};

const PREFERENCE_TYPES = ['STRING', 'INTEGER', 'LONG', 'FLOAT', 'BOOLEAN', 'OBJECT'] as const;

/** `entity/preference/Preference.java`. */
export const PREFERENCE: Dto = {
  className: `${ENTITY}.preference.Preference`,
  fields: {
    name: 'string',
    createdDate: 'string',
    value: 'string',
    preferenceGroup: 'string',
    description: 'string',
    visible: 'boolean',
    type: { enum: PREFERENCE_TYPES, className: `${ENTITY}.preference.PreferenceType` },
  },
};

/** `controller/vo/data/storage/UpdateDataStorageItemVO.java`. */
export const UPDATE_DATA_STORAGE_ITEM_VO: Dto = {
  className: `${VO}.data.storage.UpdateDataStorageItemVO`,
  fields: {
    path: 'string',
    oldPath: 'string',
    version: 'string',
    type: { enum: ['Folder', 'File'], className: `${ENTITY}.datastorage.DataStorageItemType` },
    action: { enum: ['Create', 'Move', 'Copy'], className: `${VO}.data.storage.UpdateDataStorageItemActionTypes` },
    contents: 'string',
  },
};

/** `controller/vo/EntityVO.java`. */
export const ENTITY_VO: Dto = { className: `${VO}.EntityVO`, fields: { entityId: 'number', entityClass: 'string' } };

/** `controller/vo/MetadataVO.java`. */
export const METADATA_VO: Dto = { className: `${VO}.MetadataVO`, fields: { entity: ENTITY_VO, data: { map: PIPE_CONF_VALUE } } };

/** `core/.../entity/pipeline/Tool.java` with AbstractSecuredEntity and BaseEntity (`secretName` is @JsonIgnore). */
export const TOOL: Dto = {
  className: `${ENTITY}.pipeline.Tool`,
  fields: {
    id: 'number',
    name: 'string',
    createdDate: 'string',
    mask: 'number',
    owner: 'string',
    locked: 'boolean',
    image: 'string',
    cpu: 'string',
    ram: 'string',
    instanceType: 'string',
    disk: 'number',
    platform: 'string',
    registryId: 'number',
    registry: 'string',
    toolGroupId: 'number',
    toolGroup: 'string',
    link: 'number',
    description: 'string',
    shortDescription: 'string',
    labels: { list: 'string' },
    endpoints: { list: 'string' },
    defaultCommand: 'string',
    hasIcon: 'boolean',
    iconId: 'number',
    allowSensitive: 'boolean',
    allowCommit: 'boolean',
    toolOSVersion: 'any',
    gpuEnabled: 'boolean',
    parent: 'any',
    aclClass: 'string',
  },
};

const EVENT = `${ENTITY}.pipeline.DockerRegistryEvent`;
/** `core/.../entity/pipeline/DockerRegistryEventEnvelope.java` and `DockerRegistryEvent.java`. */
export const DOCKER_REGISTRY_EVENT_ENVELOPE: Dto = {
  className: `${ENTITY}.pipeline.DockerRegistryEventEnvelope`,
  fields: {
    events: {
      list: {
        className: EVENT,
        fields: {
          id: 'string',
          timestamp: 'string',
          action: 'string',
          target: {
            className: `${EVENT}$Target`,
            fields: { mediaType: 'string', size: 'number', length: 'number', digest: 'string', repository: 'string', url: 'string', tag: 'string' },
          },
          request: { className: `${EVENT}$Request`, fields: { id: 'string', addr: 'string', host: 'string', method: 'string', useragent: 'string' } },
          source: { className: `${EVENT}$Source`, fields: { addr: 'string', instanceID: 'string' } },
          actor: { className: `${EVENT}$Actor`, fields: { name: 'string' } },
        },
      },
    },
  },
};

const unreadable = (detail: string) => new ApiFailure(200, `Could not read document: ${detail}`);

function jsonKind(value: unknown): string {
  if (value === null) return 'VALUE_NULL';
  if (Array.isArray(value)) return 'START_ARRAY';
  if (typeof value === 'object') return 'START_OBJECT';
  if (typeof value === 'string') return 'VALUE_STRING';
  if (typeof value === 'number') return 'VALUE_NUMBER';
  return 'VALUE_BOOLEAN';
}

function check(value: unknown, type: FieldType, where: string, owner: string): void {
  if (value === null) return; // Jackson sets null for every reference type
  if (type === 'any') return;
  const mismatch = (javaType: string) => unreadable(`Can not deserialize instance of ${javaType} out of ${jsonKind(value)} token (through reference chain: ${owner}["${where}"])`);
  if (type === 'string') {
    if (typeof value === 'object') throw mismatch('java.lang.String');
    return;
  }
  if (type === 'number') {
    // Jackson coerces a numeric string into a number; anything else is refused.
    if (typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value))) return;
    throw mismatch('java.lang.Long');
  }
  if (type === 'boolean') {
    if (typeof value === 'boolean' || value === 'true' || value === 'false') return;
    throw mismatch('boolean');
  }
  if ('list' in type) {
    if (!Array.isArray(value)) throw mismatch('java.util.ArrayList');
    value.forEach((item, index) => check(item, type.list, `${where}[${index}]`, owner));
    return;
  }
  if ('map' in type) {
    if (typeof value !== 'object' || Array.isArray(value)) throw mismatch('java.util.LinkedHashMap');
    for (const [key, item] of Object.entries(value)) check(item, type.map, key, owner);
    return;
  }
  if ('enum' in type) {
    if (typeof value !== 'string' || !type.enum.includes(value)) {
      throw unreadable(`Can not deserialize value of type ${type.className} from String ${JSON.stringify(value)}: value not one of declared Enum instance names: [${type.enum.join(', ')}]`);
    }
    return;
  }
  readDto(value, type);
}

/**
 * Checks a parsed JSON body against an upstream class: every field known, every value of a type
 * Jackson would accept. Returns the body typed as the caller expects.
 */
export function readDto<T>(value: unknown, dto: Dto): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw unreadable(`Can not deserialize instance of ${dto.className} out of ${jsonKind(value)} token`);
  }
  const known = Object.keys(dto.fields);
  for (const [key, field] of Object.entries(value)) {
    const type = dto.fields[key];
    if (type === undefined) {
      throw unreadable(`Unrecognized field "${key}" (class ${dto.className}), not marked as ignorable (${known.length} known properties: ${known.map((k) => `"${k}"`).join(', ')})`);
    }
    check(field, type, key, dto.className);
  }
  return value as T;
}

/** A JSON array body whose every element is read as `dto`. */
export function readDtoList<T>(value: unknown, dto: Dto): T[] {
  if (!Array.isArray(value)) throw unreadable(`Can not deserialize instance of java.util.ArrayList out of ${jsonKind(value)} token`);
  return value.map((item) => readDto<T>(item, dto));
}
