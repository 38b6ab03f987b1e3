import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { runChain } from '../../src/actions/quick-launcher/chain.js';
import { STAGES } from '../../src/actions/quick-launcher/registry.js';
import { inputsFrom } from '../../src/lib/inputs.js';
import { MemoryLogger } from '../../src/lib/logger.js';
import { DEMO_FOLDER_APPS } from '../../src/sandbox/cloud-pipeline-api/index.js';
import { SANDBOX_API_HOST, startSandboxStack, type SandboxStack } from '../../src/sandbox/stack.js';
import { describeWithBrowser, launchChromium, visit, type PageVisit } from '../helpers/browser.js';

// The launcher as its users see it: the chain (build-dist with the sample launcher, build-images
// without a build, render, deploy) runs on one sandbox stack, then headless Chromium opens both
// launcher hosts through the sandbox Edge, over HTTPS, as a browser on a real cluster would.

const HOSTS = { app: 'apps.sandbox.test', tool: 'tools.sandbox.test' } as const;
/** Where the screenshots are kept (a CI artifact): BROWSER_TEST_OUTPUT, else reports/browser. */
const OUTPUT = process.env.BROWSER_TEST_OUTPUT ?? fileURLToPath(new URL('../../reports/browser/', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../../examples/quick-launcher-sample/', import.meta.url));
const TOOLS = fileURLToPath(new URL('../fixtures/optimized-tools/', import.meta.url));
const REGISTRY_HOST = 'registry.sandbox.test:5000';
const REGISTRY = `${REGISTRY_HOST}/library`;
const IMAGES = ['base', 'jupyter', 'rstudio', 'shiny'];
/** The folder applications the sandbox seeds, by the name their gateway.spec gives. */
const FOLDER_APPS = DEMO_FOLDER_APPS.map((app) => app.spec.name).sort();
/** The fixture's tools whose spec metadata names the tool launcher's host (`app_type`). */
const TOOL_LAUNCHER_TOOLS = ['rstudio'];
/** The background colour css/bundle.css gives the page (index.html sets none). */
const STYLESHEET_BACKGROUND = 'rgb(25, 50, 75)';

let root = '';
let shots = '';
let apiUrl = '';
let stack: SandboxStack;
let browser: Browser | undefined;
const visits: Partial<Record<'tool' | 'app' | 'appSignedIn' | 'appWithoutCookie', PageVisit>> = {};

function chainSource(stack: SandboxStack, kubeconfig: string) {
  const out = (name: string) => join(root, 'out', name);
  return inputsFrom({
    'launcher-source': join(root, 'quick-launcher'),
    version: '1.0.0-browser',
    'build-env': 'CP_APPLICATIONS_TITLE=Sandbox Applications',
    'cache-dir': join(root, 'cache'),
    'dist-output-dir': out('distribution'),
    // No image engine here: every variant falls back to a default image, which is still
    // registered with its spec's metadata (app_type = the launcher host it belongs to).
    'tools-dir': TOOLS,
    'images-build': 'false',
    registry: REGISTRY,
    push: 'false',
    'build-args': 'BUSYBOX_IMAGE=busybox:latest',
    'default-images': IMAGES.map((name) => `optimized/${name}=${REGISTRY}/${name}:latest`).join('\n'),
    'spec-env': [
      'BUSYBOX_IMAGE=busybox:latest',
      'CP_PREF_CLUSTER_INSTANCE_TYPE=m5.large',
      `CP_APPLICATION_LAUNCHER_EXTERNAL_HOST=${HOSTS.app}`,
      `CP_TOOL_LAUNCHER_EXTERNAL_HOST=${HOSTS.tool}`,
    ].join('\n'),
    'images-output-dir': out('tools'),
    'app-launcher-host': HOSTS.app,
    'tool-launcher-host': HOSTS.tool,
    // The API as the browser reaches it: through the Edge's ingress block, over HTTPS.
    'api-external-url': apiUrl,
    // What an admin sets: the storage that holds the published applications. The default
    // `user_default_storage` resolves for a user with a defaultStorageId only, and the list page
    // asks for the service user without one (parse-storage-placeholder.js, fetch-folder-applications.js:160-173).
    'app-launcher-config': join(root, 'app-launcher.json.hbs'),
    'edge-output-dir': out('edge-config'),
    ...stack.edgeInputs,
    kubeconfig: readFileSync(kubeconfig, 'utf8'),
    'api-url': stack.api.url,
    'api-token': stack.api.token,
    'rollout-timeout': '60s',
    'smoke-check': `https://${stack.edgeInputs['edge-port']}`,
    'api-insecure': 'true',
  });
}

/** A GET on the API stand-in as the admin; the payload. */
async function adminGet<T>(path: string): Promise<T> {
  const response = await fetch(`${stack.api.url}${path}`, { headers: { Authorization: `Bearer ${stack.api.token}` } });
  const body = (await response.json()) as { status: string; payload: T; message?: string };
  if (body.status !== 'OK') throw new Error(`GET ${path}: ${body.message}`);
  return body.payload;
}

async function open(name: keyof typeof visits, host: string, bearer: string | undefined): Promise<PageVisit> {
  const context = await browser!.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 800 } });
  if (bearer) await context.addCookies([{ name: 'bearer', value: bearer, domain: host, path: '/', secure: true }]);
  const seen = await visit(context, `https://${host}:${stack.edge!.port}/`, '#content:not(.loading)');
  await seen.page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  visits[name] = seen;
  return seen;
}

