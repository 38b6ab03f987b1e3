// Attack (red-team finding 2): render-edge-config merges a settings template into the public
// /settings. A distribution unpacked on the runner whose template is a symbolic link (to, say,
// ~/.docker/config.json after docker/login-action) had that file read and published. The same
// for a template named by app-launcher-config, tool-launcher-config or server-template that is a
// link committed to the repository. These tests plant the links and run the real render.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import { link, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../src/lib/errors.js';
import { MemoryLogger } from '../../src/lib/logger.js';
import { SETTINGS_TEMPLATE_PATHS } from '../../src/lib/distribution-layout.js';
import { resolveRequest } from '../../src/actions/render-edge-config/request.js';
import { OUTPUT_SETTINGS_FILE } from '../../src/actions/render-edge-config/render.js';
import { renderAndWrite } from '../../src/actions/render-edge-config/execute.js';
import { loadTemplates } from '../../src/actions/render-edge-config/templates.js';
import { inputsOf, tempDir } from '../actions/render-edge-config/render-helpers.js';

const API = 'https://cp.example.test/pipeline/restapi';
const HOST = 'apps.example.test';
const SECRET = 'c2VjcmV0LXJlZ2lzdHJ5LXBhc3N3b3Jk';

let root: string;
let dockerConfig: string;
let workspace: string;
let savedWorkspace: string | undefined;
beforeEach(async () => {
  root = await tempDir('security-links');
  // The runner's registry login, outside the workspace: a JSON object, so it would merge cleanly.
  await mkdir(join(root, 'home', '.docker'), { recursive: true });
  dockerConfig = join(root, 'home', '.docker', 'config.json');
  await writeFile(dockerConfig, JSON.stringify({ auths: { 'registry.example.test': { auth: SECRET } } }));
  workspace = join(root, 'workspace');
  await mkdir(workspace);
  savedWorkspace = process.env.GITHUB_WORKSPACE;
  process.env.GITHUB_WORKSPACE = workspace;
});
afterEach(() => {
  if (savedWorkspace === undefined) delete process.env.GITHUB_WORKSPACE;
  else process.env.GITHUB_WORKSPACE = savedWorkspace;
});

/** Runs the render as the action does; returns the error and whether an output folder appeared. */
async function render(values: Record<string, string>): Promise<{ error: unknown; wrote: boolean; outputDir: string }> {
  const outputDir = join(root, 'out');
  const inputs = inputsOf({ 'app-launcher-host': HOST, 'api-external-url': API, 'output-dir': outputDir, ...values });
  const error = await renderAndWrite(inputs, {}, new MemoryLogger()).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return { error, wrote: existsSync(outputDir), outputDir };
}

function expectRefused(result: { error: unknown; wrote: boolean }, input: string, says: string | RegExp): void {
  expect(result.error).toBeInstanceOf(InputError);
  expect((result.error as InputError).input).toBe(input);
  expect((result.error as Error).message).toMatch(says);
  expect((result.error as Error).message).not.toContain(SECRET);
  expect(result.wrote).toBe(false);
}

/** An unpacked distribution folder with its templates folder in place. */
async function distribution(): Promise<string> {
  const dist = join(root, 'dist');
  await mkdir(join(dist, 'quick-launcher', 'templates'), { recursive: true });
  return dist;
}

