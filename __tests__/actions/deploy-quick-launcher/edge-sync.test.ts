import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { edgeSyncCommand, SYNC_ROUTES_LOCK } from '../../../src/actions/deploy-quick-launcher/edge-sync.js';
import { describeWith } from '../../helpers/services.js';

const MARKER = '    # {edge_route_location_block}\n';
const block = (root: string): string => `server {\n    listen 127.0.0.1:18777;\n    server_name apps.sync.test;\n    root ${root};\n${MARKER}}\n`;
const ROUTE = '    include ROUTES/run-42.loc.conf; # CP_EDGE_CUSTOM_DOMAIN';

/**
 * The sync script alone, as `kubectl exec` runs it in the Edge container: the mount and the live
 * folder are temp folders (QL_EDGE_SRC/QL_EDGE_DST), and `nginx` on PATH is the real nginx over a
 * configuration that includes the live folder as the Edge's http {} does; `-s reload` is counted.
 */
class EdgeContainer {
  private constructor(readonly root: string) {}

  static async create(): Promise<EdgeContainer> {
    const container = new EdgeContainer(await mkdtemp(join(tmpdir(), 'ql-edge-sync-')));
    for (const dir of [container.src, container.dst, join(container.root, 'bin'), join(container.root, 'routes'), join(container.root, 'tmp')]) await mkdir(dir, { recursive: true });
    await writeFile(join(container.root, 'routes', 'run-42.loc.conf'), 'location /my-app/ { return 200 "run 42"; }\n');
    await writeFile(
      join(container.root, 'nginx.conf'),
      `pid ${container.root}/nginx.pid;\nerror_log stderr;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${container.root}/tmp;\n  include ${container.dst}/*.conf;\n}\n`,
    );
    // The Edge image's nginx: without -c it reads OpenResty's stock nginx.conf, which is always
    // valid (Dockerfile:32,76-84); with -c /etc/nginx/nginx.conf it tests the Edge's configuration.
    const nginx = join(container.root, 'bin', 'nginx');
    const real = '$(command -v -p nginx || echo /usr/sbin/nginx)';
    await writeFile(
      nginx,
      [
        '#!/bin/sh',
        'conf=/usr/local/openresty/nginx/conf/nginx.conf test=',
        'while [ $# -gt 0 ]; do',
        '  case "$1" in',
        '  -c) conf=$2; shift 2 ;;',
        '  -t) test=1; shift ;;',
        `  -s) echo reload >>${container.root}/reloads; exit 0 ;;`,
        '  *) shift ;;',
        '  esac',
        'done',
        '[ -n "$test" ] || exit 0',
        `[ "$conf" = /etc/nginx/nginx.conf ] || exit 0`,
        `exec ${real} -t -q -c ${container.root}/nginx.conf -p ${container.root}/`,
        '',
      ].join('\n'),
    );
    await chmod(nginx, 0o755);
    return container;
  }

  get src(): string {
    return join(this.root, 'ext');
  }
  get dst(): string {
    return join(this.root, 'live');
  }

