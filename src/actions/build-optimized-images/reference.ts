/** An image reference split into its parts (`[host[:port]/]path[:tag][@digest]`). */
export interface ImageReference {
  /** `host[:port]` when the first component looks like one (has `.` or `:`, or is localhost). */
  host?: string;
  /** The repository path without host. */
  path: string;
  tag?: string;
  digest?: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d{1,5})?$/;

/** True when `path` is a valid repository path (lowercase components joined by `/`). */
export function isRepositoryPath(path: string): boolean {
  return path.length <= 255 && path.split('/').every((part) => COMPONENT.test(part));
}

/** True when `tag` is a valid image tag. */
export function isTag(tag: string): boolean {
  return TAG.test(tag);
}

/** Parses an image reference, or returns undefined when it is not one. */
export function parseReference(text: string): ImageReference | undefined {
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }
  const parts = rest.split('/');
  let host: string | undefined;
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost' || parts[0].startsWith('['))) {
    host = parts.shift();
    if (!host || !HOST.test(host)) return undefined;
  }
  const path = parts.join('/');
  if (!isRepositoryPath(path)) return undefined;
  return { host, path, tag, digest };
}
