import { readFileSync } from 'node:fs';
import { sha256 } from '../../lib/digest.js';
import { renderTemplate } from '../../lib/template.js';
import { PRODUCER_NAME, PRODUCER_VERSION } from '../../lib/version.js';

/** The installer script's template (one literal URL, so ncc ships it next to the bundle). */
const TEMPLATE = new URL('../../../templates/installer/install.sh.hbs', import.meta.url);

/** Backups kept on the node when QL_KEEP is not set. */
export const DEFAULT_KEEP_BACKUPS = 3;

/** Installer exit codes (see the script's header) and what they mean, for error messages. */
export const INSTALLER_EXIT_CODES: Record<number, string> = {
  2: 'the installer was called wrongly (usage)',
  3: 'a payload checksum did not match (nothing was changed)',
  4: 'nginx -t rejected the new server blocks (nothing was changed)',
  5: 'a file operation failed on the node',
  6: 'there was no backup to restore',
  7: 'the node holds other content than expected',
  8: 'a launcher file would replace a file of another external app (nothing was changed)',
};

export interface InstallerScript {
  text: string;
  sha256: string;
}

/** Renders the POSIX sh installer that the Job runs on the Edge node. */
export function renderInstaller(options: { keep?: number } = {}): InstallerScript {
  const text = renderTemplate(
    { text: readFileSync(TEMPLATE, 'utf8'), input: 'installer template', file: 'templates/installer/install.sh.hbs' },
    { producer: PRODUCER_NAME, version: PRODUCER_VERSION, keep: options.keep ?? DEFAULT_KEEP_BACKUPS },
  );
  return { text, sha256: sha256(text) };
}