  /** What the installer leaves in the mount: files, manifest and digest. */
  async place(digest: string, files: Record<string, string>): Promise<void> {
    await rm(this.src, { recursive: true, force: true });
    await mkdir(join(this.src, '.quick-launcher'), { recursive: true });
    const manifest: string[] = [];
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(this.src, path)), { recursive: true });
      await writeFile(join(this.src, path), content);
      manifest.push(`${'0'.repeat(64)}  ${path}`);
    }
    await writeFile(join(this.src, '.quick-launcher', 'manifest'), `${manifest.join('\n')}\n`);
    await writeFile(join(this.src, '.quick-launcher', 'digest'), `${digest}\n`);
  }

  run(mode: 'copy' | 'test', digest = ''): { status: number; stdout: string; stderr: string } {
    // The argv kubectl exec sends, without the flock prefix (the lock is the Edge's; flock is tested below).
    const argv = edgeSyncCommand(mode, digest).slice(4);
    const result = spawnSync(argv[0], argv.slice(1), {
      encoding: 'utf8',
      env: { PATH: `${join(this.root, 'bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`, QL_EDGE_SRC: this.src, QL_EDGE_DST: this.dst, TMPDIR: join(this.root, 'tmp') },
    });
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  }

  async reloads(): Promise<number> {
    return (await readFile(join(this.root, 'reloads'), 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
  }

  async live(): Promise<Record<string, string>> {
    const found: Record<string, string> = {};
    const walk = async (relative: string): Promise<void> => {
      for (const entry of await readdir(join(this.dst, relative), { withFileTypes: true })) {
        const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
        if (entry.isDirectory()) await walk(path);
        else found[path] = await readFile(join(this.dst, path), 'utf8');
      }
    };
    await walk('');
    return found;
  }
}

let edge: EdgeContainer;
beforeEach(async () => {
  edge = await EdgeContainer.create();
});
afterEach(async () => rm(edge.root, { recursive: true, force: true }));

describe('edgeSyncCommand', () => {
  it("runs the script under sync-routes' own lock, waiting a bounded time", () => {
    const argv = edgeSyncCommand('copy', 'sha256:1');
    expect(argv.slice(0, 6)).toEqual(['flock', '-w', '60', SYNC_ROUTES_LOCK, 'sh', '-c']);
    expect(argv.slice(7)).toEqual(['quick-launcher-edge', 'copy', 'sha256:1']);
    expect(edgeSyncCommand('test').slice(7)).toEqual(['quick-launcher-edge', 'test']);
    expect(SYNC_ROUTES_LOCK).toBe('/var/run/sync-routes.lock');
  });
});

describeWith(['nginx'])('the Edge sync script in a container-like folder (real nginx -t)', () => {
  it('copies the managed files into the live folder keeping the run routes after the marker, removes what left, tests and reloads', async () => {
    const routeLine = ROUTE.replace('ROUTES/', `${edge.root}/routes/`);
    await edge.place('sha256:1', { 'apps.sync.test.srv.conf': block('/srv/v1'), 'quick-launcher/www/old.js': 'old' });
    expect(edge.run('copy', 'sha256:1').status).toBe(0);
    // sync-routes inserts a route into the live copy (and writes the file without a final newline).
    const live = (await readFile(join(edge.dst, 'apps.sync.test.srv.conf'), 'utf8')).replace(MARKER, `${MARKER}${routeLine}\n`).replace(/\n$/, '');
    await writeFile(join(edge.dst, 'apps.sync.test.srv.conf'), live);
    await writeFile(join(edge.dst, 'other-app.conf'), 'server { listen 127.0.0.1:18778; server_name other.sync.test; }\n');
    await edge.place('sha256:2', { 'apps.sync.test.srv.conf': block('/srv/v2'), 'quick-launcher/www/index.html': 'v2' });
    const result = edge.run('copy', 'sha256:2');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('copied 2 files into');
    expect(result.stdout).toContain('removed 1, nginx -t passed, nginx reloaded');
    const files = await edge.live();
    expect(files['apps.sync.test.srv.conf']).toBe(block('/srv/v2').replace(MARKER, `${MARKER}${routeLine}\n`));
    expect(files['quick-launcher/www/index.html']).toBe('v2');
    expect(files['quick-launcher/www/old.js']).toBeUndefined();
    expect(files['other-app.conf']).toContain('other.sync.test');
    expect(files['.quick-launcher/digest']).toBe('sha256:2\n');
    expect(await edge.reloads()).toBe(2);
  });

  it('a configuration nginx -t rejects puts the previous live files back in place and does not reload', async () => {
    await edge.place('sha256:1', { 'apps.sync.test.srv.conf': block('/srv/v1'), 'quick-launcher/www/index.html': 'v1' });
    expect(edge.run('copy', 'sha256:1').status).toBe(0);
    const before = await edge.live();
    await edge.place('sha256:2', { 'apps.sync.test.srv.conf': 'server { locaton / {} }\n', 'quick-launcher/www/new.js': 'new' });
    const result = edge.run('copy', 'sha256:2');
    expect(result.status).toBe(4);
    expect(result.stderr).toContain('unknown directive "locaton"');
    expect(result.stderr).toContain('the previous files were put back in place');
    expect(await edge.live()).toEqual(before);
    expect(await edge.reloads()).toBe(1);
  });

  it('refuses a mount that holds other content than the deploy placed, changing nothing', async () => {
    await edge.place('sha256:other', { 'apps.sync.test.srv.conf': block('/srv/x') });
    const result = edge.run('copy', 'sha256:1');
    expect(result.status).toBe(7);
    expect(result.stderr).toContain("holds content 'sha256:other', not 'sha256:1'");
    expect(await edge.live()).toEqual({});
  });

  it('the restore of a first install (no managed content) removes the managed files from the live folder', async () => {
    await edge.place('sha256:1', { 'apps.sync.test.srv.conf': block('/srv/v1') });
    expect(edge.run('copy', 'sha256:1').status).toBe(0);
    await rm(edge.src, { recursive: true });
    await mkdir(edge.src);
    expect(edge.run('copy', '').status).toBe(0);
    expect(await edge.live()).toEqual({});
  });

  it('test mode (direct layout) only tests and reloads', async () => {
    await writeFile(join(edge.dst, 'apps.sync.test.srv.conf'), block('/srv/v1'));
    expect(edge.run('test')).toMatchObject({ status: 0, stdout: expect.stringContaining('nginx -t passed and nginx reloaded') as unknown });
    await writeFile(join(edge.dst, 'apps.sync.test.srv.conf'), 'server { locaton / {} }\n');
    expect(edge.run('test').status).toBe(4);
    expect(await edge.reloads()).toBe(1);
  });
});
