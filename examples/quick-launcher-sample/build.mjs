// The sample launcher's build: the same contract as the real webpack build (reads the build-time
// variables from the environment, writes build/index.html, js/main.bundle.js, css/bundle.css and
// assets/), with no dependencies and no network. Like the real one, it does not clean build/ first.
//
// The sources in src/ are ES modules of our own; the "bundler" below only joins them in the order
// of SOURCES into one classic script, dropping their `import` lines and `export` keywords (every
// top-level name is unique across the files). Build-time variables become constants at the top of
// the bundle, as webpack's DefinePlugin makes them in the real build (webpack.config.js:37-62).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const SOURCES = ['build-config.js', 'bearer-token.js', 'api.js', 'settings.js', 'available-storages.js', 'docker-applications.js', 'folder-applications.js', 'page.js', 'main.js'];

const env = process.env;
const publicUrl = (env.PUBLIC_URL ?? '/').replace(/\/?$/, '/');
const title = env.CP_APPLICATIONS_TITLE || 'Applications';
const version = env.BUILD_VERSION ?? 'dev';
const description = env.BUILD_DESCRIPTION ?? '';
const flag = (value, fallback) => (value === undefined ? fallback : ['1', 'true'].includes(value));
const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

mkdirSync('build/js', { recursive: true });
mkdirSync('build/css', { recursive: true });
mkdirSync('build/assets', { recursive: true });

const html = readFileSync('src/index.html', 'utf8')
  .replaceAll('%TITLE%', escape(title))
  .replaceAll('%PUBLIC_URL%', publicUrl)
  .replaceAll('%BUILD_VERSION%', escape(version))
  .replaceAll('%BACKGROUND%', env.BACKGROUND ? publicUrl + env.BACKGROUND : 'undefined')
  .replaceAll('%FAVICON_LINK%', env.FAVICON ? `<link rel="icon" href="${publicUrl}${env.FAVICON}">` : '')
  .replaceAll('%LOGO_IMG%', env.LOGO ? `<img class="logo" alt="logo" src="${publicUrl}${env.LOGO}">` : '');
writeFileSync('build/index.html', html);

const defines = {
  CP_APPLICATIONS_TITLE: title,
  CP_APPLICATIONS_API: env.CP_APPLICATIONS_API || undefined,
  CP_APPLICATIONS_TAG: env.CP_APPLICATIONS_TAG || 'app_type',
  CP_APPLICATIONS_SUPPORT_NAME: env.CP_APPLICATIONS_SUPPORT_NAME || undefined,
  CPAPI: flag(env.USE_CLOUD_PIPELINE_API, true),
  TOOLS: flag(env.USE_CLOUD_PIPELINE_TOOLS, true),
  BUILD_VERSION: version,
  BUILD_DESCRIPTION: description,
};
const prelude = Object.entries(defines)
  .map(([name, value]) => `const ${name} = ${value === undefined ? 'undefined' : JSON.stringify(value)};`)
  .join('\n');

function moduleBody(file) {
  const text = readFileSync(`src/${file}`, 'utf8')
    .replace(/^import [^;]+;\n/gm, '')
    .replace(/^export (?=(async )?function |const |let |class )/gm, '');
  const left = /^\s*(import|export)\b.*$/m.exec(text);
  if (left) throw new Error(`src/${file}: the sample's bundler only drops 'import ... from' lines and 'export' before declarations; found: ${left[0]}`);
  return `// ---- src/${file}\n${text}`;
}
const bundle = `(function () {\n'use strict';\n${prelude}\n${SOURCES.map(moduleBody).join('\n')}})();\n`;
writeFileSync('build/js/main.bundle.js', bundle);
writeFileSync('build/css/bundle.css', readFileSync('src/style.css', 'utf8'));
for (const file of readdirSync('assets')) copyFileSync(`assets/${file}`, `build/assets/${file}`);
console.log(`built ${title} ${version} into build/ (public URL ${publicUrl})`);
