import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ContainerFs } from '../../../src/sandbox/edge/container.js';
import { parseNginxArgs } from '../../../src/sandbox/edge/nginx-process.js';
import { buildNginxView } from '../../../src/sandbox/edge/nginx-view.js';
import { tempDir } from './edge-helpers.js';

function write(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

describe('the container filesystem', () => {
  const fs = new ContainerFs('/state/container', [
    { mountPath: '/etc/nginx/ext/external-apps', local: '/node/opt/edge/external-apps' },
    { mountPath: '/opt/edge/pki', local: '/node/opt/edge/pki' },
  ]);

  test('container paths resolve into mounts first, else into the container folder', () => {
    expect(fs.local('/etc/nginx/ext/external-apps/a.srv.conf')).toBe('/node/opt/edge/external-apps/a.srv.conf');
    expect(fs.local('/etc/nginx/external-apps/a.srv.conf')).toBe('/state/container/etc/nginx/external-apps/a.srv.conf');
    expect(fs.local('/opt/edge/pki')).toBe('/node/opt/edge/pki');
  });

  test('a script is rewritten path by path and named back in messages; other paths stay', () => {
    const script = 'cp -r /etc/nginx/ext/external-apps/. /etc/nginx/external-apps/ && flock /var/run/sync-routes.lock true; ls /usr/bin /etcetera';
    const local = fs.rewrite(script);
    expect(local).toBe('cp -r /node/opt/edge/external-apps/. /state/container/etc/nginx/external-apps/ && flock /state/container/var/run/sync-routes.lock true; ls /usr/bin /etcetera');
    expect(fs.unrewrite(local)).toBe(script);
  });
});

describe('the view of the container configuration that the host nginx reads', () => {
  test('includes point into the view (globs expanded there), other paths into the container, ports published, lines kept', async () => {
    const root = join(await tempDir('view'), 'container');
    const fs = new ContainerFs(root, []);
    write(join(root, 'etc/nginx/nginx.conf'), 'http {\n    include /etc/nginx/external-apps/*.conf;\n    include mime.types;\n}\n');
    write(join(root, 'etc/nginx/mime.types'), 'types { text/css css; }\n');
    write(join(root, 'etc/nginx/external-apps/a.srv.conf'), 'server {\n    listen 8181 ssl;\n    listen 127.0.0.1:9000;\n    root /etc/nginx/external-apps/www;\n    location /etc/ { return 404; }\n# {edge_route_location_block}\ninclude /etc/nginx/sites-enabled/r.inc.conf; # CP_EDGE_CUSTOM_DOMAIN\n}');
    write(join(root, 'etc/nginx/external-apps/notes.txt'), 'not configuration');
    write(join(root, 'etc/nginx/sites-enabled/r.inc.conf'), 'location /r/ { proxy_pass http://127.0.0.1:1/; }\n');
    const viewDir = join(root, '..', 'view');
    const view = buildNginxView(fs, '/etc/nginx/nginx.conf', viewDir, new Map([[8181, 38443]]));

    expect(view.config).toBe(join(viewDir, 'etc/nginx/nginx.conf'));
    expect(readFileSync(view.config, 'utf8')).toBe(`http {\n    include ${viewDir}/etc/nginx/external-apps/*.conf;\n    include ${viewDir}/etc/nginx/mime.types;\n}\n`);
    const block = readFileSync(join(viewDir, 'etc/nginx/external-apps/a.srv.conf'), 'utf8').split('\n');
    expect(block).toEqual([
      'server {',
      '    listen 127.0.0.1:38443 ssl;',
      '    listen 127.0.0.1:9000;',
      `    root ${root}/etc/nginx/external-apps/www;`,
      // A URI that looks like a path is rewritten too: only a location of this shape would notice.
      `    location ${root}/etc/ { return 404; }`,
      '# {edge_route_location_block}',
      `include ${viewDir}/etc/nginx/sites-enabled/r.inc.conf; # CP_EDGE_CUSTOM_DOMAIN`,
      '}',
    ]);
    expect(readFileSync(join(viewDir, 'etc/nginx/sites-enabled/r.inc.conf'), 'utf8')).toContain('location /r/');
    expect(view.unview(`unknown directive "x" in ${viewDir}/etc/nginx/external-apps/a.srv.conf:3 on 127.0.0.1:38443`)).toBe('unknown directive "x" in /etc/nginx/external-apps/a.srv.conf:3 on 0.0.0.0:8181');
  });
});

describe("nginx's command line", () => {
  test.each([
    [['-t'], { flags: ['t'] }],
    [['-tq', '-c', '/etc/nginx/nginx.conf'], { flags: ['t', 'q'], config: '/etc/nginx/nginx.conf' }],
    [['-c/etc/nginx/nginx.conf', '-s', 'reload'], { flags: [], config: '/etc/nginx/nginx.conf', signal: 'reload' }],
    [['-p', '/etc/nginx/', '-g', 'daemon off;'], { flags: [], prefix: '/etc/nginx/', globals: 'daemon off;' }],
  ])('%j', (argv, parsed) => {
    expect(parseNginxArgs(argv)).toEqual(parsed);
  });

  test('bad options are refused as nginx refuses them', () => {
    expect(parseNginxArgs(['-x'])).toBe('invalid option: "x"');
    expect(parseNginxArgs(['-c'])).toBe('option "-c" requires file name');
    expect(parseNginxArgs(['reload'])).toBe('invalid option: "reload"');
  });
});
