import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { OutputFile } from '../../lib/output-folder.js';
import type { VariantResult, VariantState } from './build-variants.js';
import type { ToolSpec } from './spec.js';

/** The kind of the output folder (SPEC §2) that holds tools-manifest.json. */
export const TOOLS_KIND = 'tools';
export const TOOLS_MANIFEST_FILE = 'tools-manifest.json';

/** One entry of tools-manifest.json (schemas/tools-manifest.schema.json). */
export interface ToolEntry {
  tool: string;
  variant: string;
  image: string;
  ref: string;
  tags: string[];
  contentTag?: string;
  digest: string | null;
  state: VariantState;
  defaultImage?: string;
  reason?: string;
  spec: ToolSpec;
  metadata: Record<string, string>;
  icon?: string;
  readme?: string;
}

/** tools-manifest.json: what provisioning registers as Cloud Pipeline tools. */
export interface ToolsManifest {
  schema: 1;
  registry: string;
  version: string;
  tools: ToolEntry[];
}

/** The file stem of a variant's icon/readme: the tool, or tool--<spec folder> for a per-variant spec. */
function assetStem(result: VariantResult): string {
  const { variant } = result.planned;
  const specDir = dirname(variant.specFile);
  return specDir === variant.context ? variant.tool : `${variant.tool}--${basename(specDir)}`;
}

/** Builds the tools manifest and every file of the output folder (icons, readmes, the manifest). */
export async function toolsFolderFiles(
  results: readonly VariantResult[],
  header: { registry: string; version: string },
): Promise<{ manifest: ToolsManifest; files: OutputFile[] }> {
  const files = new Map<string, OutputFile>();
  const tools: ToolEntry[] = [];
  for (const result of results) {
    const { variant, contentTag } = result.planned;
    const stem = assetStem(result);
    const entry: ToolEntry = {
      tool: variant.tool,
      variant: variant.name,
      image: variant.image,
      ref: result.ref,
      tags: result.tags,
      ...(result.state === 'fallback' ? {} : { contentTag }),
      digest: result.digest,
      state: result.state,
      ...(result.defaultImage ? { defaultImage: result.defaultImage } : {}),
      ...(result.reason ? { reason: result.reason } : {}),
      spec: variant.spec,
      metadata: { ...(variant.spec.metadata ?? {}) },
    };
    if (variant.icon) {
      entry.icon = `icons/${stem}.png`;
      files.set(entry.icon, { path: entry.icon, content: await readFile(variant.icon) });
    }
    if (variant.readme) {
      entry.readme = `readme/${stem}.md`;
      files.set(entry.readme, { path: entry.readme, content: await readFile(variant.readme) });
    }
    tools.push(entry);
  }
  const manifest: ToolsManifest = { schema: 1, registry: header.registry, version: header.version, tools };
  files.set(TOOLS_MANIFEST_FILE, { path: TOOLS_MANIFEST_FILE, content: `${JSON.stringify(manifest, null, 2)}\n` });
  return { manifest, files: [...files.values()] };
}

/** Rows of the job summary table, header first. */
export function summaryRows(manifest: ToolsManifest): string[][] {
  const rows = [['Variant', 'State', 'Image', 'Tags', 'Digest']];
  for (const tool of manifest.tools) {
    const state = tool.state === 'fallback' ? `⚠️ fallback (${tool.reason ?? ''})` : tool.state;
    rows.push([tool.variant, state, tool.ref, tool.tags.join(', '), tool.digest ? tool.digest.slice(0, 19) : '-']);
  }
  return rows;
}
