import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { InputError } from '../../../src/lib/errors.js';
import { InputReader, inputsFrom } from '../../../src/lib/inputs.js';
import { given } from '../../../src/lib/handoff.js';
import { MemoryLogger } from '../../../src/lib/logger.js';
import { getInputs } from '../../../src/actions/render-edge-config/inputs.js';
import { renderAndWrite } from '../../../src/actions/render-edge-config/execute.js';
import { tempDir } from './render-helpers.js';

const API = 'https://cp.example.test/pipeline/restapi';
const base = { 'app-launcher-host': 'apps.example.test', 'api-external-url': API, validate: 'false' };

let files: string;
beforeAll(async () => {
  files = await tempDir('bad-input-files');
  await writeFile(join(files, 'unclosed.json.hbs'), '{\n  "title": "{{#if host}}x"\n}\n');
  await writeFile(join(files, 'unknown-variable.json.hbs'), '{\n  "title": {{json nope}}\n}\n');
  await writeFile(join(files, 'not-json.json.hbs'), '{\n  "title": {{json host}},\n}\n');
  await writeFile(join(files, 'array.json.hbs'), '[{{json host}}]\n');
  await writeFile(join(files, 'unknown-plain.json.hbs'), '{\n  "title": "{{nope}}"\n}\n');
  await writeFile(join(files, 'server-unknown.conf.hbs'), 'server {\n  server_name {{hostname}};\n}\n');
  await writeFile(join(files, 'install-config'), 'CP_API_SRV_EXTERNAL_HOST=cp.example.test\nthis line is wrong\n');
  await mkdir(join(files, 'empty-distribution'));
  await mkdir(join(files, 'users-folder'));
  await writeFile(join(files, 'users-folder', 'keep.txt'), 'not ours');
});

interface Case {
  name: string;
  inputs: Record<string, string>;
  env?: NodeJS.ProcessEnv;
  input: string;
  says: string | RegExp;
}

