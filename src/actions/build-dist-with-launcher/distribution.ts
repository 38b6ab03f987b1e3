import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LAUNCHER_DIR, LAUNCHER_WWW_DIR, SETTINGS_TEMPLATE_PATHS } from '../../lib/distribution-layout.js';
import { InputError, errorCode } from '../../lib/errors.js';
import { DEFAULT_LIMITS, type SafetyLimits, UnsafeEntryError, checkFolder, extractArchiveSafely } from '../../lib/safe-extract.js';
import { type TarEntry, entriesOfFolder } from '../../lib/tarball.js';

/** An input distribution, checked and ready to be re-archived with the launcher replaced. */
export interface InputDistribution {
  entries: TarEntry[];
  /** True when it already held a quick-launcher/ tree (dropped and replaced). */
  hadLauncher: boolean;
  /** Entry count before the launcher was dropped. */
  count: number;
}

const isLauncherPath = (path: string): boolean => path === LAUNCHER_DIR || path.startsWith(`${LAUNCHER_DIR}/`);

/**
 * Reads the `distribution` input: a .tgz is checked entry by entry and only then extracted into
 * `workDir`; a folder is checked the same way and read in place. Unsafe entries are refused
 * naming the entry, before anything is written to the output.
 */
export async function readInputDistribution(
  path: string,
  workDir: string,
  limits: SafetyLimits = DEFAULT_LIMITS,
): Promise<InputDistribution> {
  const info = await stat(path).catch((error: unknown) => {
    throw new InputError('distribution', `${path} does not exist or cannot be read (${errorCode(error) ?? String(error)})`);
  });
  let paths: string[];
  let root: string;
  try {
    if (info.isDirectory()) {
      paths = await checkFolder(path, limits);
      root = path;
    } else {
      paths = await extractArchiveSafely(path, workDir, limits);
      root = workDir;
    }
  } catch (error) {
    if (error instanceof UnsafeEntryError) throw new InputError('distribution', error.message);
    throw error;
  }
  const entries = await entriesOfFolder(root, '', isLauncherPath);
  return { entries, hadLauncher: paths.some(isLauncherPath), count: paths.length };
}

/** The project's default settings templates, byte for byte (render-edge-config reads them). */
async function settingsTemplates(): Promise<TarEntry[]> {
  const app = await readFile(new URL('../../../templates/settings/app-launcher.json.hbs', import.meta.url));
  const tool = await readFile(new URL('../../../templates/settings/tool-launcher.json.hbs', import.meta.url));
  return [
    { type: 'file', path: SETTINGS_TEMPLATE_PATHS.app, content: app },
    { type: 'file', path: SETTINGS_TEMPLATE_PATHS.tool, content: tool },
  ];
}

/** The `quick-launcher/` tree: the built files under `www/` and the settings templates. */
export async function launcherEntries(buildOutputDir: string): Promise<TarEntry[]> {
  return [
    { type: 'directory', path: LAUNCHER_DIR },
    ...(await entriesOfFolder(buildOutputDir, LAUNCHER_WWW_DIR)),
    ...(await settingsTemplates()),
  ];
}

/** Where a folder sits inside the work folder; kept here so tests and the core agree. */
export function extractionDir(workDir: string): string {
  return join(workDir, 'input-distribution');
}
