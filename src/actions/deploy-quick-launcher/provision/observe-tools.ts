import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigurationError } from '../../../lib/errors.js';
import { sha256 } from '../../../lib/digest.js';
import type { CloudPipelineClient } from '../../../cloud-pipeline/client.js';
import type { Tool } from '../../../cloud-pipeline/types.js';
import type { ObservedTool } from './plan.js';
import type { DesiredTool } from './tools-manifest.js';

/** How long to wait for a pushed image to become a tool, and how to register one that does not. */
export interface ToolLookup {
  /** Longest wait for the registry's push notification to create the tool (default 30 s). */
  waitMs?: number;
  /** Pause between two `/tool/load` calls while waiting (default 2 s). */
  pollMs?: number;
  /** When given, a tool still missing after the wait is registered with these (`/tool/register` needs them). */
  registration?: { cpu: string; ram: string };
}

const DEFAULT_TOOL_WAIT_MS = 30_000;
const DEFAULT_TOOL_POLL_MS = 2_000;

/**
 * Finds a tool. A push to the registry Cloud Pipeline watches creates the tool through the
 * registry's notification (`POST /dockerRegistry/notify`, `DockerRegistryManager.java:495-523`),
 * a moment after the push, so `/tool/load` is retried for a bounded time, as the upstream
 * installer waits after its push (`deploy/contents/install/app/docker-utils.sh:141-145`).
 */
async function loadWithin(client: CloudPipelineClient, desired: DesiredTool, lookup: ToolLookup): Promise<Tool | undefined> {
  const deadline = Date.now() + (lookup.waitMs ?? DEFAULT_TOOL_WAIT_MS);
  for (;;) {
    const tool = await client.tools.load(desired.fields.registry, desired.fields.image);
    if (tool || Date.now() >= deadline) return tool;
    await sleep(Math.min(lookup.pollMs ?? DEFAULT_TOOL_POLL_MS, Math.max(0, deadline - Date.now())));
  }
}

/**
 * Reads one tool: the tool itself, its icon's digest (only when `hasIcon`: without an icon the
 * API answers HTTP 200 with a JSON ERROR, `ToolManager.java:783-786`) and its metadata. A tool
 * still missing is registrable only with `lookup.registration` and a tool group that exists
 * (`ToolManager.java:149-158`); otherwise the run stops here, before anything was changed.
 */
export async function observeTool(client: CloudPipelineClient, desired: DesiredTool, lookup: ToolLookup = {}): Promise<ObservedTool> {
  const tool = await loadWithin(client, desired, lookup);
  if (!tool) {
    const waited = `${Math.round((lookup.waitMs ?? DEFAULT_TOOL_WAIT_MS) / 1000)} s`;
    if (!lookup.registration) {
      throw new ConfigurationError(
        `tool ${desired.label} is not in Cloud Pipeline after waiting ${waited}: push the image to the registry Cloud Pipeline watches ` +
          `(its push notification creates the tool), or give cpu and ram so that the tool is registered`,
      );
    }
    const slash = desired.fields.image.lastIndexOf('/');
    const groupName = slash > 0 ? desired.fields.image.slice(0, slash) : '';
    const group = groupName === '' ? undefined : await client.tools.group(desired.fields.registry, groupName);
    if (!group) {
      throw new ConfigurationError(
        `tool ${desired.label} is not in Cloud Pipeline and cannot be registered: tool group '${groupName || '(none: the image has no group/ part)'}' ` +
          `does not exist in registry ${desired.fields.registry}`,
      );
    }
    return { metadata: {}, registration: { toolGroupId: group.id, registryId: group.registryId, ...lookup.registration } };
  }
  const icon = desired.icon && tool.hasIcon ? await client.tools.icon(tool.id) : undefined;
  const metadata = Object.keys(desired.metadata).length > 0 ? await client.metadata.load(tool.id, 'TOOL') : {};
  return { tool, iconSha256: icon ? sha256(icon) : undefined, metadata };
}
