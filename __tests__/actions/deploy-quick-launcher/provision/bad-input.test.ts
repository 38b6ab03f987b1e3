import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { InputError } from '../../../../src/lib/errors.js';
import { MemoryLogger } from '../../../../src/lib/logger.js';
import { writeManifest } from '../../../../src/lib/manifest.js';
import { DEFAULT_RETRY, createCloudPipelineClient } from '../../../../src/cloud-pipeline/index.js';
import { startCloudPipelineApi } from '../../../../src/sandbox/cloud-pipeline-api/index.js';
import {
  DEFAULT_SYSTEM_USERS,
  parseHomeHierarchy,
  parseHomeAuto,
  parseHomeStorageTemplate,
  parseToolRegistration,
  parsePreferences,
  parseSyncHomeFolders,
  parseSystemUsers,
  provision,
  readToolsManifest,
  type DesiredState,
  type ProvisionOptions,
  type HomeHierarchy,
} from '../../../../src/actions/deploy-quick-launcher/provision/index.js';
import { HIERARCHY, standIn, toolEntry, toolsFolder } from './fixture.js';

const cleanups: (() => Promise<void>)[] = [];

/** The error a promise rejects with (the test fails if it resolves). */
function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as Error,
  );
}
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('input parsers', () => {
  test.each([
    ['malformed JSON, with line and column', '{\n  "@@": {\n    "R": {},\n  }\n}', /^Input 'home-hierarchy-template': not valid JSON at line 4, column 3/],
    ['a folder escaping the storage', '{"@@": {"..": {}}}', /^Input 'home-hierarchy-template': folder '@@\/\.\.' escapes the home storage/],
    ['an absolute path', '{"/etc": {"passwd": {}}}', /folder '\/etc' is an absolute path/],
    ['a path with slashes', '{"@@/ShinyApps": {}}', /folder '@@\/ShinyApps': give one folder name per level/],
    ['a folder that is not an object', '{"@@": {"R": "yes"}}', /@@\/R must be an object of folders/],
    ['a list instead of a tree', '["@@/R"]', /the template must be an object of folders \(\{\} for none\), not an array/],
    ['a "." folder', '{".": {}}', /folder name "\." is not allowed/],
  ])('home-hierarchy-template: %s', (_name, text, message) => {
    expect(() => parseHomeHierarchy(text)).toThrow(InputError);
    expect(() => parseHomeHierarchy(text)).toThrow(message);
  });

  test('home-hierarchy-template: a valid tree is returned as is', () => {
    expect(parseHomeHierarchy(JSON.stringify(HIERARCHY))).toEqual(HIERARCHY);
  });

  test.each([
    ['an invalid user name', 'service=SHINY PORTAL', /'SHINY' is not a valid user name|expected/],
    ['a user name with a slash', 'admin=../ADMIN', /'..\/ADMIN' is not a valid user name/],
    ['an unknown kind', 'robot=ROBOT', /line 1: 'robot' is not one of service, admin, anonymous/],
    ['a bad role', 'admin=ADMIN:ROLE_x-y', /line 1: 'ROLE_x-y' is not a valid role name/],
    ['one name twice', 'admin=SAME\nservice=same', /'SAME' is given for two system users/],
    ['no equals sign', '\n# comment\nSHINY_PORTAL', /line 3: expected 'service\|admin\|anonymous=NAME/],
  ])('system-users: %s', (_name, text, message) => {
    expect(() => parseSystemUsers(text)).toThrow(message);
    expect(() => parseSystemUsers(text)).toThrow(/^Input 'system-users': /);
  });

  test('system-users: overrides keep defaults and the anonymous role', () => {
    const users = parseSystemUsers('anonymous=GUEST:USER\nadmin=PORTAL_ADMIN');
    expect(users).toEqual([
      DEFAULT_SYSTEM_USERS[0],
      { kind: 'admin', name: 'PORTAL_ADMIN', roles: ['ROLE_ADMIN'] },
      { kind: 'anonymous', name: 'GUEST', roles: ['ROLE_USER', 'ROLE_ANONYMOUS_USER'] },
    ]);
  });

  test('preferences, sync-home-folders and home-storage-template name themselves', () => {
    expect(parsePreferences('launch.max=5\n# x\nui.title = Hi there\nobj={"a": 1}')).toEqual([
      { name: 'launch.max', value: '5', type: 'INTEGER' },
      { name: 'ui.title', value: 'Hi there', type: 'STRING' },
      { name: 'obj', value: '{"a": 1}', type: 'OBJECT' },
    ]);
    expect(() => parsePreferences('ok=1\n=nothing')).toThrow(/^Input 'preferences': line 2: expected 'preference.name=value'/);
    expect(() => parsePreferences('obj={"a": }')).toThrow(/^Input 'preferences': line 1 \(obj\): not valid JSON at line 1, column 7/);
    expect(parseSyncHomeFolders('')).toBe('system');
    expect(parseSyncHomeFolders('all')).toBe('all');
    expect(() => parseSyncHomeFolders('everyone')).toThrow("Input 'sync-home-folders': 'everyone' is not one of none, system, all");
    expect(() => parseHomeStorageTemplate('{"datastorage": {"name": "shared"}}')).toThrow(/^Input 'home-storage-template': .*must contain '@@'/);
    expect(() => parseHomeStorageTemplate('{"datastorage": ')).toThrow(/^Input 'home-storage-template': the template: not valid JSON/);
  });

  test('home-storage-auto: empty leaves it to provisioning, true/false set it, anything else is named', () => {
    expect(parseHomeAuto('')).toBeUndefined();
    expect(parseHomeAuto(' TRUE ')).toBe(true);
    expect(parseHomeAuto('false')).toBe(false);
    expect(() => parseHomeAuto('yes')).toThrow("Input 'home-storage-auto': 'yes' is not true, false or empty");
  });

  test('tool-cpu and tool-ram: both or neither, each a quantity', () => {
    expect(parseToolRegistration('', '')).toBeUndefined();
    expect(parseToolRegistration('500m', '4Gi')).toEqual({ cpu: '500m', ram: '4Gi' });
    expect(() => parseToolRegistration('1', '')).toThrow("Input 'tool-ram': is required when 'tool-cpu' is given");
    expect(() => parseToolRegistration('', '1Gi')).toThrow("Input 'tool-cpu': is required when 'tool-ram' is given");
    expect(() => parseToolRegistration('one', '1Gi')).toThrow("Input 'tool-cpu': 'one' is not a cpu quantity");
    expect(() => parseToolRegistration('1', '4 GB')).toThrow("Input 'tool-ram': '4 GB' is not a memory quantity");
  });
});

describe('bad input reaches the API with nothing mutating', () => {
  async function expectRefused(desired: DesiredState, message: RegExp, options: ProvisionOptions = {}) {
    const env = await standIn({ users: 2 });
    cleanups.push(env.done);
    const before = JSON.stringify([...env.api.state.users.values(), ...env.api.state.preferences.values()]);
    await expect(provision(env.client, desired, options)).rejects.toThrow(message);
    expect(env.api.mutatingCalls()).toEqual([]);
    expect(env.api.requests().filter((r) => r.mutating)).toEqual([]);
    expect(JSON.stringify([...env.api.state.users.values(), ...env.api.state.preferences.values()])).toBe(before);
  }

  test('an unknown role names the input, the user and the role', async () => {
    const systemUsers = parseSystemUsers('admin=PORTAL_ADMIN:ROLE_PORTAL_PUBLISHER');
    await expectRefused({ systemUsers }, /^Input 'system-users': role 'ROLE_PORTAL_PUBLISHER' of PORTAL_ADMIN does not exist in Cloud Pipeline \(known: ROLE_ADMIN/);
  });

  test('an invalid user name given directly is refused before any call', async () => {
    await expectRefused({ systemUsers: [{ kind: 'service', name: 'bad name', roles: ['ROLE_USER'] }] }, /^Input 'system-users': 'bad name' is not a valid user name/);
  });

  test('a hierarchy escaping the storage given directly is refused before any call', async () => {
    const escaping = { '@@': { '..': { etc: {} } } } as HomeHierarchy;
    await expectRefused({ homeHierarchy: escaping, syncHomeFolders: 'all' }, /escapes the home storage/);
  });

  test('a tool that never appears after its push stops the run before any change', async () => {
    const folder = await toolsFolder([toolEntry('shiny')]);
    cleanups.push(folder.cleanup);
    const tools = await readToolsManifest(folder.dir);
    await expectRefused({ tools }, /tool registry\.local:5000\/optimized\/shiny is not in Cloud Pipeline after waiting 0 s: push the image/, { toolWaitMs: 20, toolPollMs: 5 });
    await expectRefused({ tools, toolRegistration: { cpu: '1', ram: '1Gi' } }, /cannot be registered: tool group 'optimized' does not exist in registry registry\.local:5000/, { toolWaitMs: 0 });
  });

  test('an unreachable API is named, with nothing sent', async () => {
    const closed = await startCloudPipelineApi();
    await closed.stop();
    const client = createCloudPipelineClient({ url: closed.url, token: closed.token, retry: { baseDelayMs: 1, maxDelayMs: 5, attempts: DEFAULT_RETRY.attempts } });
    const error = await failure(provision(client, { homeHierarchy: HIERARCHY }, {}));
    client.close();
    expect(error.message).toMatch(/^Cloud Pipeline API GET \/whoami failed: .*ECONNREFUSED.*\(is api-url http:\/\/127\.0\.0\.1:\d+\/pipeline\/restapi reachable\?\)/);
    expect(error.message).not.toContain(closed.token);
  });
});

describe('tools manifest', () => {
  test.each([
    ['a missing required field', [toolEntry('shiny', { state: undefined })], /tools\.0: must have required property 'state'/],
    ['a bad state', [toolEntry('shiny', { state: 'cached' })], /tools\.0\.state: must be equal to one of the allowed values/],
    ['metadata that is not a string', [toolEntry('shiny', { metadata: { port: 8080 } })], /tools\.0\.metadata\.port: must be string/],
    ['an endpoint that is not JSON', [toolEntry('shiny', { spec: { short_description: 'x', endpoints: ['{name: shiny}'] } })], /tools\.0 \(shiny\): spec\.endpoints\.0 is not a JSON string/],
  ])('%s is named with the input and the file', async (_name, tools, message) => {
    const folder = await toolsFolder(tools);
    cleanups.push(folder.cleanup);
    const error = await failure(readToolsManifest(folder.dir));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/^Input 'tools-manifest': .*tools-manifest\.json: /);
    expect(error.message).toMatch(message);
  });

  test('malformed JSON gives the line; a folder of another kind is refused', async () => {
    const folder = await toolsFolder([toolEntry('shiny')]);
    cleanups.push(folder.cleanup);
    await writeFile(join(folder.dir, 'tools-manifest.json'), '{\n  "schema": 1,\n  "tools": [,]\n}');
    await writeManifest(folder.dir, { kind: 'tools', action: 'build-optimized-images', inputsDigest: 'sha256:test' });
    await expect(readToolsManifest(folder.dir)).rejects.toThrow(/tools-manifest\.json:3:13: not valid JSON/);
    await writeManifest(folder.dir, { kind: 'edge-config', action: 'render-edge-config', inputsDigest: 'sha256:test' });
    await expect(readToolsManifest(folder.dir)).rejects.toThrow(/^Input 'tools-manifest': .* holds 'edge-config', expected 'tools'/);
  });

  test('an altered file is caught by the hand-off manifest', async () => {
    const folder = await toolsFolder([toolEntry('shiny')]);
    cleanups.push(folder.cleanup);
    await writeFile(join(folder.dir, 'icons', 'shiny.png'), 'tampered');
    await expect(readToolsManifest(folder.dir)).rejects.toThrow(/^Input 'tools-manifest': .*shiny\.png/);
  });
});

describe('secrets', () => {
  test('the admin token and the anonymous token appear in no log line, plan or error', async () => {
    const env = await standIn({ users: 3, faults: { errorRate: 0.2, dropRate: 0.1, seed: 3 } });
    cleanups.push(env.done);
    const logger = new MemoryLogger();
    const debugging = createCloudPipelineClient({ url: env.api.url, token: env.api.token, logger, retry: { baseDelayMs: 1, maxDelayMs: 5, attempts: DEFAULT_RETRY.attempts } });
    cleanups.push(() => Promise.resolve(debugging.close()));
    const result = await provision(debugging, { homeHierarchy: HIERARCHY, syncHomeFolders: 'all' }, { logger });
    expect(result.anonymousToken).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(logger.lines.some((line) => line.includes('retry'))).toBe(true);
    const seen = [logger.text, JSON.stringify(result.plan), JSON.stringify(result.counts)].join('\n');
    expect(seen).not.toContain(env.api.token);
    expect(seen).not.toContain(result.anonymousToken);

    env.api.setFaults({ failAt: [env.api.requests().length + 2] });
    const error = await failure(provision(debugging, { homeHierarchy: HIERARCHY, syncHomeFolders: 'all' }, { logger }));
    expect(`${error.message}\n${error.stack}\n${logger.text}`).not.toContain(env.api.token);
  });
});
