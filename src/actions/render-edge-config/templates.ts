import { readFile, realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { readArchiveFile } from '../../lib/archive.js';
import { DISTRIBUTION_KIND, SETTINGS_TEMPLATE_PATHS } from '../../lib/distribution-layout.js';
import { InputError, errorCode } from '../../lib/errors.js';
import { readManifest, verifyManifest } from '../../lib/manifest.js';
import { UnsafeEntryError, readTreeFile } from '../../lib/safe-extract.js';
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

function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`);
}

/**
 * Reads a template the user names by path. The named file is read wherever it is (the workflow
 * or install-config names it), but a link on the way is followed only when the file it reaches
 * lies inside the workspace: a link committed to the repository cannot pull a file of the runner
 * (a registry login, a kubeconfig) into the public settings.
 */
async function userTemplate(path: string, input: string, origin: string, workspace: string | undefined): Promise<TemplateSource> {
  const via = origin === `input '${input}'` ? '' : ` (from ${origin})`;
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    throw new InputError(input, `cannot read template ${path}${via}: ${errorCode(error) ?? String(error)}`);
  }
  if (real !== resolve(path)) {
    const root = workspace ? await realpath(workspace).catch(() => undefined) : undefined;
    if (root === undefined || !isInside(real, root)) {
      const where = root === undefined ? 'and no workspace (GITHUB_WORKSPACE) is known' : `outside the workspace ${root}`;
      throw new InputError(input, `template ${path}${via} is or lies through a symbolic link to ${real}, ${where}; links are followed only inside the workspace: name the file itself`);
    }
  }
  try {
    return { text: await readFile(real, 'utf8'), input, file: path };
  } catch (error) {
    throw new InputError(input, `cannot read template ${path}${via}: ${errorCode(error) ?? String(error)}`);
  }
}

/** A loose template of an unpacked distribution, read under the rules of an archive entry. */
async function looseTemplate(distribution: string, entry: string, input: string): Promise<TemplateSource | undefined> {
  try {
    const content = await readTreeFile(distribution, entry);
    return content === undefined ? undefined : { text: content.toString('utf8'), input, file: join(distribution, entry) };
  } catch (error) {
    if (error instanceof UnsafeEntryError) throw new InputError(input, `${error.message}: refusing to read it as a settings template`);
    throw error;
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
    const loose = await looseTemplate(distribution, entry, input);
    if (loose) return loose;
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

/** Where templates come from; `workspace` (default GITHUB_WORKSPACE) bounds the links followed. */
export interface TemplateOptions {
  distribution?: string;
  serverTemplate?: string;
  workspace?: string;
}

/** Reads every template a render needs: overrides, else the distribution's, over the built-ins. */
export async function loadTemplates(request: RenderRequest, options: TemplateOptions): Promise<RenderTemplates> {
  const workspace = options.workspace ?? process.env.GITHUB_WORKSPACE;
  const layers: RenderTemplates['layers'] = {};
  for (const launcher of request.launchers) {
    if (launcher.configPath !== undefined) {
      layers[launcher.kind] = await userTemplate(launcher.configPath, launcher.configInput, launcher.configOrigin ?? '', workspace);
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
        : await userTemplate(options.serverTemplate, 'server-template', "input 'server-template'", workspace),
  };
}
