import type { ToolModel } from './tool-model.js';

/** A real registry (on loopback) whose pushes the stand-in hears of, as Cloud Pipeline hears of its own registry's. */
export interface WatchedRegistry {
  /** The registry as Cloud Pipeline names it (`host:port`), e.g. `127.0.0.1:15000`. */
  path: string;
  /** Its base URL, `http://127.0.0.1:<port>`. */
  url: string;
  /** Pause between two scans (default 250 ms). */
  intervalMs?: number;
}

export interface RegistryWatch {
  /** One scan now: every tag not seen before becomes a push notification. */
  scan(): Promise<void>;
  stop(): void;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Plays the registry's push notifications. A Cloud Pipeline registry is configured to call
 * `POST /dockerRegistry/notify` on every push (`DockerRegistryController.java:180-191`); a test
 * registry is not, so this scans its catalog (`/v2/_catalog`, `/v2/<repo>/tags/list`) and hands
 * each new tag to the stand-in as that notification would. A repository without a `group/` part
 * is known as an image but makes no tool, as upstream refuses it (`ToolGroupManager.java:279-291`).
 */
export function watchRegistry(model: ToolModel, registry: WatchedRegistry): RegistryWatch {
  const base = new URL(registry.url);
  if (!LOOPBACK.has(base.hostname)) throw new Error(`watched registry ${registry.url} is not on loopback`);
  model.addRegistry(registry.path);
  const seen = new Set<string>();
  let running: Promise<void> | undefined;
  const getJson = async (path: string): Promise<unknown> => {
    const response = await fetch(new URL(path, base), { signal: AbortSignal.timeout(5000) });
    return response.ok ? response.json() : undefined;
  };
  /** Every repository, page by page (the registry caps `n` at 1000 and links the next page). */
  const repositories = async (): Promise<string[]> => {
    const all: string[] = [];
    let last = '';
    for (;;) {
      const page = (await getJson(`/v2/_catalog?n=1000${last ? `&last=${encodeURIComponent(last)}` : ''}`)) as { repositories?: string[] } | undefined;
      const names = page?.repositories ?? [];
      all.push(...names);
      if (names.length < 1000) return all;
      last = names[names.length - 1] ?? '';
    }
  };
  const scanOnce = async () => {
    for (const repository of await repositories()) {
      const listed = (await getJson(`/v2/${repository}/tags/list`)) as { tags?: string[] | null } | undefined;
      for (const tag of listed?.tags ?? []) {
        const key = `${repository}:${tag}`;
        if (seen.has(key)) continue;
        seen.add(key);
        try {
          model.pushImage(registry.path, repository, tag);
        } catch {
          // refused as upstream would refuse its notification; the others still count
        }
      }
    }
  };
  const scan = () => {
    running ??= scanOnce()
      .catch(() => undefined) // a registry that is down or busy is scanned again next time
      .finally(() => (running = undefined));
    return running;
  };
  const timer = setInterval(() => void scan(), registry.intervalMs ?? 250);
  timer.unref();
  return { scan, stop: () => clearInterval(timer) };
}
