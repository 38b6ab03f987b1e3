import { execFile } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MemoryLogger } from '../../../src/lib/logger.js';
import { InputReader, inputsFrom } from '../../../src/lib/inputs.js';
import { given } from '../../../src/lib/handoff.js';
import { getInputs } from '../../../src/actions/render-edge-config/inputs.js';
import { renderAndWrite } from '../../../src/actions/render-edge-config/execute.js';
import type { SandboxEdge } from '../../../src/sandbox/edge.js';

const run = promisify(execFile);
const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;

export const APP_HOST = 'apps.example.test';
export const TOOL_HOST = 'tools.example.test';

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `qla-${prefix}-`));
}

export interface Response {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** `curl --resolve <host>:<port>:127.0.0.1 https://<host>:<port><path>` through the Edge. */
export async function curl(edge: SandboxEdge, host: string, path: string): Promise<Response> {
  const { stdout } = await run('curl', ['-sk', '-i', '--max-time', '10', '--resolve', `${host}:${edge.port}:127.0.0.1`, `https://${host}:${edge.port}${path}`]);
  const [head, ...rest] = stdout.split('\r\n\r\n');
  const [statusLine, ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') };
}

/** Whether anything answers on the Edge's port. */
export async function answers(edge: SandboxEdge): Promise<boolean> {
  return run('curl', ['-sk', '-o', '/dev/null', '--max-time', '5', `https://127.0.0.1:${edge.port}/`]).then(
    () => true,
    () => false,
  );
}

/** render-edge-config for both launchers as a deploy would run it for this Edge (container paths). */
export async function renderFor(edge: SandboxEdge, outputDir: string, extra: Record<string, string> = {}): Promise<string> {
  const inputs = given(getInputs(
    new InputReader(
      inputsFrom({
        'app-launcher-host': APP_HOST,
        'tool-launcher-host': TOOL_HOST,
        'api-external-url': 'https://cp.example.test/pipeline/restapi',
        'edge-port': edge.listen,
        'cert-dir': edge.certDir,
        validate: 'true',
        'output-dir': outputDir,
        ...extra,
      }),
    ),
    {},
  ));
  await renderAndWrite(inputs, {}, new MemoryLogger());
  return join(outputDir, 'external-apps');
}

/** What the deploy's installer puts into the Edge's external-apps volume: the blocks and the launcher. */
export async function installLauncher(renderedAppsDir: string, volume: string): Promise<void> {
  await cp(renderedAppsDir, volume, { recursive: true });
  await cp(join(FIXTURES, 'launcher-build'), join(volume, 'quick-launcher/www'), { recursive: true });
  await cp(join(FIXTURES, 'ext-js'), join(volume, 'quick-launcher/ext-js'), { recursive: true });
}

/** A run's endpoint on loopback: answers every request with its name and the path it got. */
export async function startRunTarget(name: string): Promise<{ target: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' }).end(`${name} got ${request.url ?? ''}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    target: `127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
