// Keeps the generated sections of the README and of docs/*.md true:
//   npm run docs   rewrites every <!-- action:<path>[ inputs=a,b,c][ outputs=no] --> … <!-- /action -->
//                  section from its action.yml (all inputs, or only those named, with a Required
//                  column; the outputs unless outputs=no), and the <!-- bench --> … <!-- /bench -->
//                  section from bench/results.md (written by the latest full `npm run bench`)
// A test (__tests__/readme.test.ts) fails when a section differs from its source.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

interface ActionYaml {
  inputs?: Record<string, { description?: string; default?: string; required?: boolean }>;
  outputs?: Record<string, { description?: string }>;
}

/** What a section marker asks for. */
interface SectionOptions {
  /** Only these inputs, in this order (default: all, in action.yml order). */
  inputs?: string[];
  outputs: boolean;
}

const cell = (text: string): string => text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');

/** The markdown tables of one action.yml's inputs and outputs. */
export function actionTables(actionFile: string, options: SectionOptions = { outputs: true }): string {
  const action = parse(readFileSync(actionFile, 'utf8')) as ActionYaml;
  const inputs = action.inputs ?? {};
  const names = options.inputs ?? Object.keys(inputs);
  const lines = ['| input | required | default | description |', '|---|---|---|---|'];
  for (const name of names) {
    const input = inputs[name];
    if (!input) throw new Error(`${actionFile} has no input '${name}'`);
    const fallback = input.default === undefined || input.default === '' ? '' : `\`${cell(String(input.default))}\``;
    lines.push(`| \`${name}\` | ${input.required === true ? 'yes' : 'no'} | ${fallback} | ${cell(input.description ?? '')} |`);
  }
  if (options.outputs) {
    lines.push('', '| output | description |', '|---|---|');
    for (const [name, output] of Object.entries(action.outputs ?? {})) lines.push(`| \`${name}\` | ${cell(output.description ?? '')} |`);
  }
  return lines.join('\n');
}

const SECTION = /<!-- action:(\S+)((?: [a-z]+=\S+)*) -->\n[\s\S]*?<!-- \/action -->/g;

function sectionOptions(attributes: string): SectionOptions {
  const values = Object.fromEntries(attributes.trim().split(/\s+/).filter(Boolean).map((pair) => pair.split('=', 2) as [string, string]));
  return { ...(values.inputs ? { inputs: values.inputs.split(',') } : {}), outputs: values.outputs !== 'no' };
}

const BENCH = /<!-- bench -->\n[\s\S]*?<!-- \/bench -->/;
export const BENCH_RESULTS = 'bench/results.md';

/** A markdown text with every action section regenerated from its action.yml and the bench table from its results. */
export function regenerate(text: string): string {
  const tables = text.replace(SECTION, (_all, file: string, attributes: string) => `<!-- action:${file}${attributes} -->\n${actionTables(file, sectionOptions(attributes))}\n<!-- /action -->`);
  if (!existsSync(BENCH_RESULTS)) return tables;
  const results = readFileSync(BENCH_RESULTS, 'utf8').trimEnd();
  return tables.replace(BENCH, () => `<!-- bench -->\n${results}\n<!-- /bench -->`);
}

/** The files whose sections are generated: the README and the docs. */
export function documentFiles(): string[] {
  return ['README.md', ...readdirSync('docs').filter((file) => file.endsWith('.md')).map((file) => join('docs', file))];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const file of documentFiles()) {
    const text = readFileSync(file, 'utf8');
    const updated = regenerate(text);
    if (updated !== text) {
      writeFileSync(file, updated);
      console.log(`${file}: sections regenerated`);
    }
  }
}
