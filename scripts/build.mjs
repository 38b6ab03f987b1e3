// Bundles each src/entrypoints/<action>.ts into dist/<action>/index.js with ncc (one bundle per
// action, the actions/cache layout). Minified so each bundle stays small and starts fast.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { basename } from 'node:path';

const only = process.argv.slice(2);
const entries = readdirSync('src/entrypoints')
  .filter((file) => file.endsWith('.ts'))
  .map((file) => basename(file, '.ts'))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

for (const name of entries) {
  rmSync(`dist/${name}`, { recursive: true, force: true });
  execFileSync(
    'npx',
    ['ncc', 'build', `src/entrypoints/${name}.ts`, '-o', `dist/${name}`, '--minify', '--license', 'licenses.txt', '--quiet'],
    { stdio: 'inherit' },
  );
  console.log(`built dist/${name}/index.js`);
}
