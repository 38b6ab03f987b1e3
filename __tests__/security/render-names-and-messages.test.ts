// Low-severity findings (13) in render-edge-config and the shared libs:
// - `{{constructor}}` (and every other name an object inherits) rendered "" in strict mode
//   instead of the unknown-variable error any other unknown name gets;
// - misleading messages: a manifest entry with '../' was reported as a missing file at an
//   absolute path outside the folder, a host over 253 characters as a label problem.
import { beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../src/lib/errors.js';
import { MemoryLogger } from '../../src/lib/logger.js';
import { MANIFEST_FILE, verifyManifest } from '../../src/lib/manifest.js';
import { renderTemplate } from '../../src/lib/template.js';
import { renderAndWrite } from '../../src/actions/render-edge-config/execute.js';
import { inputsOf, tempDir } from '../actions/render-edge-config/render-helpers.js';

const API = 'https://cp.example.test/pipeline/restapi';
const HOST = 'apps.example.test';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('security-names');
});

let runs = 0;
async function render(values: Record<string, string>): Promise<{ error: unknown; wrote: boolean }> {
  const outputDir = join(dir, `out-${(runs += 1)}`);
  const inputs = inputsOf({ 'app-launcher-host': HOST, 'api-external-url': API, 'output-dir': outputDir, ...values });
  const error = await renderAndWrite(inputs, {}, new MemoryLogger()).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return { error, wrote: existsSync(outputDir) };
}

const INHERITED = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', '__defineGetter__', 'isPrototypeOf'];

describe('a name every object inherits, in a strict template', () => {
  test.each(INHERITED)('{{%s}} in a settings template is an unknown variable with its line', async (name) => {
    const template = join(dir, `settings-${name}.json.hbs`);
    await writeFile(template, `{\n  "title": "{{${name}}}"\n}\n`);
    const { error, wrote } = await render({ 'app-launcher-config': template });
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`Input 'app-launcher-config': ${template}:2: unknown template variable '${name}'`);
    expect(wrote).toBe(false);
  });

  test.each(INHERITED)('{{%s}} in a server template is an unknown variable with its line', async (name) => {
    const template = join(dir, `server-${name}.conf.hbs`);
    await writeFile(template, `server {\n  server_name {{host}};\n  # {{${name}}}\n}\n`);
    const { error, wrote } = await render({ 'server-template': template });
    expect((error as Error).message).toBe(`Input 'server-template': ${template}:3: unknown template variable '${name}'`);
    expect(wrote).toBe(false);
  });

  test.each([
    ['through this', '{{this.constructor}}', "unknown template variable 'constructor'"],
    ['through @root', '{{@root.constructor}}', "unknown template variable 'constructor'"],
    ['as a section', '{{#constructor}}x{{/constructor}}', "unknown template variable 'constructor'"],
    ['given to json', '{{json constructor}}', 'an unknown template variable given to json'],
  ])('%s: %s is an error too', (_name, text, says) => {
    expect(() => renderTemplate({ text, input: 'server-template', file: 't.hbs' }, { host: HOST })).toThrow(`Input 'server-template': t.hbs:1: ${says}`);
  });

  test("a name looked up on a text value is an unknown variable, not a crash", () => {
    expect(() => renderTemplate({ text: '{{host.constructor}}', input: 'server-template', file: 't.hbs' }, { host: HOST })).toThrow(
      "Input 'server-template': t.hbs: unknown template variable 'constructor' (on a value, which has no names of its own)",
    );
  });

  test('a helper that does not exist is named as a helper', () => {
    expect(() => renderTemplate({ text: 'a\n{{upper host}}', input: 'server-template', file: 't.hbs' }, { host: HOST })).toThrow(
      "Input 'server-template': t.hbs:2: unknown helper 'upper' (there are json and Handlebars' built-in helpers)",
    );
  });

  test('the names the context has still render', () => {
    expect(renderTemplate({ text: '{{host}} {{json host}} {{#if host}}yes{{/if}}', input: 'server-template', file: 't.hbs' }, { host: HOST })).toBe(`${HOST} "${HOST}" yes`);
  });
});

describe("a manifest entry outside its folder ('../')", () => {
  async function folderListing(paths: string[]): Promise<string> {
    const folder = join(dir, `dist-${(runs += 1)}`);
    await mkdir(folder, { recursive: true });
    const files = paths.map((path) => ({ path, size: 2, sha256: 'sha256:0' }));
    await writeFile(join(folder, MANIFEST_FILE), JSON.stringify({ schema: 1, kind: 'distribution', producer: { name: 'x', action: 'build-dist-with-launcher', version: '1' }, inputsDigest: 'sha256:1', files }));
    return folder;
  }

  test.each([
    ['../secrets.json', "has a '..' segment: it would name a file outside the folder"],
    ['quick-launcher/../../secrets.json', "has a '..' segment: it would name a file outside the folder"],
    ['/etc/passwd', 'is an absolute path, not a path inside the folder'],
    ['./quick-launcher/index.html', "has an empty or '.' segment, which a file listed here never has"],
    ['quick-launcher\\..\\x', 'has a backslash or NUL byte, which a file listed here never has'],
    [MANIFEST_FILE, 'is the manifest itself'],
  ])('%j is reported as such when render reads the distribution, not as a missing file', async (path, says) => {
    const folder = await folderListing([path]);
    const { error, wrote } = await render({ distribution: folder });
    expect((error as Error).message).toBe(`Input 'distribution': ${join(folder, MANIFEST_FILE)} lists ${JSON.stringify(path)}, which ${says}`);
    expect((error as Error).message).not.toContain('missing');
    expect(wrote).toBe(false);
  });

  test('an entry listed twice is reported', async () => {
    const folder = await folderListing(['a.tgz', 'a.tgz']);
    await expect(verifyManifest(folder, 'distribution', 'distribution')).rejects.toThrow(`${join(folder, MANIFEST_FILE)} lists "a.tgz" twice`);
  });
});

describe('a host over 253 characters', () => {
  test('is reported by its length, not as a label problem', async () => {
    const host = `${Array.from({ length: 5 }, () => 'a'.repeat(60)).join('.')}.test`;
    expect(host.length).toBeGreaterThan(253);
    const { error, wrote } = await render({ 'app-launcher-host': host });
    expect((error as Error).message).toBe(`Input 'app-launcher-host': ${JSON.stringify(host)} is not a valid DNS host name: it has ${host.length} characters, and a host name has at most 253`);
    expect(wrote).toBe(false);
  });

  test('a host whose server block name would be too long for a file is refused before anything is written', async () => {
    const host = `${Array.from({ length: 4 }, () => 'b'.repeat(60)).join('.')}.test`;
    expect(host.length).toBeLessThanOrEqual(253);
    const { error, wrote } = await render({ 'app-launcher-host': host });
    expect((error as Error).message).toBe(
      `Input 'app-launcher-host': ${JSON.stringify(host)} has ${host.length} characters: its server block <host>.srv.conf would exceed the 255-character limit of a file name (at most 246 characters)`,
    );
    expect(wrote).toBe(false);
  });

  test('a host of 246 characters is rendered', async () => {
    const host = `${Array.from({ length: 4 }, () => 'c'.repeat(60)).join('.')}.ab`;
    expect(host.length).toBe(246);
    expect((await render({ 'app-launcher-host': host })).error).toBeUndefined();
  });
});
