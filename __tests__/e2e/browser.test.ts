import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { runChain } from '../../src/actions/quick-launcher/chain.js';
import { STAGES } from '../../src/actions/quick-launcher/run.js';
import { inputsFrom } from '../../src/lib/inputs.js';
import { MemoryLogger } from '../../src/lib/logger.js';
import { startSandboxStack, type SandboxStack } from '../../src/sandbox/stack.js';
import { describeWithBrowser, launchChromium, visit, type PageVisit } from '../helpers/browser.js';

// The launcher as its users see it: the chain (build-dist with the sample launcher, build-images
// without a build, render, deploy) runs on one sandbox stack, then headless Chromium opens both
// launcher hosts through the sandbox Edge, over HTTPS, as a browser on a real cluster would.

const HOSTS = { app: 'apps.sandbox.test', tool: 'tools.sandbox.test' } as const;
const SAMPLE = fileURLToPath(new URL('../../examples/quick-launcher-sample/', import.meta.url));
const TOOLS = fileURLToPath(new URL('../fixtures/optimized-tools/', import.meta.url));
const REGISTRY_HOST = 'registry.sandbox.test:5000';
const REGISTRY = `${REGISTRY_HOST}/library`;
const IMAGES = ['base', 'jupyter', 'rstudio', 'shiny'];
/** The fixture's tools whose spec metadata names the tool launcher's host (`app_type`). */
const TOOL_LAUNCHER_TOOLS = ['rstudio'];
/** The background colour css/bundle.css gives the page (index.html sets none). */
const STYLESHEET_BACKGROUND = 'rgb(25, 50, 75)';

/**
 * Endpoints the real launcher calls (and so the sample does) that the API stand-in does not serve
 * yet (issue 16, item 2). The browser's CORS preflight to an unknown path gets no CORS headers,
 * so Chromium blocks the call and logs it. Asserted exactly below: when the stand-in serves one,
 * the test fails until it is taken off this list, which also turns the listing test into a
 * plain one.
 */
const STAND_IN_GAPS: Record<'app' | 'tool', string[]> = {
  app: ['/datastorage/available'],
  tool: ['/datastorage/available', '/dockerRegistry/loadTree'],
};

let root = '';
let shots = '';
let stack: SandboxStack;
let browser: Browser | undefined;
const visits: Partial<Record<'tool' | 'app' | 'appWithoutCookie', PageVisit>> = {};

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
    'api-external-url': stack.api.url,
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

/** The API paths (below /pipeline/restapi) of the requests that failed or were blocked. */
function failedApiPaths(seen: PageVisit): string[] {
  const base = new URL(stack.api.url).pathname;
  return [...new Set(seen.failed().map((request) => new URL(request.url).pathname.replace(base, '')))].sort();
}

const text = (seen: PageVisit | undefined, selector: string) => seen!.page.locator(selector).innerText();

describeWithBrowser(['nginx', 'openssl', 'kubectl'])('the launcher in headless Chromium, through the sandbox Edge', () => {
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'qla-browser-'));
    shots = await mkdtemp(join(tmpdir(), 'qla-browser-screenshots-'));
    await cp(SAMPLE, join(root, 'quick-launcher'), { recursive: true, filter: (path) => !/[\\/](node_modules|build)$/.test(path) });
    await mkdir(join(root, 'runner-temp'));
    stack = await startSandboxStack({ stateDir: join(root, 'sandbox'), users: 1 });
    if (!stack.edge) throw new Error('the sandbox Edge did not start (nginx and openssl are needed)');
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

    browser = await launchChromium(Object.values(HOSTS));
    // The tool launcher as a signed-in user: the API's token for that user in the bearer cookie.
    const { token } = await adminGet<{ token: string }>('/user/token?name=USER0001');
    await open('tool', HOSTS.tool, token);
    // The app launcher without a cookie first; then with the anonymous token its own settings carry.
    const bare = await open('appWithoutCookie', HOSTS.app, undefined);
    const settings = (await bare.page.evaluate(() => fetch('/settings').then((answer) => answer.json()))) as Record<string, { anonymousAccess: { token: string } }>;
    await open('app', HOSTS.app, settings[HOSTS.app].anonymousAccess.token);
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

  test('no console error, no uncaught error and no failed request but the calls the API stand-in cannot answer yet', () => {
    for (const name of ['tool', 'app'] as const) {
      const seen = visits[name]!;
      expect(seen.pageErrors).toEqual([]);
      expect(failedApiPaths(seen)).toEqual(STAND_IN_GAPS[name]);
      // Every failed request is one of those API calls: the Edge served everything it was asked for.
      expect(seen.failed().filter((request) => !request.url.startsWith(stack.api.url))).toEqual([]);
      const unexplained = seen.consoleErrors.filter(
        (message) => !STAND_IN_GAPS[name].some((path) => message.includes(`${stack.api.url}${path}`)) && !/^Failed to load resource: net::ERR_FAILED/.test(message),
      );
      expect(unexplained).toEqual([]);
      expect(seen.consoleErrors.length).toBeLessThanOrEqual(2 * STAND_IN_GAPS[name].length);
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

  (STAND_IN_GAPS.tool.includes('/dockerRegistry/loadTree') ? test.failing : test)('the tool launcher lists those tools by name', async () => {
    expect(await visits.tool!.page.locator('.application-card .name').allInnerTexts()).toEqual(TOOL_LAUNCHER_TOOLS);
  });

  test('the app launcher takes the anonymous token of its settings and says why it lists no folder application', async () => {
    expect(await text(visits.app, '.footer')).toContain('SHINY_PORTAL_ANONYMOUS_USER (anonymous access)');
    expect(await text(visits.app, '#content .header')).toBe('No applications configured');
    // The real list page resolves `user_default_storage` for the service user only, who carries
    // no defaultStorageId there (folder-app.js:59, fetch-folder-applications.js:160-173).
    expect(await text(visits.app, '#content .raw')).toContain('appConfigStorage "user_default_storage" names no storage for the service user SHINY_PORTAL');
  });

  test('without a bearer cookie the app launcher shows an authentication error, as the real one does', async () => {
    const seen = visits.appWithoutCookie!;
    expect(await text(seen, '#content .header')).toBe('Authentication error');
    // Both whoami calls are refused; /datastorage/available goes out without a token too.
    const storages = STAND_IN_GAPS.app.includes('/datastorage/available') ? 0 : 401;
    const failed = seen.failed().map((request) => `${new URL(request.url).pathname.replace(new URL(stack.api.url).pathname, '')} ${request.status}`);
    expect(failed.sort()).toEqual([`/datastorage/available ${storages}`, '/whoami 401', '/whoami 401']);
    expect(seen.pageErrors).toEqual([]);
  });
});
