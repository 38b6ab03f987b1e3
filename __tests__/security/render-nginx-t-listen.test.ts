// Finding 12: `edge-port` as IPV4:PORT (the Edge node's own address) made the runner-side
// `nginx -t` fail with "bind() to 192.0.2.10:… failed (99: Cannot assign requested address)",
// naming no input, so a valid input could not be validated. The test copy now listens on
// loopback with the same port (as its paths are moved into a temp folder), the output keeps the
// address given, and a bind error that remains is explained naming edge-port.
import { describe, expect, test } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MemoryLogger } from '../../src/lib/logger.js';
import { serverBlockName } from '../../src/lib/edge-layout.js';
import { OUTPUT_APPS_DIR } from '../../src/actions/render-edge-config/render.js';
import { renderAndWrite } from '../../src/actions/render-edge-config/execute.js';
import { listenHint, runnerListen } from '../../src/actions/render-edge-config/validate.js';
import { execRunner, findOnPath } from '../../src/tools/exec.js';
import { Nginx } from '../../src/tools/nginx.js';
import { freePort } from '../../src/sandbox/edge.js';
import { describeWith } from '../helpers/services.js';
import { inputsOf, tempDir } from '../actions/render-edge-config/render-helpers.js';

const HOST = 'apps.example.test';
// TEST-NET-1 (RFC 5737): an address no runner has; nothing is ever sent to it.
const EDGE_NODE = '192.0.2.10';

async function renderValidated(edgePort: string): Promise<{ error: unknown; outputDir: string }> {
  const outputDir = join(await tempDir('security-listen'), 'out');
  const inputs = inputsOf({ 'app-launcher-host': HOST, 'api-external-url': 'https://cp.example.test/pipeline/restapi', 'edge-port': edgePort, validate: 'true', 'output-dir': outputDir });
  const error = await renderAndWrite(inputs, {}, new MemoryLogger()).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return { error, outputDir };
}

describe('the listen address of the runner-side copy', () => {
  test.each([
    ['8181', '8181'],
    ['192.0.2.10:8181', '127.0.0.1:8181'],
    ['0.0.0.0:443', '127.0.0.1:443'],
    ['127.0.0.2:18181', '127.0.0.1:18181'],
  ])('%s is checked as %s', (given, checked) => {
    expect(runnerListen(given)).toBe(checked);
  });
});

describeWith(['nginx', 'openssl'])('nginx -t with edge-port IPV4:PORT', () => {
  test("passes on the runner, and the output keeps the Edge node's address", async () => {
    const port = await freePort();
    const { error, outputDir } = await renderValidated(`${EDGE_NODE}:${port}`);
    expect(error).toBeUndefined();
    const block = await readFile(join(outputDir, OUTPUT_APPS_DIR, serverBlockName(HOST)), 'utf8');
    expect(block).toContain(`listen ${EDGE_NODE}:${port} ssl;`);
    expect(block).not.toContain('127.0.0.1');
  });

  test('a bind error that remains (a privileged port when not root) is explained naming edge-port', async () => {
    // The real nginx's answer to an address it cannot bind, the case the copy still meets when a
    // runner that is not root checks a port below 1024.
    const dir = await tempDir('security-bind');
    const config = join(dir, 'nginx.conf');
    await writeFile(config, `error_log stderr;\npid ${dir}/nginx.pid;\nevents {}\nhttp {\n  access_log off;\n${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${dir};\n`).join('')}  server { listen ${EDGE_NODE}:8181; }\n}\n`);
    const nginx = new Nginx((await findOnPath('nginx')) ?? 'nginx', execRunner);
    const result = await nginx.test(config, dir);
    expect(result.exitCode).not.toBe(0);
    expect(listenHint(result.messages, `${EDGE_NODE}:8181`, '127.0.0.1:8181')).toBe(
      `(the listen address comes from input 'edge-port' = "${EDGE_NODE}:8181", checked on the runner as 127.0.0.1:8181; nginx -t must be able to bind it here, else set validate: false)`,
    );
    expect(listenHint([{ level: 'emerg', text: 'unknown directive "lsten"' }], '8181', '8181')).toBeUndefined();
  });
});
