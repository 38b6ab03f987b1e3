import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, test } from '@jest/globals';
import { describeWith } from '../helpers/services.js';

const run = promisify(execFile);
const demo = (stateDir: string) => run(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--state-dir', stateDir], { timeout: 180_000 });
const down = (stateDir: string) => run(process.execPath, ['--import', 'tsx', 'src/sandbox/cli.ts', 'down', '--state-dir', stateDir], { timeout: 60_000 });

describeWith(['nginx', 'openssl', 'kubectl'])('npm run demo', () => {
  let stateDir = '';
  afterAll(async () => {
    if (!stateDir) return;
    await down(stateDir).catch(() => undefined);
    await rm(stateDir, { recursive: true, force: true });
  });

  test('serves the launcher for both hosts; run again, it changes nothing', async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'qla-demo-'));
    const first = await demo(stateDir);
    expect(first.stdout).toMatch(/▶ build-dist[\s\S]*▶ render[\s\S]*▶ deploy/);
    const lines = first.stdout.split('\n').filter((line) => line.trim().startsWith('curl -k --resolve'));
    expect(lines).toHaveLength(2);
    expect(first.stdout).toMatch(/^changed: Edge content sha256:[0-9a-f]{64}; 3 user\(s\)/m);
    for (const line of lines) {
      const [, resolve, url] = /--resolve (\S+) (\S+)/.exec(line) ?? [];
      const { stdout } = await run('curl', ['-sk', '--max-time', '10', '--resolve', resolve, url]);
      const host = new URL(url).hostname;
      expect((JSON.parse(stdout) as Record<string, { tagValue: string }>)[host].tagValue).toBe(host);
    }
    // What the pages list: the demo tool, registered with its host's app_type, and the folder
    // applications of the app launcher's appConfigStorage, through the API's browser-facing URL.
    const env = Object.fromEntries(
      (await readFile(join(stateDir, 'sandbox.env'), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    ) as Record<string, string>;
    const external = new URL(env.SANDBOX_API_EXTERNAL_URL);
    const api = async (path: string) => {
      const args = ['-sk', '--max-time', '10', '--resolve', `${external.hostname}:${external.port}:127.0.0.1`, '-H', `Authorization: Bearer ${env.SANDBOX_API_TOKEN}`, `${external.href}${path}`];
      return (JSON.parse((await run('curl', args)).stdout) as { payload: unknown }).payload;
    };
    const found = (await api('/metadata/search?entityClass=TOOL&key=app_type&value=tools.sandbox.test')) as { entityId: number }[];
    const tree = (await api('/dockerRegistry/loadTree')) as { registries: { groups?: { tools?: { id: number; image: string }[] }[] }[] };
    const tools = tree.registries.flatMap((registry) => registry.groups ?? []).flatMap((group) => group.tools ?? []);
    expect(found.map((entry) => tools.find((tool) => tool.id === entry.entityId)?.image)).toEqual(['library/rstudio']);
    const [, appResolve, appUrl] = /--resolve (\S+) (\S+)/.exec(lines[0]) ?? [];
    const settings = JSON.parse((await run('curl', ['-sk', '--max-time', '10', '--resolve', appResolve, appUrl])).stdout) as Record<string, { appConfigStorage?: number; api: string }>;
    const app = settings['apps.sandbox.test'];
    expect(app.api).toBe(env.SANDBOX_API_EXTERNAL_URL);
    expect(app.appConfigStorage).toBe(Number(env.SANDBOX_FOLDER_APPS_STORAGE_ID));
    const listing = (await api(`/datastorage/${app.appConfigStorage}/list/page?path=SHINY_PORTAL/ShinyApps`)) as { results: { name: string }[] };
    expect(listing.results.length).toBeGreaterThan(0);
    expect(first.stdout).toMatch(/^ {2}https:\/\/apps\.sandbox\.test:\d+\/$/m);

    const second = await demo(stateDir);
    expect(second.stdout).toContain('no change: the cluster and the API already hold this content');
  }, 300_000);
});
