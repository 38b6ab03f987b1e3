/**
 * How the root action runs the four actions as stages of one job: which stages exist, in which
 * order, how a root input name maps to each stage's own input names (renamed where names would
 * clash, e.g. each stage's `output-dir`), and which inputs are wired from an earlier stage's
 * outputs when that stage ran. `scripts/root-action.ts` writes the root action.yml from this table
 * and the four action.yml files; a test keeps them in step.
 */
export const STAGE_NAMES = ['build-dist', 'build-images', 'render', 'deploy'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** The folder under actions/ of each stage's own action. */
export const STAGE_ACTIONS: Record<StageName, string> = {
  'build-dist': 'build-dist-with-launcher',
  'build-images': 'build-optimized-images',
  render: 'render-edge-config',
  deploy: 'deploy-quick-launcher',
};

/**
 * Stage input -> root input. Absent: the same name. `null`: not a root input (the root action
 * has one `summary` for the whole run).
 */
const INPUT_RENAMES: Record<StageName, Record<string, string | null>> = {
  'build-dist': { 'output-dir': 'dist-output-dir', summary: null },
  'build-images': { 'output-dir': 'images-output-dir', build: 'images-build', summary: null },
  render: { 'output-dir': 'edge-output-dir', summary: null },
  deploy: { summary: null },
};

/** Stage output -> root output. Absent: the same name. */
const OUTPUT_RENAMES: Record<StageName, Record<string, string>> = {
  'build-dist': { 'output-dir': 'dist-output-dir' },
  'build-images': { built: 'images-built', reused: 'images-reused', fallback: 'images-fallback' },
  render: { 'output-dir': 'edge-config', files: 'edge-files' },
  deploy: {},
};

/**
 * Inputs fed by an earlier stage's output when that stage is part of the run; otherwise the root
 * input of the same name is used (e.g. a folder downloaded from an earlier job).
 */
export const WIRED_INPUTS: Partial<Record<StageName, Record<string, { from: StageName; output: string }>>> = {
  render: { distribution: { from: 'build-dist', output: 'output-dir' } },
  deploy: {
    distribution: { from: 'build-dist', output: 'output-dir' },
    'edge-config': { from: 'render', output: 'output-dir' },
    'tools-manifest': { from: 'build-images', output: 'tools-manifest' },
  },
};

/** The root input a stage reads for one of its inputs, or null when the root has none. */
export function rootInputName(stage: StageName, input: string): string | null {
  const renamed = INPUT_RENAMES[stage][input];
  return renamed === undefined ? input : renamed;
}

/** The root output name of a stage output. */
export function rootOutputName(stage: StageName, output: string): string {
  return OUTPUT_RENAMES[stage][output] ?? output;
}
