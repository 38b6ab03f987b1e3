import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from '@jest/globals';
import { sha256 } from '../../src/lib/digest.js';
import { InputError } from '../../src/lib/errors.js';
import { MANIFEST_FILE, verifyManifest, writeManifest } from '../../src/lib/manifest.js';

let dir: string;
const header = { kind: 'edge-config', action: 'render-edge-config', inputsDigest: 'sha256:abc' };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qla-manifest-'));
  await mkdir(join(dir, 'external-apps/quick-launcher'), { recursive: true });
  await writeFile(join(dir, 'external-apps/a.conf'), 'server {}\n');
  await writeFile(join(dir, 'external-apps/quick-launcher/settings.json'), '{}\n');
});

describe('manifest.json', () => {
  test('lists every file, sorted, with size and sha256 (SPEC §2)', async () => {
    const manifest = await writeManifest(dir, header);
    expect(manifest).toEqual({
      schema: 1,
      kind: 'edge-config',
      producer: { name: 'quick-launcher-actions', action: 'render-edge-config', version: '1.0.0' },
      inputsDigest: 'sha256:abc',
      files: [
        { path: 'external-apps/a.conf', size: 10, sha256: sha256('server {}\n') },
        { path: 'external-apps/quick-launcher/settings.json', size: 3, sha256: sha256('{}\n') },
      ],
    });
    expect(JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8'))).toEqual(manifest);
    await expect(verifyManifest(dir, 'edge-config', 'edge-config')).resolves.toEqual(manifest);
  });

  test.each([
    ['an altered file', async () => writeFile(join(dir, 'external-apps/a.conf'), 'server { evil }\n'), /a\.conf does not match its sha256/],
    ['a missing file', async () => rm(join(dir, 'external-apps/a.conf')), /a\.conf is listed in manifest\.json but missing/],
    ['an extra file', async () => writeFile(join(dir, 'external-apps/extra.conf'), ''), /extra\.conf is not listed in manifest\.json/],
    ['a link', async () => symlink('/etc/passwd', join(dir, 'external-apps/link.conf')), /link\.conf: .*links and devices are refused/],
  ])('verification names %s', async (_name, tamper, message) => {
    await writeManifest(dir, header);
    await tamper();
    const error = await verifyManifest(dir, 'edge-config', 'edge-config').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('edge-config');
    expect((error as Error).message).toMatch(message);
  });

  test('a folder of another kind, another schema, or no manifest is refused', async () => {
    await writeManifest(dir, header);
    await expect(verifyManifest(dir, 'tools', 'tools-manifest')).rejects.toThrow(/holds 'edge-config', expected 'tools'/);
    const manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as Record<string, unknown>;
    await writeFile(join(dir, MANIFEST_FILE), JSON.stringify({ ...manifest, schema: 2 }));
    await expect(verifyManifest(dir, 'edge-config', 'edge-config')).rejects.toThrow(/has schema 2; this version reads schema 1/);
    await writeFile(join(dir, MANIFEST_FILE), '{ not json');
    await expect(verifyManifest(dir, 'edge-config', 'edge-config')).rejects.toThrow(/manifest\.json is not valid JSON/);
    await rm(join(dir, MANIFEST_FILE));
    await expect(verifyManifest(dir, 'edge-config', 'edge-config')).rejects.toThrow(/has no manifest\.json/);
  });
});

describe('manifest entries', () => {
  test.each([
    ['../a.conf', "has a '..' segment: it would name a file outside the folder"],
    ['/etc/hosts', 'is an absolute path, not a path inside the folder'],
    ['external-apps//a.conf', "has an empty or '.' segment, which a file listed here never has"],
  ])('%j is refused by what it is, before any file is looked at', async (path, says) => {
    const manifest = await writeManifest(dir, header);
    const listed = { ...manifest, files: [...manifest.files, { path, size: 1, sha256: 'sha256:0' }] };
    await writeFile(join(dir, MANIFEST_FILE), JSON.stringify(listed));
    await expect(verifyManifest(dir, 'edge-config', 'edge-config')).rejects.toThrow(`Input 'edge-config': ${join(dir, MANIFEST_FILE)} lists ${JSON.stringify(path)}, which ${says}`);
  });
});
