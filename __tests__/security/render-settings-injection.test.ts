// Attack (red-team finding 9): a user's settings template that quotes a value ("api":
// "{{apiUrl}}") let a value close the JSON string and add keys of its own, through
// api-external-url (quotes passed the URL check) or CP_API_SRV_EXTERNAL_PORT (not checked at
// all), for example an anonymousAccess token of the attacker's choosing in the public /settings.
// Also (finding 13) a `__proto__` key in a settings template vanished from the output.
import { beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../src/lib/errors.js';
import { MemoryLogger } from '../../src/lib/logger.js';
import { OUTPUT_SETTINGS_FILE } from '../../src/actions/render-edge-config/render.js';
import { renderAndWrite } from '../../src/actions/render-edge-config/execute.js';
import { renderSettings } from '../../src/actions/render-edge-config/settings.js';
import { inputsOf, tempDir } from '../actions/render-edge-config/render-helpers.js';

const HOST = 'apps.example.test';
const INJECTED = '","anonymousAccess":{"role":"ROLE_ADMIN","token":"attacker"},"x":"';

let dir: string;
let quoting: string;
beforeAll(async () => {
  dir = await tempDir('security-injection');
  // A user's template that quotes the values instead of using {{json …}}.
  quoting = join(dir, 'quoting.json.hbs');
  await writeFile(quoting, '{\n  "api": "{{apiUrl}}",\n  "tagValue": "{{host}}",\n  "serviceUser": "{{serviceUser}}"\n}\n');
});

let runs = 0;
async function render(values: Record<string, string>, env: NodeJS.ProcessEnv = {}): Promise<{ error: unknown; outputDir: string }> {
  const outputDir = join(dir, `out-${(runs += 1)}`);
  const inputs = inputsOf({ 'app-launcher-host': HOST, 'app-launcher-config': quoting, 'output-dir': outputDir, ...values }, env);
  const error = await renderAndWrite(inputs, env, new MemoryLogger()).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return { error, outputDir };
}

async function settingsOf(outputDir: string): Promise<Record<string, unknown>> {
  const all = JSON.parse(await readFile(join(outputDir, OUTPUT_SETTINGS_FILE), 'utf8')) as Record<string, Record<string, unknown>>;
  return all[HOST];
}

describe('keys injected through api-external-url', () => {
  test('quotes are percent-encoded by URL normalisation: no key is added, anonymousAccess stays the default', async () => {
    const { error, outputDir } = await render({ 'api-external-url': `https://cp.example.test/pipeline/restapi${INJECTED}` });
    expect(error).toBeUndefined();
    const settings = await settingsOf(outputDir);
    expect(settings.x).toBeUndefined();
    expect(settings.anonymousAccess).toEqual({ role: 'ROLE_ANONYMOUS_USER', token: '' });
    expect(settings.api).toBe(new URL(`https://cp.example.test/pipeline/restapi${INJECTED}`).href);
    expect(String(settings.api)).not.toContain('"');
  });

  test.each([
    ['a query', 'https://cp.example.test/pipeline/restapi?x="y"'],
    ['a fragment', 'https://cp.example.test/pipeline/restapi#","x":"'],
  ])('an URL with %s is refused (the launcher appends paths to it as text)', async (_name, url) => {
    const { error, outputDir } = await render({ 'api-external-url': url });
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain("Input 'api-external-url': ");
    expect((error as Error).message).toContain('must not have a query or fragment');
    expect(existsSync(outputDir)).toBe(false);
  });

  test('a legitimate URL is written in its normalised form', async () => {
    const { error, outputDir } = await render({ 'api-external-url': 'HTTPS://CP.Example.Test:443/pipeline/restapi/' });
    expect(error).toBeUndefined();
    expect((await settingsOf(outputDir)).api).toBe('https://cp.example.test/pipeline/restapi');
  });
});

describe('keys injected through CP_API_SRV_EXTERNAL_PORT', () => {
  test.each([`8443${INJECTED}`, '0', '65536', '-1', '84 43', ''.padEnd(6, '9')])('%j is refused, naming the variable, and nothing is written', async (port) => {
    const { error, outputDir } = await render({}, { CP_API_SRV_EXTERNAL_HOST: 'cp.example.test', CP_API_SRV_EXTERNAL_PORT: port });
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`Input 'api-external-url': (from environment variable CP_API_SRV_EXTERNAL_PORT) ${JSON.stringify(port)} is not a port number in 1..65535`);
    expect(existsSync(outputDir)).toBe(false);
  });

  test('a port from install-config is checked the same way', async () => {
    const config = join(dir, 'install-config');
    await writeFile(config, `CP_API_SRV_EXTERNAL_HOST=cp.example.test\nCP_API_SRV_EXTERNAL_PORT=443"\n`);
    const { error } = await render({ 'install-config': config });
    expect((error as Error).message).toBe(`Input 'api-external-url': (from install-config CP_API_SRV_EXTERNAL_PORT) "443\\"" is not a port number in 1..65535`);
  });

  test('a valid port is part of the URL; 443 is left out', async () => {
    const on8443 = await render({}, { CP_API_SRV_EXTERNAL_HOST: 'cp.example.test', CP_API_SRV_EXTERNAL_PORT: '8443' });
    expect((await settingsOf(on8443.outputDir)).api).toBe('https://cp.example.test:8443/pipeline/restapi');
    const on443 = await render({}, { CP_API_SRV_EXTERNAL_HOST: 'cp.example.test', CP_API_SRV_EXTERNAL_PORT: '443' });
    expect((await settingsOf(on443.outputDir)).api).toBe('https://cp.example.test/pipeline/restapi');
  });
});

