import { afterEach, describe, expect, test } from '@jest/globals';
import { CloudPipelineAuthError, CloudPipelineError } from '../../../../src/cloud-pipeline/index.js';
import { provision, readToolsManifest, type DesiredState } from '../../../../src/actions/deploy-quick-launcher/provision/index.js';
import { DEFAULT_RETRY } from '../../../../src/cloud-pipeline/index.js';
import { HIERARCHY, allFolders, clientFor, pushTools, standIn, toolEntry, toolsFolder } from './fixture.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function desiredWithTools(): Promise<DesiredState> {
  const tools = await toolsFolder([toolEntry('shiny'), toolEntry('jupyter')]);
  cleanups.push(tools.cleanup);
  return { homeHierarchy: HIERARCHY, syncHomeFolders: 'all', tools: await readToolsManifest(tools.dir) };
}

/** Exactly one of each user, storage, folder and tool: no duplicates, nothing missing. */
function expectConverged(env: Awaited<ReturnType<typeof standIn>>, users: number) {
  const { api } = env;
  const names = [...api.state.users.values()].map((user) => user.userName);
  expect(new Set(names).size).toBe(names.length);
  expect(names).toHaveLength(users);
  const storages = [...api.state.storages.values()];
  expect(storages).toHaveLength(users);
  expect(new Set(storages.map((storage) => storage.name)).size).toBe(users);
  for (const user of api.state.users.values()) {
    const storage = api.state.storages.get(user.defaultStorageId ?? -1);
    expect(storage?.folders.size).toBe(6);
    expect(storage?.folders.has(`${user.userName}/ShinyApps/log`)).toBe(true);
  }
  expect(api.state.tools.size).toBe(2);
  expect(api.state.icons.size).toBe(2);
}

describe('provisioning under faults', () => {
  test('30% of calls failing (503s, 429s, dropped connections before and after the API acted), the shipped 6 attempts: converges with exactly one of everything', async () => {
    const env = await standIn({ users: 10, faults: { errorRate: 0.15, rateLimitRate: 0.05, retryAfterSeconds: 0, dropRate: 0.05, dropAfterRate: 0.05, seed: 7 } });
    cleanups.push(env.done);
    pushTools(env.api, ['shiny', 'jupyter']);
    expect(DEFAULT_RETRY.attempts).toBe(6);
    // One call at a time: the seeded dice fall on the same calls on every run.
    const result = await provision(env.client, await desiredWithTools(), { concurrency: 1 });
    expect(result.requests.retries).toBeGreaterThan(0);
    expect(env.api.requests().some((r) => r.status === 0)).toBe(true);
    expect(env.api.requests().some((r) => r.status === 503)).toBe(true);
    // 10 seeded, 3 system users, PIPE_ADMIN
    expectConverged(env, 14);

    env.api.clearRequests();
    env.api.setFaults({});
    const again = await provision(env.client, await desiredWithTools(), { concurrency: 4 });
    expect(again.changed).toBe(false);
    expect(env.api.mutatingCalls()).toEqual([]);
  });

  test.each([5, 12, 30])('a failure at call %i stops the run; a rerun converges', async (failAt) => {
    const env = await standIn({ users: 4, faults: { failAt: [failAt] } });
    cleanups.push(env.done);
    pushTools(env.api, ['shiny', 'jupyter']);
    const desired = await desiredWithTools();
    await expect(provision(env.client, desired, { concurrency: 2 })).rejects.toThrow(/HTTP 500.*Injected failure/);
    const result = await provision(env.client, desired, { concurrency: 2 });
    expect(result.counts.mutatingCalls).toBeGreaterThan(0);
    expectConverged(env, 8);
    const folders = allFolders(env.api);
    env.api.clearRequests();
    await provision(env.client, desired, { concurrency: 2 });
    expect(env.api.mutatingCalls()).toEqual([]);
    expect(allFolders(env.api)).toEqual(folders);
  });

  test('a wrong token gives one clear message, without the token, and changes nothing', async () => {
    const env = await standIn({ users: 1 });
    cleanups.push(env.done);
    const wrong = 'eyJhbGciOiJIUzI1NiJ9.wrong-token-value.signature';
    const client = clientFor(env.api, wrong);
    const error = await provision(client, { homeHierarchy: HIERARCHY }, {}).catch((e: unknown) => e);
    client.close();
    expect(error).toBeInstanceOf(CloudPipelineAuthError);
    expect((error as Error).message).toMatch(/GET \/whoami was refused \(HTTP 401\).*'api-token'/);
    expect((error as Error).message).not.toContain(wrong);
    expect(env.api.requests()).toEqual([expect.objectContaining({ path: '/whoami', status: 401 })]);
  });

  test('an API that stays unavailable fails after the retries, naming the call', async () => {
    const env = await standIn({ faults: { errorRate: 1 } });
    cleanups.push(env.done);
    const error = await provision(env.client, {}, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudPipelineError);
    expect((error as Error).message).toBe('Cloud Pipeline API GET /whoami failed (HTTP 503): Injected 503 Service Unavailable');
    expect(env.api.requests()).toHaveLength(DEFAULT_RETRY.attempts);
  });
});
