// Bundles each src/entrypoints/<action>.ts into dist/<action>/index.js with ncc (one bundle per
// action, the actions/cache layout). Minified so each bundle stays small and starts fast. Each
// bundle is built aside and swapped in, so a failed build leaves the committed one in place.
import { execFileSync } from 'node:child_process';
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';

const only = process.argv.slice(2);
const entries = readdirSync('src/entrypoints')
  .filter((file) => file.endsWith('.ts'))
  .map((file) => basename(file, '.ts'))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

let failed = false;
for (const name of entries) {
  const staging = `dist/.${name}.building`;
  rmSync(staging, { recursive: true, force: true });
  try {
    execFileSync(
      'npx',
      ['ncc', 'build', `src/entrypoints/${name}.ts`, '-o', staging, '--minify', '--license', 'licenses.txt', '--quiet'],
      { stdio: 'inherit' },
    );
  } catch {
    rmSync(staging, { recursive: true, force: true });
    console.error(`failed to build dist/${name}`);
    failed = true;
    continue;
  }
  rmSync(`dist/${name}`, { recursive: true, force: true });
  renameSync(staging, `dist/${name}`);
  console.log(`built dist/${name}/index.js`);
}
process.exit(failed ? 1 : 0);