describe('a value that would close a JSON string, whatever the template does with it', () => {
  // What the checks above keep out, should one ever slip through: the value is JSON-escaped as
  // it is written, so it cannot end the string or add a key in any of these placements.
  const hostile = `https://cp.example.test/p${INJECTED}\\`;
  const context = { host: HOST, apiUrl: hostile, tag: 'app_type', serviceUser: 'SHINY_PORTAL' };
  test.each([
    ['quoted', '{ "api": "{{apiUrl}}" }', 'api'],
    ['triple-stashed', '{ "api": "{{{apiUrl}}}" }', 'api'],
    ['through #with', '{ "api": "{{#with apiUrl}}{{this}}{{/with}}" }', 'api'],
    ['through lookup', '{ "api": "{{lookup . "apiUrl"}}" }', 'api'],
    ['through #each', '{ {{#each this}}"{{@key}}": "{{this}}"{{#unless @last}}, {{/unless}}{{/each}} }', 'apiUrl'],
    ['with the json helper', '{ "api": {{json apiUrl}} }', 'api'],
  ])('%s: the value round-trips exactly and no key is added', (_name, text, key) => {
    const settings = renderSettings({ text, input: 'app-launcher-config', file: 'user.json.hbs' }, context);
    expect(settings[key]).toBe(hostile);
    expect(settings).not.toHaveProperty('anonymousAccess');
    expect(settings).not.toHaveProperty('x');
  });
});

describe('a __proto__ key in a settings template', () => {
  test.each([
    ['at the top', '{ "__proto__": { "token": "x" } }', '__proto__'],
    ['nested', '{ "anonymousAccess": { "__proto__": { "token": "x" } } }', 'anonymousAccess.__proto__'],
    ['escaped', '{ "\\u005f_proto__": {} }', '__proto__'],
  ])('%s is refused, naming the key, instead of vanishing', async (_name, text, key) => {
    const template = join(dir, `proto-${key.length}-${text.length}.json.hbs`);
    await writeFile(template, text);
    const { error, outputDir } = await render({ 'api-external-url': 'https://cp.example.test/pipeline/restapi', 'app-launcher-config': template });
    expect((error as Error).message).toBe(`Input 'app-launcher-config': ${template}: has a '__proto__' key (${key}), which cannot be a setting`);
    expect(existsSync(outputDir)).toBe(false);
  });
});