describe('a settings template in an unpacked distribution', () => {
  test('that is a symbolic link to a file of the runner is refused, naming the entry', async () => {
    const dist = await distribution();
    await symlink(dockerConfig, join(dist, SETTINGS_TEMPLATE_PATHS.app));
    const result = await render({ distribution: dist });
    expectRefused(result, 'distribution', `entry '${SETTINGS_TEMPLATE_PATHS.app}' is a symbolic link (to '${dockerConfig}'); only a regular file is read`);
  });

  test('that is a relative link climbing out of the folder is refused', async () => {
    const dist = await distribution();
    await symlink('../../../home/.docker/config.json', join(dist, SETTINGS_TEMPLATE_PATHS.app));
    expectRefused(await render({ distribution: dist }), 'distribution', /is a symbolic link \(to '\.\.\/\.\.\/\.\.\/home\/\.docker\/config\.json'\)/);
  });

  test('that lies through a linked folder is refused, naming the link', async () => {
    const dist = join(root, 'dist');
    await mkdir(join(dist, 'quick-launcher'), { recursive: true });
    await mkdir(join(root, 'elsewhere'));
    await writeFile(join(root, 'elsewhere', 'app-launcher.json.hbs'), await readFile(dockerConfig, 'utf8'));
    await symlink(join(root, 'elsewhere'), join(dist, 'quick-launcher', 'templates'));
    expectRefused(await render({ distribution: dist }), 'distribution', `entry 'quick-launcher/templates' is a symbolic link (to '${join(root, 'elsewhere')}'), and ${SETTINGS_TEMPLATE_PATHS.app} lies through it`);
  });

  test('that is a hard link (a second name of another file) is refused', async () => {
    const dist = await distribution();
    await link(dockerConfig, join(dist, SETTINGS_TEMPLATE_PATHS.app));
    expectRefused(await render({ distribution: dist }), 'distribution', /is a hard link \(2 names for one file\)/);
  });

  test('that is a regular file is still read and merged (legitimate use)', async () => {
    const dist = await distribution();
    await writeFile(join(dist, SETTINGS_TEMPLATE_PATHS.app), '{ "title": "Distribution title", "tagValue": {{json host}} }');
    const result = await render({ distribution: dist });
    expect(result.error).toBeUndefined();
    const settings = JSON.parse(await readFile(join(result.outputDir, OUTPUT_SETTINGS_FILE), 'utf8')) as Record<string, Record<string, unknown>>;
    expect(settings[HOST]).toMatchObject({ title: 'Distribution title', applicationsMode: 'folder' });
  });
});

describe('a template named by an input that is a symbolic link', () => {
  test.each(['app-launcher-config', 'server-template'])('%s linked to a file outside the workspace is refused', async (input) => {
    const planted = join(workspace, 'config', 'template.hbs');
    await mkdir(join(workspace, 'config'));
    await symlink(dockerConfig, planted);
    const result = await render({ [input]: planted });
    expectRefused(result, input, `template ${planted} is or lies through a symbolic link to ${dockerConfig}, outside the workspace ${workspace}`);
  });

  test('a link is refused when no workspace is known', async () => {
    delete process.env.GITHUB_WORKSPACE;
    const planted = join(root, 'tool.json.hbs');
    await symlink(dockerConfig, planted);
    const result = await render({ 'tool-launcher-host': 'tools.example.test', 'tool-launcher-config': planted });
    expectRefused(result, 'tool-launcher-config', 'and no workspace (GITHUB_WORKSPACE) is known');
  });

  test('a path from install-config names its origin when refused', async () => {
    const planted = join(workspace, 'app.json.hbs');
    await symlink(dockerConfig, planted);
    const request = resolveRequest(inputsOf({ 'app-launcher-host': HOST, 'api-external-url': API }), {}, new Map([['CP_APPLICATION_LAUNCHER_CONFIG_PATH', planted]]));
    await expect(loadTemplates(request, { workspace })).rejects.toThrow(`(from install-config CP_APPLICATION_LAUNCHER_CONFIG_PATH) is or lies through a symbolic link to ${dockerConfig}`);
  });

  test('a link that stays inside the workspace is followed (legitimate use)', async () => {
    await mkdir(join(workspace, 'shared'));
    await writeFile(join(workspace, 'shared', 'app.json.hbs'), '{ "title": "Shared" }');
    const named = join(workspace, 'app.json.hbs');
    await symlink('shared/app.json.hbs', named);
    const request = resolveRequest(inputsOf({ 'app-launcher-host': HOST, 'api-external-url': API, 'app-launcher-config': named }), {}, new Map());
    const templates = await loadTemplates(request, { workspace });
    expect(templates.layers.app).toEqual({ text: '{ "title": "Shared" }', input: 'app-launcher-config', file: named });
  });

  test('a regular file outside the workspace, named directly, is read (the workflow names it)', async () => {
    const named = join(root, 'runner-temp-app.json.hbs');
    await writeFile(named, '{ "title": "From RUNNER_TEMP" }');
    const result = await render({ 'app-launcher-config': named });
    expect(result.error).toBeUndefined();
  });
});
