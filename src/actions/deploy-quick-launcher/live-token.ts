import type { Kubectl } from '../../tools/kubectl.js';
import { objectNames } from './objects.js';
import type { PayloadIndex } from './payload.js';

/**
 * What the Edge serves now: its payload's index and the anonymous token in its settings. The
 * live token is kept while it stays valid (plan.ts `chooseAnonymousToken`), so an unchanged
 * redeploy stays a no-op although the API issues a new token on every call.
 */

const SETTINGS_PATH = 'quick-launcher/settings.json';

/** What the Edge serves now, read back from its payload objects. */
export interface LivePayload {
  /** The live payload's index (its files with their sizes and digests). */
  index: PayloadIndex;
  /** The live settings text; undefined when its objects are gone. */
  settings?: string;
}

/** The live payload (digest from the Edge's annotation): its index and settings file; undefined when its index is gone. */
export async function readLivePayload(kubectl: Kubectl, prefix: string, digest: string): Promise<LivePayload | undefined> {
  const names = objectNames(prefix, digest);
  type Data = { kind?: string; metadata?: { name?: string }; data?: Record<string, string>; binaryData?: Record<string, string> };
  // The settings hold the token, so they are packed into the Secrets, from secret-0 on: that one
  // is read with the index in one kubectl call (every redeploy reads these); the index says if
  // other objects are needed.
  const first = await kubectl.getEach<Data>([
    { kind: 'configmap', name: names.index },
    { kind: 'secret', name: names.object('secret-0') },
  ]);
  const indexText = first.get(`configmap/${names.index}`)?.data?.['index.json'];
  if (!indexText) return undefined;
  const index = JSON.parse(indexText) as PayloadIndex;
  const file = index.files.find((entry) => entry.path === SETTINGS_PATH);
  if (!file) return { index };
  const firstSecret = first.get(`secret/${names.object('secret-0')}`);
  const objects = new Map<string, Record<string, string>>(firstSecret ? [['secret-0', firstSecret.data ?? {}]] : []);
  const parts: Buffer[] = [];
  for (const chunk of file.chunks) {
    if (!objects.has(chunk.object)) {
      const kind = chunk.object.startsWith('secret-') ? 'secret' : 'configmap';
      const object = await kubectl.get<Data>({ kind, name: names.object(chunk.object) });
      objects.set(chunk.object, (kind === 'secret' ? object?.data : object?.binaryData) ?? {});
    }
    const encoded = objects.get(chunk.object)?.[chunk.key];
    if (encoded === undefined) return { index };
    parts.push(Buffer.from(encoded, 'base64'));
  }
  return { index, settings: Buffer.concat(parts).toString('utf8') };
}

/** The anonymous token of the first app-launcher entry of a settings text. */
export function tokenInSettings(text: string | undefined): string | undefined {
  if (!text) return undefined;
  try {
    const settings = JSON.parse(text) as Record<string, { applicationsMode?: unknown; anonymousAccess?: { token?: unknown } }>;
    for (const entry of Object.values(settings)) {
      const token = entry?.anonymousAccess?.token;
      if (entry?.applicationsMode === 'folder' && typeof token === 'string' && token !== '') return token;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
