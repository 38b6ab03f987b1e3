import { CloudPipelineError } from './errors.js';
import type { DataStorage, PipelineUser, Role, Tool } from './types.js';

/**
 * Reading the API's answers. The API serializes NON_EMPTY (`config/JsonMapper.java:76`): null,
 * empty strings, lists and maps are left out, the payload itself included, so every optional
 * field is read as absent-or-empty. A payload of another shape than the call promises is a
 * CloudPipelineError naming the call, never a TypeError further down.
 */
export interface Call {
  method: string;
  path: string;
}

type Json = Record<string, unknown>;

function unexpected(call: Call, detail: string): CloudPipelineError {
  return new CloudPipelineError(call.method, call.path, 200, `unexpected answer: ${detail}`);
}

const describe = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value);

/** The payload as an object (`what` names it in the error). */
export function objectOf(call: Call, value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw unexpected(call, `${what} should be an object, got ${describe(value)}`);
  return value as Json;
}

/** The payload as a list; absent (an empty list under NON_EMPTY) is []. */
export function listOf<T>(call: Call, value: unknown, what: string, item: (entry: unknown, index: number) => T): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw unexpected(call, `${what} should be a list, got ${describe(value)}`);
  return value.map(item);
}

export function numberIn(call: Call, object: Json, field: string, what: string): number {
  const value = object[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw unexpected(call, `${what}.${field} should be a number, got ${describe(value)}`);
  return value;
}

export function stringIn(call: Call, object: Json, field: string, what: string): string {
  const value = object[field];
  if (typeof value !== 'string' || value === '') throw unexpected(call, `${what}.${field} should be a non-empty string, got ${describe(value)}`);
  return value;
}

function optionalNumberIn(call: Call, object: Json, field: string, what: string): number | undefined {
  return object[field] === undefined || object[field] === null ? undefined : numberIn(call, object, field, what);
}

export function optionalStringIn(call: Call, object: Json, field: string, what: string): string | undefined {
  const value = object[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw unexpected(call, `${what}.${field} should be a string, got ${describe(value)}`);
  return value;
}

export function roleOf(call: Call, value: unknown, what = 'role'): Role {
  const role = objectOf(call, value, what);
  return { ...role, id: numberIn(call, role, 'id', what), name: stringIn(call, role, 'name', what) };
}

/** A PipelineUser; `roles`, `groups` and `defaultStorageId` may be absent. */
export function userOf(call: Call, value: unknown, what = 'user'): PipelineUser {
  const user = objectOf(call, value, what);
  const defaultStorageId = optionalNumberIn(call, user, 'defaultStorageId', what);
  const normalized: Json = {
    ...user,
    id: numberIn(call, user, 'id', what),
    userName: stringIn(call, user, 'userName', what),
    roles: listOf(call, user.roles, `${what}.roles`, (role, index) => roleOf(call, role, `${what}.roles[${index}]`)),
    groups: listOf(call, user.groups, `${what}.groups`, (group) => String(group)),
  };
  if (defaultStorageId === undefined) delete normalized.defaultStorageId;
  else normalized.defaultStorageId = defaultStorageId;
  return normalized as unknown as PipelineUser;
}

export function storageOf(call: Call, value: unknown, what = 'storage'): DataStorage {
  const storage = objectOf(call, value, what);
  return {
    ...storage,
    id: numberIn(call, storage, 'id', what),
    name: stringIn(call, storage, 'name', what),
    path: optionalStringIn(call, storage, 'path', what) ?? '',
    owner: optionalStringIn(call, storage, 'owner', what),
  };
}

/** A Tool, every field kept (an update sends it back whole); `hasIcon` false when absent. */
export function toolOf(call: Call, value: unknown, what = 'tool'): Tool {
  const tool = objectOf(call, value, what);
  return {
    ...tool,
    id: numberIn(call, tool, 'id', what),
    image: stringIn(call, tool, 'image', what),
    registry: optionalStringIn(call, tool, 'registry', what) ?? '',
    registryId: optionalNumberIn(call, tool, 'registryId', what),
    hasIcon: tool.hasIcon === true,
  };
}
