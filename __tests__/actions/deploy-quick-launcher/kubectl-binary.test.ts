import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryLogger } from '../../../src/lib/logger.js';
import { kubectlArch, kubectlUrl, resolveKubectl } from '../../../src/actions/deploy-quick-launcher/kubectl-binary.js';

const BINARY = '#!/bin/sh\necho fake kubectl\n';
const GOOD = createHash('sha256').update(BINARY).digest('hex');

let server: Server;
let mirror: string;
let root: string;
const requests: string[] = [];
const saved = { RUNNER_TEMP: process.env.RUNNER_TEMP, RUNNER_TOOL_CACHE: process.env.RUNNER_TOOL_CACHE };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ql-kubectl-dl-'));
  process.env.RUNNER_TEMP = join(root, 'temp');
  process.env.RUNNER_TOOL_CACHE = join(root, 'cache');
  server = createServer((request, response) => {
    const url = request.url ?? '';
    requests.push(url);
    // v1.30.1 serves a checksum that does not match; anything else unknown is a 404.
    if (/^\/release\/v1\.(29|30)\.1\/bin\/linux\/amd64\/kubectl$/.test(url)) response.end(BINARY);
    else if (url === '/release/v1.29.1/bin/linux/amd64/kubectl.sha256') response.end(`${GOOD}\n`);
    else if (url === '/release/v1.30.1/bin/linux/amd64/kubectl.sha256') response.end(`${'0'.repeat(64)}\n`);
    else {
      response.statusCode = 404;
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/release`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('resolveKubectl', () => {
  it('builds the dl.k8s.io layout', () => {
    expect(kubectlUrl('https://dl.k8s.io/release/', '1.32.4', 'amd64')).toBe('https://dl.k8s.io/release/v1.32.4/bin/linux/amd64/kubectl');
    expect(kubectlArch('x64')).toBe('amd64');
    expect(kubectlArch('arm64')).toBe('arm64');
  });

  it('downloads a pinned version from the mirror, checks its sha256 and caches it', async () => {
    const logger = new MemoryLogger();
    const path = await resolveKubectl({ version: 'v1.29.1', mirror, arch: 'x64' }, logger);
    expect(path.startsWith(join(root, 'cache', 'kubectl', '1.29.1'))).toBe(true);
    expect(await readFile(path, 'utf8')).toBe(BINARY);
    const before = requests.length;
    expect(await resolveKubectl({ version: '1.29.1', mirror, arch: 'x64' }, logger)).toBe(path);
    expect(requests.length).toBe(before);
    expect(logger.text).toContain('Using cached kubectl v1.29.1');
  });

  it('refuses a download whose checksum does not match', async () => {
    await expect(resolveKubectl({ version: 'v1.30.1', mirror, arch: 'x64' }, new MemoryLogger())).rejects.toThrow(
      /^Input 'kubectl-mirror': kubectl from .*v1\.30\.1\/bin\/linux\/amd64\/kubectl has sha256 [0-9a-f]{64}, but .*kubectl\.sha256 says 0{64}; refusing to run it$/,
    );
  });

  it('a version the mirror does not have is a clear error naming the input', async () => {
    await expect(resolveKubectl({ version: 'v1.31.9', mirror, arch: 'x64' }, new MemoryLogger())).rejects.toThrow(/^Input 'kubectl-version': cannot download kubectl v1\.31\.9 for amd64/);
  });

  it.each([
    [{ version: 'latest', mirror: 'https://dl.k8s.io/release' }, "Input 'kubectl-version': 'latest' is not a version"],
    [{ version: 'v1.2.3', mirror: 'not a url' }, "Input 'kubectl-mirror': 'not a url' is not a URL"],
    [{ version: 'v1.2.3', mirror: 'file:///etc' }, "Input 'kubectl-mirror': 'file:///etc' must be an http(s) URL"],
  ])('rejects %j', async (source, message) => {
    await expect(resolveKubectl(source, new MemoryLogger())).rejects.toThrow(message);
  });

  it('without a version uses the kubectl on PATH', async () => {
    const saved = process.env.PATH;
    try {
      process.env.PATH = '/nonexistent';
      await expect(resolveKubectl({ mirror }, new MemoryLogger())).rejects.toThrow("kubectl is not on PATH; install it or set the input 'kubectl-version'");
    } finally {
      process.env.PATH = saved;
    }
  });
});
