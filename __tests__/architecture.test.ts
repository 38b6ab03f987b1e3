import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';

// Keeps docs/architecture.md true: the layers, who may import @actions/core, the sandbox apart.
// Each rule here is a rule of that page, in its words.

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** One import: the importing file and what it names, both relative to the repository root for local files. */
interface Edge {
  from: string;
  to: string;
}

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : tsFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Static imports and re-exports (`from '…'`, type-only ones too), side-effect imports and `import('…')`. */
const SPECIFIER = /\bfrom\s+['"]([^'"]+)['"]|\bimport\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

function edgesOf(file: string): Edge[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(SPECIFIER)].map((match) => {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (!specifier.startsWith('.')) return { from: file, to: specifier };
    const target = resolve(ROOT, dirname(file), specifier).replace(/\.js$/, '.ts');
    return { from: file, to: relative(ROOT, target).split(sep).join('/') };
  });
}

/** The layer of a file under src/: entrypoints, actions, cloud-pipeline, tools, lib or sandbox. */
function layerOf(path: string): string | undefined {
  return /^src\/([^/]+)\//.exec(path)?.[1];
}

/** The folder of an action (`src/actions/<action>/…`). */
function actionOf(path: string): string | undefined {
  return /^src\/actions\/([^/]+)\//.exec(path)?.[1];
}

/** What each layer of src/ may import of src/ (docs/architecture.md, "The layers"). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  entrypoints: ['actions', 'lib'],
  actions: ['actions', 'cloud-pipeline', 'tools', 'lib'],
  'cloud-pipeline': ['cloud-pipeline', 'lib'],
  tools: ['tools', 'lib'],
  lib: ['lib'],
  sandbox: ['sandbox', 'tools', 'lib'],
};

/** The root action composes the others through these files only. */
const COMPOSED = /^src\/actions\/[^/]+\/(run|post|state)\.ts$/;

/** Every rule a set of imports breaks, one line per broken import. */
function violations(edges: readonly Edge[]): string[] {
  const found: string[] = [];
  for (const { from, to } of edges) {
    const at = `${from} imports ${to}`;
    const fromLayer = layerOf(from);
    const toLayer = layerOf(to);
    if (toLayer === 'sandbox' && from.startsWith('src/') && fromLayer !== 'sandbox') found.push(`${at}: production code never imports src/sandbox`);
    else if (fromLayer && toLayer && !MAY_IMPORT[fromLayer]?.includes(toLayer)) found.push(`${at}: src/${fromLayer} may import only ${MAY_IMPORT[fromLayer]?.join(', ')}`);
    const fromAction = actionOf(from);
    const toAction = actionOf(to);
    if (fromAction && toAction && fromAction !== toAction && (fromAction !== 'quick-launcher' || !COMPOSED.test(to))) {
      found.push(`${at}: an action uses another only from the root action (quick-launcher), through its run.ts, post.ts or state.ts`);
    }
    if (to === '@actions/core' && fromLayer === 'actions' && !from.endsWith('/run.ts')) found.push(`${at}: in src/actions only run.ts talks to the runner`);
    if (from.startsWith('bench/') && to.startsWith('__tests__/')) found.push(`${at}: the bench shares nothing with __tests__`);
  }
  return found;
}

describe('the import graph', () => {
  const edges = [...tsFiles('src'), ...tsFiles('bench')].flatMap(edgesOf);

  test('is read: static, type-only and dynamic imports are all seen', () => {
    // Known edges of each kind, so that a broken pattern cannot pass by seeing nothing.
    expect(edges).toContainEqual({ from: 'src/lib/json.ts', to: 'ajv' });
    expect(edges).toContainEqual({ from: 'src/lib/json.ts', to: 'src/lib/errors.ts' });
    expect(edges).toContainEqual({ from: 'src/actions/quick-launcher/run.ts', to: 'src/actions/deploy-quick-launcher/post.ts' });
    expect(edges.length).toBeGreaterThan(500);
  });

  test('follows docs/architecture.md', () => {
    expect(violations(edges)).toEqual([]);
  });
});

/** The four parts of every action folder (docs/architecture.md, "The spine"); the root action composes stages instead. */
const SPINE = ['inputs.ts', 'plan.ts', 'execute.ts', 'run.ts'] as const;
const COMPOSES_STAGES = 'quick-launcher';
/** What a plan never imports: the file system, processes, tool wrappers, the runner. */
const IMPURE = /^(node:fs(\/promises)?|node:child_process|@actions\/.*|src\/tools\/.*)$/;
const RUN_MAX_LINES = 80;

/** What one action folder breaks of the spine: a missing part, an impure plan, a long run.ts. */
function spineViolations(folder: string, files: ReadonlyMap<string, { lines: number; imports: readonly string[] }>): string[] {
  const found: string[] = [];
  for (const part of SPINE) if (!files.has(part)) found.push(`${folder} has no ${part}`);
  for (const to of files.get('plan.ts')?.imports ?? []) if (IMPURE.test(to)) found.push(`${folder}/plan.ts imports ${to}: a plan does no I/O`);
  const run = files.get('run.ts');
  if (run && run.lines > RUN_MAX_LINES) found.push(`${folder}/run.ts has ${run.lines} lines: run.ts only wires the stage (at most ${RUN_MAX_LINES})`);
  return found;
}

