// Validates every action.yml with @action-validator/cli and the example workflows with actionlint.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const actionFiles = ['action.yml', 'deploy/action.yml']
  .concat(existsSync('actions') ? readdirSync('actions').map((name) => join('actions', name, 'action.yml')) : [])
  .filter((file) => existsSync(file));
const workflowFiles = existsSync('workflows-examples')
  ? readdirSync('workflows-examples').filter((f) => f.endsWith('.yml')).map((f) => join('workflows-examples', f))
  : [];

let failed = false;
for (const file of [...actionFiles, ...workflowFiles]) {
  try {
    execFileSync('npx', ['action-validator', file], { stdio: 'inherit' });
    console.log(`ok  ${file}`);
  } catch {
    console.log(`bad ${file}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
