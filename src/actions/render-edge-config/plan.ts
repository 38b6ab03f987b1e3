import { digestOf } from '../../lib/digest.js';
import { InputError } from '../../lib/errors.js';
import type { Inputs } from './inputs.js';
import { renderEdgeConfig, type RenderedEdgeConfig, type RenderTemplates } from './render.js';
import type { RenderRequest } from './request.js';

/*
 * render-edge-config's pure entry (table-tested in __tests__/actions/render-edge-config/): the
 * request (request.ts `resolveRequest`: the inputs, the environment and install-config resolved
 * and checked, at parse time so a bad host fails before any work) and the templates execute.ts
 * read give the rendered set (render.ts) and what the output folder gets; and whether nginx -t
 * checks it, from `validate` and the tools found.
 */

export const EDGE_CONFIG_KIND = 'edge-config';

/** What one render writes. */
export interface RenderPlan {
  /** The hosts, launchers and settings, and `files`: the output folder's. */
  rendered: RenderedEdgeConfig;
  /** The manifest's inputs digest: equal digests mean equal folders. */
  inputsDigest: string;
}

export function planRender(request: RenderRequest, templates: RenderTemplates): RenderPlan {
  const rendered = renderEdgeConfig(request, templates);
  // Everything that shapes the output; cert-dir does not (only nginx -t reads it).
  const inputsDigest = digestOf({ request: { ...request, certDir: undefined }, templates });
  return { rendered, inputsDigest };
}

/** Whether nginx -t runs: `validate`, and which of nginx and openssl are on PATH. */
export type ValidationChoice = { run: true } | { run: false; warning?: string };

/** `true` needs both tools (else an InputError), `auto` runs when both are there (else warns), `false` never. */
export function chooseValidation(mode: Inputs['validate'], found: { nginx: boolean; openssl: boolean }): ValidationChoice {
  if (mode === 'false') return { run: false };
  if (found.nginx && found.openssl) return { run: true };
  const missing = found.nginx ? 'openssl' : 'nginx';
  if (mode === 'true') throw new InputError('validate', `is true but ${missing} is not on PATH`);
  return { run: false, warning: `${missing} is not on PATH: the rendered configuration was not checked with nginx -t` };
}
