import * as tar from 'tar';

/**
 * Reads one regular file out of a .tgz without extracting anything else; undefined when the
 * archive has no such entry. Entry names are compared without a leading `./`.
 */
export async function readArchiveFile(archive: string, entryPath: string): Promise<Buffer | undefined> {
  let found: Buffer | undefined;
  await tar.t({
    file: archive,
    strict: true,
    filter: (path) => path.replace(/^\.\//, '') === entryPath,
    onReadEntry: (entry) => {
      if (entry.type !== 'File') {
        entry.resume();
        return;
      }
      const chunks: Buffer[] = [];
      entry.on('data', (chunk: Buffer) => chunks.push(chunk));
      entry.on('end', () => {
        found = Buffer.concat(chunks);
      });
    },
  });
  return found;
}
