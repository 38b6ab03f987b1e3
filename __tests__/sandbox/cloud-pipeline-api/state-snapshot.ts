import type { CloudPipelineApi } from '../../../src/sandbox/cloud-pipeline-api/index.js';

/** Everything a write could change in the API stand-in's state, as plain JSON, to compare before and after. */
export function stateSnapshot(state: CloudPipelineApi['state']): unknown {
  const plain = (value: unknown): unknown => {
    if (value instanceof Map) return [...(value as Map<unknown, unknown>).entries()].map(([key, entry]) => [key, plain(entry)]);
    if (value instanceof Set) return [...(value as Set<unknown>)].map(plain);
    if (Array.isArray(value)) return (value as unknown[]).map(plain);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, plain(entry)]));
    return value;
  };
  return plain({
    users: state.users,
    roles: state.roles,
    storages: state.storages,
    preferences: state.preferences,
    metadata: state.metadata,
    permissions: state.permissions,
    folders: state.folders,
    tools: state.toolModel,
  });
}