describe('the spine', () => {
  const actions = readdirSync(join(ROOT, 'src/actions'), { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== COMPOSES_STAGES);

  test('is read: the four actions', () => {
    expect(actions.map((entry) => entry.name).sort()).toEqual(['build-dist-with-launcher', 'build-optimized-images', 'deploy-quick-launcher', 'render-edge-config']);
  });

  test.each(actions.map((entry) => entry.name))('%s has inputs.ts, a pure plan.ts, execute.ts and a short run.ts', (action) => {
    const folder = `src/actions/${action}`;
    const files = new Map(
      readdirSync(join(ROOT, folder))
        .filter((name) => name.endsWith('.ts'))
        .map((name) => [name, { lines: readFileSync(join(ROOT, folder, name), 'utf8').split('\n').length, imports: edgesOf(`${folder}/${name}`).map((edge) => edge.to) }]),
    );
    expect(spineViolations(folder, files)).toEqual([]);
  });

  test.each([
    ['a missing plan', new Map([['inputs.ts', { lines: 5, imports: [] }], ['execute.ts', { lines: 5, imports: [] }], ['run.ts', { lines: 5, imports: [] }]]), /has no plan\.ts/],
    ['a plan reading files', new Map(SPINE.map((part) => [part, { lines: 5, imports: part === 'plan.ts' ? ['node:fs/promises'] : [] }])), /plan\.ts imports node:fs\/promises/],
    ['a plan running a tool', new Map(SPINE.map((part) => [part, { lines: 5, imports: part === 'plan.ts' ? ['src/tools/kubectl.ts'] : [] }])), /plan\.ts imports src\/tools\/kubectl\.ts/],
    ['a plan talking to the runner', new Map(SPINE.map((part) => [part, { lines: 5, imports: part === 'plan.ts' ? ['@actions/core'] : [] }])), /plan\.ts imports @actions\/core/],
    ['a run.ts doing the work', new Map(SPINE.map((part) => [part, { lines: part === 'run.ts' ? 200 : 5, imports: [] }])), /run\.ts has 200 lines/],
  ])('refuses %s', (_name, files, message) => {
    expect(spineViolations('src/actions/x', files)).toEqual([expect.stringMatching(message)]);
  });

  test('allows a plan that imports pure code (lib, its own folder, node:path)', () => {
    const files = new Map(SPINE.map((part) => [part, { lines: 5, imports: part === 'plan.ts' ? ['src/lib/digest.ts', 'src/actions/x/spec.ts', 'node:path'] : [] }]));
    expect(spineViolations('src/actions/x', files)).toEqual([]);
  });
});

describe('the rules', () => {
  test.each([
    ['production code importing the sandbox', { from: 'src/tools/docker.ts', to: 'src/sandbox/stack.ts' }, /never imports src\/sandbox/],
    ['a core importing @actions/core', { from: 'src/actions/deploy-quick-launcher/plan.ts', to: '@actions/core' }, /only run\.ts talks to the runner/],
    ['lib importing an action', { from: 'src/lib/stage.ts', to: 'src/actions/render-edge-config/run.ts' }, /src\/lib may import only lib/],
    ['tools importing the API client', { from: 'src/tools/kubectl.ts', to: 'src/cloud-pipeline/client.ts' }, /src\/tools may import only tools, lib/],
    ['the API stand-in importing the client', { from: 'src/sandbox/cloud-pipeline-api/state.ts', to: 'src/cloud-pipeline/types.ts' }, /src\/sandbox may import only sandbox, tools, lib/],
    ['one action reaching into another', { from: 'src/actions/deploy-quick-launcher/execute.ts', to: 'src/actions/render-edge-config/render.ts' }, /only from the root action/],
    ['the root action past a run.ts', { from: 'src/actions/quick-launcher/chain.ts', to: 'src/actions/deploy-quick-launcher/execute.ts' }, /only from the root action/],
    ['the bench importing a test helper', { from: 'bench/cases/optimized-images.ts', to: '__tests__/helpers/runner.ts' }, /shares nothing with __tests__/],
  ])('refuse %s', (_name, edge, message) => {
    expect(violations([edge])).toEqual([expect.stringMatching(message)]);
  });

  test.each([
    ['a run.ts talking to the runner', { from: 'src/actions/deploy-quick-launcher/run.ts', to: '@actions/core' }],
    ['lib talking to the runner', { from: 'src/lib/stage.ts', to: '@actions/core' }],
    ['the root action composing a stage', { from: 'src/actions/quick-launcher/registry.ts', to: 'src/actions/deploy-quick-launcher/run.ts' }],
    ['the sandbox using a tool wrapper', { from: 'src/sandbox/edge.ts', to: 'src/tools/exec.ts' }],
    ['a test using the sandbox', { from: '__tests__/e2e/x.test.ts', to: 'src/sandbox/stack.ts' }],
  ])('allow %s', (_name, edge) => {
    expect(violations([edge])).toEqual([]);
  });
});
