import { errorMessage } from '../../lib/errors.js';
import type { EdgeAddress } from './observe.js';

/**
 * The proof that the Edge serves the new content (the smoke check the deploy hands in), run after
 * the switch. A readiness probe proves nothing here: cp-edge has only a liveness probe and `init`
 * ignores an nginx start failure (cp-edge-dpl.yaml:41-49, init:202-206). Resolves with the failure
 * text, or undefined when the Edge answered as expected (or no check was asked for).
 */
export type VerifyHook = (address: EdgeAddress | undefined) => Promise<void>;

export async function verifyEdge(verify: VerifyHook | undefined, address: EdgeAddress | undefined): Promise<string | undefined> {
  if (!verify) return undefined;
  try {
    await verify(address);
    return undefined;
  } catch (error) {
    return `smoke check failed: ${errorMessage(error)}`;
  }
}