const cases: Case[] = [
  { name: 'a host that adds a directive', inputs: { ...base, 'app-launcher-host': 'a.com; include /etc/passwd' }, input: 'app-launcher-host', says: "';'" },
  { name: 'a host with a line break', inputs: { ...base, 'tool-launcher-host': 'tools.example.test\nserver_name evil' }, input: 'tool-launcher-host', says: 'line break' },
  { name: "a host with '{'", inputs: { ...base, 'app-launcher-host': 'a.com{' }, input: 'app-launcher-host', says: "'{' or '}'" },
  { name: "a host with '}'", inputs: { ...base, 'app-launcher-host': '}a.com' }, input: 'app-launcher-host', says: "'{' or '}'" },
  { name: 'a host that is an nginx variable', inputs: { ...base, 'app-launcher-host': '$host' }, input: 'app-launcher-host', says: "'$'" },
  { name: 'a host with double quotes', inputs: { ...base, 'app-launcher-host': '"a.com"' }, input: 'app-launcher-host', says: 'a quote' },
  { name: 'a host with single quotes', inputs: { ...base, 'tool-launcher-host': "'a.com'" }, input: 'tool-launcher-host', says: 'a quote' },
  { name: 'a host with an empty label', inputs: { ...base, 'app-launcher-host': 'apps..example.test' }, input: 'app-launcher-host', says: 'not a valid DNS host name' },
  { name: 'a non-DNS host name', inputs: { ...base, 'app-launcher-host': 'apps_1.example.test' }, input: 'app-launcher-host', says: 'not a valid DNS host name' },
  { name: 'a label over 63 characters', inputs: { ...base, 'app-launcher-host': `${'a'.repeat(64)}.example.test` }, input: 'app-launcher-host', says: 'not a valid DNS host name' },
  { name: 'no host at all', inputs: { 'api-external-url': API }, input: 'app-launcher-host', says: 'no launcher host given' },
  { name: 'the same host for both launchers', inputs: { ...base, 'tool-launcher-host': 'APPS.example.test' }, input: 'tool-launcher-host', says: 'also the app launcher' },
  {
    name: 'an injected host from the environment',
    inputs: { 'api-external-url': API },
    env: { CP_TOOL_LAUNCHER_EXTERNAL_HOST: 'x.test;return 200' },
    input: 'tool-launcher-host',
    says: 'from environment variable CP_TOOL_LAUNCHER_EXTERNAL_HOST',
  },
  { name: 'an unreadable override template', inputs: { ...base, 'app-launcher-config': '/nonexistent/app.json.hbs' }, input: 'app-launcher-config', says: 'cannot read template /nonexistent/app.json.hbs' },
  { name: 'a malformed override template', inputs: { ...base, 'app-launcher-config': '@/unclosed.json.hbs' }, input: 'app-launcher-config', says: /unclosed\.json\.hbs:4: malformed template: .*got 'EOF'/ },
  { name: 'a template naming an unknown variable', inputs: { ...base, 'app-launcher-config': '@/unknown-variable.json.hbs' }, input: 'app-launcher-config', says: /unknown-variable\.json\.hbs:2: an unknown template variable given to json/ },
  { name: 'a template naming an unknown plain variable', inputs: { ...base, 'tool-launcher-host': 'tools.example.test', 'tool-launcher-config': '@/unknown-plain.json.hbs' }, input: 'tool-launcher-config', says: /unknown-plain\.json\.hbs:2: unknown template variable 'nope'/ },
  { name: 'settings that are not JSON after rendering', inputs: { ...base, 'app-launcher-config': '@/not-json.json.hbs' }, input: 'app-launcher-config', says: /not-json\.json\.hbs:3:\d+: is not valid JSON after rendering/ },
  { name: 'settings that render to an array', inputs: { ...base, 'app-launcher-config': '@/array.json.hbs' }, input: 'app-launcher-config', says: 'must render to a JSON object' },
  { name: 'a server template naming an unknown variable', inputs: { ...base, 'server-template': '@/server-unknown.conf.hbs' }, input: 'server-template', says: /server-unknown\.conf\.hbs:2: unknown template variable 'hostname'/ },
  { name: 'a malformed install-config line', inputs: { 'app-launcher-host': 'apps.example.test', 'install-config': '@/install-config' }, input: 'install-config', says: /install-config:2: expected KEY=VALUE/ },
  { name: 'a missing install-config file', inputs: { ...base, 'install-config': '/nonexistent/install-config' }, input: 'install-config', says: 'cannot read /nonexistent/install-config' },
  { name: 'an edge port that adds a directive', inputs: { ...base, 'edge-port': '8181 ssl; listen 80' }, input: 'edge-port', says: "';'" },
  { name: 'an edge port out of range', inputs: { ...base, 'edge-port': '70000' }, input: 'edge-port', says: 'not a port number' },
  { name: 'an edge address that is not IPv4', inputs: { ...base, 'edge-port': 'localhost:8181' }, input: 'edge-port', says: 'not PORT or IPV4:PORT' },
  { name: 'a relative certificate folder', inputs: { ...base, 'cert-dir': 'pki' }, input: 'cert-dir', says: 'absolute path' },
  { name: "a certificate folder with '..'", inputs: { ...base, 'cert-dir': '/etc/edge/../../root' }, input: 'cert-dir', says: "'..'" },
  { name: 'an apps folder with a space', inputs: { ...base, 'edge-apps-dir': '/etc/nginx/external apps' }, input: 'edge-apps-dir', says: 'white space' },
  { name: 'an API URL that is not a URL', inputs: { ...base, 'api-external-url': 'cp.example.test/restapi' }, input: 'api-external-url', says: 'is not a URL' },
  { name: 'an API URL with credentials', inputs: { ...base, 'api-external-url': 'https://admin:secret@cp.example.test/' }, input: 'api-external-url', says: 'must not carry credentials' },
  { name: 'no API URL anywhere', inputs: { 'app-launcher-host': 'apps.example.test' }, input: 'api-external-url', says: 'is required' },
  { name: 'an unknown validate mode', inputs: { ...base, validate: 'maybe' }, input: 'validate', says: 'not one of auto, true, false' },
  { name: 'a summary flag that is not a boolean', inputs: { ...base, summary: 'yes' }, input: 'summary', says: 'is not a boolean' },
  { name: 'an invalid service user', inputs: { ...base, 'service-user': 'shiny portal' }, input: 'service-user', says: 'not a valid user name' },
  { name: 'a distribution that does not exist', inputs: { ...base, distribution: '/nonexistent/dist' }, input: 'distribution', says: 'cannot read /nonexistent/dist' },
  { name: 'a distribution without launcher templates', inputs: { ...base, distribution: '@/empty-distribution' }, input: 'distribution', says: 'has neither quick-launcher/templates/app-launcher.json.hbs' },
  { name: "an output folder that is the user's", inputs: { ...base, 'output-dir': '@/users-folder' }, input: 'output-dir', says: 'is not empty and does not hold an earlier' },
];

describe('render-edge-config refuses bad input', () => {
  test.each(cases)('$name', async ({ inputs, env = {}, input, says }) => {
    const resolved = Object.fromEntries(Object.entries(inputs).map(([key, value]) => [key, value.replace(/^@/, files)]));
    const outputDir = resolved['output-dir'] ?? join(await tempDir('bad-input-out'), 'edge-config');
    const before = existsSync(outputDir) ? await readdir(outputDir) : undefined;
    const logger = new MemoryLogger();

    const attempt = async () => renderAndWrite(given(getInputs(new InputReader(inputsFrom({ ...resolved, 'output-dir': outputDir })), env)), env, logger);

    const error = await attempt().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe(input);
    expect((error as InputError).message).toMatch(typeof says === 'string' ? new RegExp(says.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : says);
    // Nothing was written: no output folder, or the user's folder exactly as it was.
    if (before === undefined) expect(existsSync(outputDir)).toBe(false);
    else expect(await readdir(outputDir)).toEqual(before);
    expect(await readdir(join(outputDir, '..'))).not.toContainEqual(expect.stringContaining('.partial-'));
  });

  test('the user folder refused as output-dir keeps its content', async () => {
    expect(await readFile(join(files, 'users-folder', 'keep.txt'), 'utf8')).toBe('not ours');
  });
});
