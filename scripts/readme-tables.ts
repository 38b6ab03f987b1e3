// Keeps the README's generated sections true:
//   npm run docs   rewrites every <!-- action:<path> --> … <!-- /action --> section from its
//                  action.yml, and the <!-- bench --> … <!-- /bench --> section from
//                  bench/results.md (written by the latest full `npm run bench`)
// A test (__tests__/readme.test.ts) fails when a section differs from its source.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

interface ActionYaml {
  inputs?: Record<string, { description?: string; default?: string; required?: boolean }>;
  outputs?: Record<string, { description?: string }>;
}

const cell = (text: string): string => text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');

/** The markdown tables of one action.yml's inputs and outputs. */
export function actionTables(actionFile: string): string {
  const action = parse(readFileSync(actionFile, 'utf8')) as ActionYaml;
  const lines = ['| input | default | description |', '|---|---|---|'];
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    const fallback = input.default === undefined || input.default === '' ? '' : `\`${cell(String(input.default))}\``;
    lines.push(`| \`${name}\` | ${fallback} | ${cell(input.description ?? '')} |`);
  }
  lines.push('', '| output | description |', '|---|---|');
  for (const [name, output] of Object.entries(action.outputs ?? {})) lines.push(`| \`${name}\` | ${cell(output.description ?? '')} |`);
  return lines.join('\n');
}

const SECTION = /<!-- action:(\S+) -->\n[\s\S]*?<!-- \/action -->/g;

const BENCH = /<!-- bench -->\n[\s\S]*?<!-- \/bench -->/;
export const BENCH_RESULTS = 'bench/results.md';

/** The README with every action section regenerated from its action.yml and the bench table from its results. */
export function regenerate(readme: string): string {
  const tables = readme.replace(SECTION, (_all, file: string) => `<!-- action:${file} -->\n${actionTables(file)}\n<!-- /action -->`);
  if (!existsSync(BENCH_RESULTS)) return tables;
  const results = readFileSync(BENCH_RESULTS, 'utf8').trimEnd();
  return tables.replace(BENCH, () => `<!-- bench -->\n${results}\n<!-- /bench -->`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const readme = readFileSync('README.md', 'utf8');
  writeFileSync('README.md', regenerate(readme));
  console.log('README.md tables regenerated from the action.yml files and bench/results.md');
}
