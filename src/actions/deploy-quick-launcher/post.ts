import { rm } from 'node:fs/promises';
import { removeKubeconfig } from './kubeconfig.js';
import { STATE_CACHE_DIR, STATE_KUBECONFIG } from './state.js';

/**
 * The post step: removes the kubeconfig and kubectl's cache even when the main step was
 * cancelled or failed before its own cleanup (`post-if: always()`).
 */
export async function post(getState: (name: string) => string): Promise<void> {
  const kubeconfig = getState(STATE_KUBECONFIG);
  if (kubeconfig) await removeKubeconfig(kubeconfig);
  const cache = getState(STATE_CACHE_DIR);
  if (cache) await rm(cache, { recursive: true, force: true });
}
