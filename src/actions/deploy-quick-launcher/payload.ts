import { ConfigurationError, InputError } from '../../lib/errors.js';
import { digestOf, sha256 } from '../../lib/digest.js';

/**
 * Packs what the Edge needs (server blocks, settings, launcher files) into Kubernetes objects the
 * installer Job mounts: ConfigMaps for public files, Secrets for anything secret (the settings
 * carry the anonymous token), each object under the 1 MiB object limit. Pure: bytes in, objects
 * and an index out.
 */

/** One file to place under the Edge's host folder. */
export interface PayloadFile {
  /** Relative to the host folder, e.g. `app.example.com.conf`, `quick-launcher/www/index.html`. */
  path: string;
  content: Buffer;
  /** Goes into a Secret instead of a ConfigMap. */
  secret: boolean;
  /** The input that gave the file, named in errors. */
  input: string;
}

export interface PayloadLimits {
  /** Raw bytes per chunk; base64 makes it 4/3 bigger in the object. */
  chunkBytes: number;
  /** Encoded bytes of data per object (the API server's limit is 1 MiB for the whole object). */
  objectBytes: number;
  /** Largest single file. */
  fileBytes: number;
  /** Largest payload, all files together. */
  totalBytes: number;
}

export const DEFAULT_PAYLOAD_LIMITS: PayloadLimits = {
  chunkBytes: 512 * 1024,
  objectBytes: 900 * 1024,
  fileBytes: 64 * 1024 * 1024,
  totalBytes: 256 * 1024 * 1024,
};

export interface ChunkRef {
  /** Payload object id (`cm-0`, `secret-0`): the folder it is mounted in. */
  object: string;
  key: string;
  sha256: string;
  size: number;
}

export interface IndexedFile {
  path: string;
  size: number;
  sha256: string;
  secret: boolean;
  chunks: ChunkRef[];
}

/** Everything the content digest covers. */
export interface PayloadIndex {
  schema: 1;
  /** The host folder the files go to: the same files in another folder are another content. */
  hostPath: string;
  /** sha256 of the installer script: a new installer is a new rollout. */
  installer: string;
  files: IndexedFile[];
}

/** One ConfigMap or Secret worth of chunks, keyed by chunk key. */
export interface PayloadObject {
  id: string;
  secret: boolean;
  data: Record<string, Buffer>;
  encodedBytes: number;
}

export interface Payload {
  index: PayloadIndex;
  /** `sha256:<hex>` of the canonical JSON of the index. */
  digest: string;
  objects: PayloadObject[];
  /** The line-oriented index the installer reads (`file <sha> <path>` then `chunk <sha> <object>/<key>`). */
  installerIndex: string;
  totalBytes: number;
}

/** The characters a payload path may use: nothing the installer script would need to quote. */
const SAFE_PATH = /^[A-Za-z0-9._@+-]+(?:\/[A-Za-z0-9._@+-]+)*$/;

function checkPath(file: PayloadFile): void {
  const parts = file.path.split('/');
  if (!SAFE_PATH.test(file.path) || parts.includes('..') || parts.includes('.') || parts[0] === '.quick-launcher') {
    throw new InputError(file.input, `'${file.path}' cannot be installed: file names may use only letters, digits and . _ @ + -`);
  }
}

function encodedSize(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

/** Packs files into chunked objects and computes the index and its digest. */
export function packPayload(
  files: readonly PayloadFile[],
  target: { hostPath: string; installer: string },
  limits: PayloadLimits = DEFAULT_PAYLOAD_LIMITS,
): Payload {
  if (encodedSize(limits.chunkBytes) > limits.objectBytes) {
    throw new ConfigurationError(`a chunk of ${limits.chunkBytes} bytes does not fit an object of ${limits.objectBytes} encoded bytes`);
  }
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const seen = new Set<string>();
  let totalBytes = 0;
  for (const file of sorted) {
    checkPath(file);
    if (seen.has(file.path)) throw new InputError(file.input, `'${file.path}' is given twice`);
    seen.add(file.path);
    if (file.content.length > limits.fileBytes) {
      throw new InputError(file.input, `'${file.path}' is ${formatBytes(file.content.length)}, over the ${formatBytes(limits.fileBytes)} limit of one file`);
    }
    totalBytes += file.content.length;
  }
  if (totalBytes > limits.totalBytes) {
    throw new ConfigurationError(`the payload is ${formatBytes(totalBytes)} in ${sorted.length} files, over the ${formatBytes(limits.totalBytes)} limit`);
  }

  const objects: PayloadObject[] = [];
  const open: Record<'cm' | 'secret', PayloadObject | undefined> = { cm: undefined, secret: undefined };
  const counts = { cm: 0, secret: 0 };
  const place = (secret: boolean, key: string, bytes: Buffer): string => {
    const kind = secret ? 'secret' : 'cm';
    let object = open[kind];
    const size = encodedSize(bytes.length) + key.length;
    if (!object || object.encodedBytes + size > limits.objectBytes) {
      object = { id: `${kind}-${counts[kind]++}`, secret, data: {}, encodedBytes: 0 };
      objects.push(object);
      open[kind] = object;
    }
    object.data[key] = bytes;
    object.encodedBytes += size;
    return object.id;
  };

  const indexed: IndexedFile[] = sorted.map((file, fileNumber) => {
    const chunks: ChunkRef[] = [];
    for (let offset = 0, part = 0; offset < file.content.length; offset += limits.chunkBytes, part++) {
      const bytes = file.content.subarray(offset, offset + limits.chunkBytes);
      const key = `f${String(fileNumber).padStart(5, '0')}.c${String(part).padStart(4, '0')}`;
      chunks.push({ object: place(file.secret, key, bytes), key, sha256: sha256(bytes), size: bytes.length });
    }
    return { path: file.path, size: file.content.length, sha256: sha256(file.content), secret: file.secret, chunks };
  });

  const index: PayloadIndex = { schema: 1, hostPath: target.hostPath, installer: target.installer, files: indexed };
  const lines = ['# quick-launcher payload index: file <sha256> <path>, then its chunks in order'];
  for (const file of indexed) {
    lines.push(`file ${file.sha256} ${file.path}`);
    for (const chunk of file.chunks) lines.push(`chunk ${chunk.sha256} ${chunk.object}/${chunk.key}`);
  }
  return { index, digest: digestOf(index), objects, installerIndex: `${lines.join('\n')}\n`, totalBytes };
}

/** The short form of a digest used in object names and labels (12 hex digits). */
export function shortDigest(digest: string): string {
  return digest.replace(/^sha256:/, '').slice(0, 12);
}
