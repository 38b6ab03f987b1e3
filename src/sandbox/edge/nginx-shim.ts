import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { EdgeNginx } from './nginx-process.js';

/**
 * The `nginx` on the Edge container's PATH (`/usr/local/openresty/nginx/sbin/nginx`): a tiny
 * script that hands its argv to the Edge stand-in over loopback, so `nginx -t` and
 * `nginx -s reload` run by a script in the container reach this Edge's nginx (and are counted).
 */
export class NginxShim {
  private constructor(
    private readonly server: Server,
    private readonly client: string,
  ) {}

  static async start(nginx: EdgeNginx, stateDir: string): Promise<NginxShim> {
    const token = randomBytes(16).toString('hex');
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        if (request.headers.authorization !== `Bearer ${token}` || request.url !== '/nginx') {
          response.writeHead(403).end();
          return;
        }
        const { argv, cwd } = JSON.parse(body) as { argv: string[]; cwd: string };
        void nginx.hostCommand(argv, cwd).then((result) => {
          response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    mkdirSync(stateDir, { recursive: true });
    const client = join(stateDir, 'nginx-shim.mjs');
    writeFileSync(client, clientSource(port, token), { mode: 0o600 });
    return new NginxShim(server, client);
  }

  /** Writes the container's `nginx` executable; `root` is the container's `/` (for its working folder). */
  install(binary: string, root: string): void {
    const quote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;
    writeFileSync(binary, `#!/bin/sh\nQL_EDGE_ROOT=${quote(root)} exec ${quote(process.execPath)} ${quote(this.client)} "$@"\n`);
    chmodSync(binary, 0o755);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function clientSource(port: number, token: string): string {
  return `import { request } from 'node:http';
const root = process.env.QL_EDGE_ROOT ?? '';
const here = process.cwd();
const cwd = root && (here === root || here.startsWith(root + '/')) ? here.slice(root.length) || '/' : '/';
const body = JSON.stringify({ argv: process.argv.slice(2), cwd });
const call = request({ host: '127.0.0.1', port: ${port}, path: '/nginx', method: 'POST', headers: { authorization: 'Bearer ${token}', 'content-type': 'application/json' } }, (response) => {
  let data = '';
  response.on('data', (chunk) => (data += chunk));
  response.on('end', () => {
    if (response.statusCode !== 200) { process.stderr.write('nginx: the sandbox Edge refused the call\\n'); process.exitCode = 1; return; }
    const result = JSON.parse(data);
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    process.exitCode = result.exitCode;
  });
});
call.on('error', (error) => { process.stderr.write('nginx: ' + error.message + '\\n'); process.exitCode = 1; });
call.end(body);
`;
}