/** `<path below /pipeline/restapi> <status>` of the requests that failed or were blocked. */
function failedApiCalls(seen: PageVisit): string[] {
  const base = new URL(apiUrl).pathname;
  return seen.failed().map((request) => `${new URL(request.url).pathname.replace(base, '')} ${request.status}`).sort();
}

/** The two launchers in one image, one above the other, each cut to its top (the README's screenshot). */
async function sideBySide(files: string[], target: string): Promise<void> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 260 * files.length } });
  const page = await context.newPage();
  const images = await Promise.all(files.map(async (file) => `data:image/png;base64,${(await readFile(file)).toString('base64')}`));
  await page.setContent(`<body style="margin:0">${images.map((src) => `<img src="${src}" style="display:block;width:1280px;height:260px;object-fit:cover;object-position:top">`).join('')}</body>`);
  await page.screenshot({ path: target });
  await context.close();
}

const text = (seen: PageVisit | undefined, selector: string) => seen!.page.locator(selector).innerText();

describeWithBrowser(['nginx', 'openssl', 'kubectl'])('the launcher in headless Chromium, through the sandbox Edge', () => {
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'qla-browser-'));
    shots = OUTPUT;
    await mkdir(shots, { recursive: true });
    await cp(SAMPLE, join(root, 'quick-launcher'), { recursive: true, filter: (path) => !/[\\/](node_modules|build)$/.test(path) });
    await mkdir(join(root, 'runner-temp'));
    stack = await startSandboxStack({ stateDir: join(root, 'sandbox'), users: 1 });
    if (!stack.edge || !stack.apiExternalUrl) throw new Error('the sandbox Edge did not start (nginx and openssl are needed)');
    apiUrl = stack.apiExternalUrl;
    await writeFile(join(root, 'app-launcher.json.hbs'), `${JSON.stringify({ appConfigStorage: stack.folderAppsStorageId })}\n`);
    // The default images are in the registry Cloud Pipeline watches: their push notifications
    // created the tools (DockerRegistryManager.notifyDockerRegistryEvents), which the deploy finds.
    stack.api.state.toolModel.addRegistry(REGISTRY_HOST);
    for (const name of IMAGES) stack.api.pushImage(REGISTRY_HOST, `library/${name}`, 'latest');
    const logger = new MemoryLogger();
    await runChain({
      stages: ['build-dist', 'build-images', 'render', 'deploy'],
      registry: STAGES,
      root: chainSource(stack, stack.kube.writeKubeconfig(join(root, 'kubeconfig'))),
      env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600', RUNNER_TEMP: join(root, 'runner-temp') },
      logger,
      runner: { mask: () => undefined, saveState: () => undefined },
    }).catch((error: unknown) => {
      throw new Error(`the chain failed: ${(error as Error).message}\n${logger.text}`);
    });

    browser = await launchChromium([...Object.values(HOSTS), SANDBOX_API_HOST]);
    // The tool launcher as a signed-in user: the API's token for that user in the bearer cookie.
    const { token } = await adminGet<{ token: string }>('/user/token?name=USER0001');
    await open('tool', HOSTS.tool, token);
    // The app launcher without a cookie first; then with the anonymous token its own settings carry.
    const bare = await open('appWithoutCookie', HOSTS.app, undefined);
    const settings = (await bare.page.evaluate(() => fetch('/settings').then((answer) => answer.json()))) as Record<string, { anonymousAccess: { token: string } }>;
    await open('app', HOSTS.app, settings[HOSTS.app].anonymousAccess.token);
    await open('appSignedIn', HOSTS.app, token);
    await sideBySide([join(shots, 'app.png'), join(shots, 'tool.png')], join(shots, 'launchers.png'));
    console.log(`browser test screenshots: ${shots}`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  test('each page applies css/bundle.css, and the Edge serves the CSS and JS with their types', async () => {
    for (const seen of [visits.tool!, visits.app!]) {
      expect(await seen.page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(STYLESHEET_BACKGROUND);
      const typeOf = (path: string) => seen.requests.find((request) => new URL(request.url).pathname === path)?.contentType;
      expect(typeOf('/css/bundle.css')).toMatch(/^text\/css/);
      expect(typeOf('/js/main.bundle.js')).toMatch(/^application\/javascript/);
    }
  });

  test('each page reads /settings from its own origin and shows the mode its host is given', async () => {
    for (const [name, host, mode] of [['tool', HOSTS.tool, 'docker'], ['app', HOSTS.app, 'folder']] as const) {
      const seen = visits[name]!;
      const settings = seen.requests.filter((request) => request.url === `https://${host}:${stack.edge!.port}/settings`);
      expect(settings.map((request) => [request.method, request.status])).toEqual([['GET', 200]]);
      expect(await text(seen, '#mode')).toBe(`${mode} mode · ${host}`);
      expect(await seen.page.title()).toBe('Sandbox Applications');
    }
  });

  test('no console error, no uncaught error, no failed or blocked request', () => {
    for (const name of ['tool', 'app', 'appSignedIn'] as const) {
      const seen = visits[name]!;
      expect(seen.pageErrors).toEqual([]);
      expect(seen.consoleErrors).toEqual([]);
      expect(seen.failed()).toEqual([]);
    }
  });

  test('the API calls go to the browser-facing API URL, over HTTPS through the Edge', () => {
    for (const name of ['tool', 'app'] as const) {
      const calls = visits[name]!.requests.filter((request) => request.url.startsWith(`${apiUrl}/`));
      expect(calls.map((request) => new URL(request.url).pathname.replace(new URL(apiUrl).pathname, ''))).toEqual(expect.arrayContaining(['/whoami', '/datastorage/available']));
      expect(new URL(apiUrl).protocol).toBe('https:');
      expect(new URL(apiUrl).port).toBe(String(stack.edge!.port));
    }
  });

  test("the tool launcher finds the chain's tools by the metadata search for its host", async () => {
    const expected = (await adminGet<Array<{ entityId: number }>>(`/metadata/search?entityClass=TOOL&key=app_type&value=${HOSTS.tool}`)).map((entry) => entry.entityId);
    expect(expected).toHaveLength(TOOL_LAUNCHER_TOOLS.length);
    const search = visits.tool!.responses.find((response) => response.url().endsWith(`/metadata/search?entityClass=TOOL&key=app_type&value=${HOSTS.tool}`));
    expect(search?.status()).toBe(200);
    const found = ((await search!.json()) as { payload: Array<{ entityId: number }> }).payload.map((entry) => entry.entityId);
    expect(found.sort()).toEqual(expected.sort());
    expect(await text(visits.tool, '.footer')).toContain('USER0001');
  });

  test('the tool launcher lists those tools by name, from /dockerRegistry/loadTree', async () => {
    expect(await visits.tool!.page.locator('.application-card .name').allInnerTexts()).toEqual(TOOL_LAUNCHER_TOOLS);
    const images = await visits.tool!.page.locator('.application-card .image').allInnerTexts();
    expect(images).toEqual(TOOL_LAUNCHER_TOOLS.map((name) => `${REGISTRY}/${name}`));
  });

  test("the app launcher lists the service user's folder applications, for the anonymous user and a signed-in one", async () => {
    expect(await text(visits.app, '.footer')).toContain('SHINY_PORTAL_ANONYMOUS_USER (anonymous access)');
    expect(await text(visits.appSignedIn, '.footer')).toContain('USER0001');
    for (const seen of [visits.app!, visits.appSignedIn!]) {
      expect((await seen.page.locator('.application-card .name').allInnerTexts()).sort()).toEqual(FOLDER_APPS);
      // Each gateway.spec was read through /datastorage/{id}/content.
      const reads = seen.requests.filter((request) => /\/datastorage\/\d+\/content\?path=SHINY_PORTAL%2FShinyApps%2F/.test(request.url));
      expect(reads.map((request) => request.status)).toEqual(DEMO_FOLDER_APPS.map(() => 200));
    }
  });

  test('without a bearer cookie the app launcher shows an authentication error, as the real one does', async () => {
    const seen = visits.appWithoutCookie!;
    expect(await text(seen, '#content .header')).toBe('Authentication error');
    // Both whoami calls are refused, and /datastorage/available, which goes out without a token too.
    expect(failedApiCalls(seen)).toEqual(['/datastorage/available 401', '/whoami 401', '/whoami 401']);
    expect(seen.pageErrors).toEqual([]);
  });

  test('the screenshots are kept: each page, and both launchers in one image', async () => {
    for (const name of ['tool', 'app', 'launchers']) {
      const png = await readFile(join(shots, `${name}.png`));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
    }
  });
});
