import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from '@jest/globals';
import { InputReader, inputsFrom } from '../../../src/lib/inputs.js';
import { given } from '../../../src/lib/handoff.js';
import { getInputs, type Inputs } from '../../../src/actions/render-edge-config/inputs.js';
import { planRender } from '../../../src/actions/render-edge-config/plan.js';
import type { RenderedEdgeConfig } from '../../../src/actions/render-edge-config/render.js';
import { resolveRequest } from '../../../src/actions/render-edge-config/request.js';
import { loadTemplates } from '../../../src/actions/render-edge-config/templates.js';

export const FIXTURES = new URL('../../fixtures/render-edge-config/', import.meta.url).pathname;

/** Inputs as the runner would give them, with a temp output folder and validation off. */
export function inputsOf(values: Record<string, string>, env: NodeJS.ProcessEnv = {}): Inputs {
  return given(getInputs(new InputReader(inputsFrom({ validate: 'false', ...values })), env));
}

/** The core run on inputs, the way run.ts does it, without writing anything. */
export async function renderInputs(inputs: Inputs, env: NodeJS.ProcessEnv = {}): Promise<RenderedEdgeConfig> {
  const request = resolveRequest(inputs, env, new Map());
  const templates = await loadTemplates(request, { distribution: inputs.distribution, serverTemplate: inputs.serverTemplate });
  return planRender(request, templates).rendered;
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `qla-${prefix}-`));
}

/**
 * Compares rendered files with `fixtures/render-edge-config/golden/<name>/`. With
 * UPDATE_GOLDEN=1 the golden files are rewritten instead (review the diff before committing).
 */
export async function expectGolden(name: string, rendered: RenderedEdgeConfig): Promise<void> {
  const dir = join(FIXTURES, 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1') {
    for (const file of rendered.files) {
      await mkdir(dirname(join(dir, file.path)), { recursive: true });
      await writeFile(join(dir, file.path), file.content);
    }
  }
  const expected: string[] = [];
  async function walk(relative: string): Promise<void> {
    for (const entry of await readdir(join(dir, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path);
      else expected.push(path);
    }
  }
  await walk('');
  expect(rendered.files.map((file) => file.path).sort()).toEqual(expected.sort());
  for (const file of rendered.files) {
    expect({ path: file.path, content: String(file.content) }).toEqual({
      path: file.path,
      content: await readFile(join(dir, file.path), 'utf8'),
    });
  }
}
