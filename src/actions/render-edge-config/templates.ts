import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readArchiveFile } from '../../lib/archive.js';
import { DISTRIBUTION_KIND, SETTINGS_TEMPLATE_PATHS } from '../../lib/distribution-layout.js';
import { InputError, errorCode } from '../../lib/errors.js';
import { readManifest, verifyManifest } from '../../lib/manifest.js';
import type { TemplateSource } from '../../lib/template.js';
import type { RenderTemplates } from './render.js';
import type { LauncherKind, RenderRequest } from './request.js';

// One literal URL per template: ncc copies each next to the bundle and rewrites the URL.
const BUILT_IN = {
  app: new URL('../../../templates/settings/app-launcher.json.hbs', import.meta.url),
  tool: new URL('../../../templates/settings/tool-launcher.json.hbs', import.meta.url),
  serverBlock: new URL('../../../templates/nginx/server-block.conf.hbs', import.meta.url),
};

async function builtIn(name: keyof typeof BUILT_IN, input: string): Promise<TemplateSource> {
  return { text: await readFile(BUILT_IN[name], 'utf8'), input, file: `(built-in) ${name}` };
}

async function userTemplate(path: string, input: string, origin: string): Promise<TemplateSource> {
  try {
    return { text: await readFile(path, 'utf8'), input, file: path };
  } catch (error) {
    const via = origin === `input '${input}'` ? '' : ` (from ${origin})`;
    throw new InputError(input, `cannot read template ${path}${via}: ${errorCode(error) ?? String(error)}`);
  }
}

/**
 * Reads a default settings template out of a distribution: an unpacked distribution folder, the
 * output folder of build-dist-with-launcher (verified against its manifest, template read from
 * its cloud-pipeline tarball), or a distribution tarball.
 */
async function distributionTemplate(distribution: string, kind: LauncherKind): Promise<TemplateSource> {
  const input = 'distribution';
  const entry = SETTINGS_TEMPLATE_PATHS[kind];
  let isFolder: boolean;
  try {
    isFolder = (await stat(distribution)).isDirectory();
  } catch (error) {
    throw new InputError(input, `cannot read ${distribution}: ${errorCode(error) ?? String(error)}`);
  }
  let archive = distribution;
  if (isFolder) {
    const loose = join(distribution, entry);
    const text = await readFile(loose, 'utf8').catch(() => undefined);
    if (text !== undefined) return { text, input, file: loose };
    if (!(await readManifest(distribution, input))) {
      throw new InputError(input, `${distribution} has neither ${entry} nor a build-dist-with-launcher manifest`);
    }
    const manifest = await verifyManifest(distribution, DISTRIBUTION_KIND, input);
    const tarball = manifest.files.find((file) => /^cloud-pipeline\..+\.tgz$/.test(file.path));
    if (!tarball) throw new InputError(input, `${distribution} holds no cloud-pipeline.<version>.tgz`);
    archive = join(distribution, tarball.path);
  }
  let content: Buffer | undefined;
  try {
    content = await readArchiveFile(archive, entry);
  } catch (error) {
    throw new InputError(input, `cannot read ${archive} as a .tgz: ${(error as Error).message}`);
  }
  if (!content) throw new InputError(input, `${archive} has no ${entry}; was it built by build-dist-with-launcher?`);
  return { text: content.toString('utf8'), input, file: `${archive}:${entry}` };
}

/** Reads every template a render needs: overrides, else the distribution's, over the built-ins. */
export async function loadTemplates(request: RenderRequest, options: { distribution?: string; serverTemplate?: string }): Promise<RenderTemplates> {
  const layers: RenderTemplates['layers'] = {};
  for (const launcher of request.launchers) {
    if (launcher.configPath !== undefined) {
      layers[launcher.kind] = await userTemplate(launcher.configPath, launcher.configInput, launcher.configOrigin ?? '');
    } else if (options.distribution !== undefined) {
      layers[launcher.kind] = await distributionTemplate(options.distribution, launcher.kind);
    }
  }
  return {
    defaults: { app: await builtIn('app', 'app-launcher-config'), tool: await builtIn('tool', 'tool-launcher-config') },
    layers,
    serverBlock:
      options.serverTemplate === undefined
        ? await builtIn('serverBlock', 'server-template')
        : await userTemplate(options.serverTemplate, 'server-template', "input 'server-template'"),
  };
}
