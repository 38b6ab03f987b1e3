import { ApiFailure } from './failure.js';
import type { StorageRecord } from './storage-model.js';

/** One file item of a listing (`DataStorageFile`, `entity/datastorage/DataStorageFile.java:31-36`). */
export interface FileItem {
  name: string;
  path: string;
  type: 'File';
  size: number;
  changed: string;
}

/** `DataStorageItemContent` (`entity/datastorage/DataStorageItemContent.java`): byte[] content goes out base64, as Jackson writes a byte[]. */
export interface ItemContent {
  content?: string;
  contentType?: string;
  truncated: boolean;
  mayBeBinary: boolean;
}

/** `storage.max.download.size` (`SystemPreferences.java:198-199`). */
export const MAX_DOWNLOAD_SIZE_DEFAULT = 10000;

/** A file's bytes and its change date. */
export interface StoredFile {
  content: Buffer;
  changed: string;
}

const clean = (path: string) => path.trim().replace(/^\/+|\/+$/g, '');

/** The files of a storage: path (no leading slash) -> content and change date. */
function filesOf(storage: StorageRecord): Map<string, StoredFile> {
  return storage.files;
}

/**
 * Writes a file (what `POST /datastorage/{id}/content?path=` does, `DataStorageController.java:362-377`):
 * its parent folders exist afterwards, as an S3 key prefix or `mkdirs` makes them.
 */
export function writeFile(storage: StorageRecord, rawPath: string, content: Buffer): FileItem {
  const path = clean(rawPath);
  if (path === '' || path.split('/').some((part) => part === '..' || part === '.' || part === '')) throw new ApiFailure(200, `Invalid path '${rawPath}'`);
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) storage.folders.add(parts.slice(0, i).join('/'));
  // S3Helper's date format for `changed` (`S3Helper.java:405`): yyyy-MM-dd HH:mm:ss.
  const changed = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, '');
  filesOf(storage).set(path, { content: Buffer.from(content), changed });
  return fileItem(path, content.length, changed);
}

function fileItem(path: string, size: number, changed: string): FileItem {
  return { name: path.split('/').pop() ?? path, path, type: 'File', size, changed };
}

/** The files directly under `parent`, sorted by path (`S3Helper.java:401-405` for the fields). */
export function listFiles(storage: StorageRecord, rawParent: string): FileItem[] {
  const parent = clean(rawParent);
  const prefix = parent === '' ? '' : `${parent}/`;
  return [...filesOf(storage)]
    .filter(([path]) => path.startsWith(prefix) && !path.slice(prefix.length).includes('/'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, file]) => ({ ...fileItem(path, file.content.length, file.changed), name: path.slice(prefix.length) }));
}

/**
 * `FileContentUtils.isBinaryContent` (`utils/FileContentUtils.java:32-56`): the first 1024
 * characters are not all in [31, 127] or 8..13; a blank text counts as not ASCII, so as binary.
 */
function isBinaryContent(content: Buffer): boolean {
  if (content.length === 0) return false;
  const text = content.subarray(0, 1024).toString('utf8');
  if (text.trim() === '') return true;
  return ![...text].every((char) => {
    const code = char.charCodeAt(0);
    return (code >= 31 && code < 128) || (code >= 8 && code <= 13);
  });
}

/**
 * `GET /datastorage/{id}/content?path=` (`DataStorageController.java:476-494`,
 * `DataStorageManager.java:761-765`, `StorageProviderManager.java:218-221`,
 * `S3Helper.getFileContent` :1057-1116): the first `maxDownloadSize` bytes, `truncated` when the
 * object is longer, no content but `mayBeBinary` for binary data, an empty file without content;
 * a missing key is "Storage path '<path>' for bucket '<root>' does not exist."
 * (`messages.properties:263`).
 */
export function readContent(storage: StorageRecord, rawPath: string, maxDownloadSize: number): ItemContent {
  const path = clean(rawPath);
  const file = filesOf(storage).get(path);
  if (!file) throw new ApiFailure(200, `Storage path '${path}' for bucket '${storage.path}' does not exist.`);
  if (file.content.length === 0) return { truncated: false, mayBeBinary: false };
  const portion = file.content.subarray(0, maxDownloadSize);
  // The stand-in keeps no object metadata, so no contentType (S3Helper.java:1105 copies the object's).
  const answer: ItemContent = { truncated: file.content.length > maxDownloadSize, mayBeBinary: false };
  if (isBinaryContent(portion)) answer.mayBeBinary = true;
  else answer.content = portion.toString('base64');
  return answer;
}
