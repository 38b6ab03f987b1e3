// The sample launcher's build: the same contract as the real webpack build (reads the build-time
// variables from the environment, writes build/index.html, js/, css/, assets/), with no
// dependencies and no network. Like the real one, it does not clean build/ first.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const env = process.env;
const publicUrl = (env.PUBLIC_URL ?? '/').replace(/\/?$/, '/');
const title = env.CP_APPLICATIONS_TITLE ?? 'Applications';
const version = env.BUILD_VERSION ?? 'dev';
const description = env.BUILD_DESCRIPTION ?? '';
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
  .replaceAll('%LOGO_IMG%', env.LOGO ? `<img alt="logo" src="${publicUrl}${env.LOGO}">` : '');
writeFileSync('build/index.html', html);

const defines = `const __TITLE__ = ${JSON.stringify(title)};\nconst __BUILD_VERSION__ = ${JSON.stringify(version)};\nconst __BUILD_DESCRIPTION__ = ${JSON.stringify(description)};\n`;
writeFileSync('build/js/main.bundle.js', `(() => {\n${defines}${readFileSync('src/main.js', 'utf8')}})();\n`);
writeFileSync('build/css/bundle.css', readFileSync('src/style.css', 'utf8'));
for (const file of readdirSync('assets')) copyFileSync(`assets/${file}`, `build/assets/${file}`);
console.log(`built ${title} ${version} into build/ (public URL ${publicUrl})`);
