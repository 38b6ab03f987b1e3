export const id = 910;
export const ids = [910];
export const modules = {

/***/ 9910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  summaryMarkdown: () => (/* binding */ summaryMarkdown),
  writeRendered: () => (/* binding */ writeRendered)
});

// UNUSED EXPORTS: renderAndWrite

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/lib/output-folder.ts
var output_folder = __webpack_require__(19267);
// EXTERNAL MODULE: ./src/lib/markdown.ts
var markdown = __webpack_require__(33862);
// EXTERNAL MODULE: ./src/tools/exec.ts
var exec = __webpack_require__(12122);
;// CONCATENATED MODULE: ./src/tools/nginx.ts
/** argv of `nginx -t` for a configuration file and prefix. */
function testArgs(config, prefix) {
    return ['-t', '-c', config, '-p', prefix.endsWith('/') ? prefix : `${prefix}/`];
}
/** argv that starts nginx in the foreground (the config says `daemon off;`). */
function startArgs(config, prefix) {
    return ['-c', config, '-p', prefix.endsWith('/') ? prefix : `${prefix}/`];
}
// `nginx: [emerg] …` before the error log is open, `2026/01/01 00:00:00 [warn] 12#12: …` after.
const MESSAGE = /^(?:nginx: |\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d )\[(\w+)\] (?:\d+#\d+: )?(.*?)(?: in (\/\S+?):(\d+))?$/;
/**
 * Parses nginx's stderr into messages, e.g. `[emerg] unknown directive "x" in /path/a.conf:12`;
 * the "syntax is ok" and "test is successful" lines carry no level and are dropped.
 */
function parseNginxOutput(stderr) {
    const messages = [];
    for (const raw of stderr.split(/\r?\n/)) {
        const match = MESSAGE.exec(raw.trim());
        if (!match)
            continue;
        const [, level, text, file, line] = match;
        messages.push({ level, text, ...(file ? { file, line: Number(line) } : {}) });
    }
    return messages;
}
/** The nginx binary: builds argv, runs it through one CommandRunner. */
class Nginx {
    binary;
    run;
    constructor(binary, run) {
        this.binary = binary;
        this.run = run;
    }
    async test(config, prefix) {
        const result = await this.run(this.binary, testArgs(config, prefix));
        return { exitCode: result.exitCode, messages: parseNginxOutput(result.stderr) };
    }
}

;// CONCATENATED MODULE: ./src/tools/openssl.ts

/** argv that makes a self-signed certificate and key for `commonName`, valid `days`. */
function selfSignedArgs(options) {
    return [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256',
        '-days', String(options.days),
        '-subj', `/CN=${options.commonName}`,
        '-keyout', options.key,
        '-out', options.certificate,
    ];
}
/** The openssl binary, for the throw-away certificates that `nginx -t` needs to load. */
class OpenSsl {
    binary;
    run;
    constructor(binary, run) {
        this.binary = binary;
        this.run = run;
    }
    async selfSigned(options) {
        const result = await this.run(this.binary, selfSignedArgs({ days: 2, ...options }));
        if (result.exitCode !== 0) {
            throw new Error(`openssl could not make a test certificate (exit ${result.exitCode}): ${(0,exec.lastLines)(result.stderr, 3)}`);
        }
    }
}

// EXTERNAL MODULE: ./src/actions/render-edge-config/install-config.ts
var install_config = __webpack_require__(42087);
// EXTERNAL MODULE: ./src/lib/digest.ts
var digest = __webpack_require__(8899);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(97268);
// EXTERNAL MODULE: ./src/lib/edge-layout.ts
var edge_layout = __webpack_require__(77493);
// EXTERNAL MODULE: ./src/lib/template.ts
var template = __webpack_require__(89034);
// EXTERNAL MODULE: ./src/lib/version.ts
var version = __webpack_require__(87471);
// EXTERNAL MODULE: ./src/actions/render-edge-config/request.ts + 1 modules
var render_edge_config_request = __webpack_require__(95417);
// EXTERNAL MODULE: ./src/lib/json.ts
var json = __webpack_require__(18453);
;// CONCATENATED MODULE: ./src/actions/render-edge-config/settings.ts



function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Objects merge key by key, at every depth; arrays and scalars of `layer` replace. */
function mergeSettings(base, layer) {
    const merged = { ...base };
    for (const [key, value] of Object.entries(layer)) {
        const current = merged[key];
        merged[key] = isObject(current) && isObject(value) ? mergeSettings(current, value) : value;
    }
    return merged;
}
/**
 * The path of the first `__proto__` key at any depth: JSON.parse keeps it as an own key, but a
 * merge or a spread would set a prototype with it and the key would vanish from the output.
 */
function protoKey(value, path) {
    if (typeof value !== 'object' || value === null)
        return undefined;
    for (const [key, child] of Object.entries(value)) {
        const here = Array.isArray(value) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
        if (key === '__proto__')
            return here;
        const found = protoKey(child, here);
        if (found !== undefined)
            return found;
    }
    return undefined;
}
/**
 * Renders a settings template and parses it; a result that is not a JSON object is an InputError.
 * Values are JSON-escaped as they are written (renderJsonTemplate), so none can add a key.
 */
function renderSettings(source, context) {
    const text = (0,template/* renderJsonTemplate */.N)(source, { ...context });
    let value;
    try {
        value = (0,json/* parseJson */.qF)(text, source.file);
    }
    catch (error) {
        if (!(error instanceof json/* JsonSyntaxError */.q3))
            throw error;
        throw new errors/* InputError */.dz(source.input, `is not valid JSON after rendering: ${error.detail}`, error.location);
    }
    if (!isObject(value))
        throw new errors/* InputError */.dz(source.input, 'must render to a JSON object of launcher settings', { file: source.file });
    const proto = protoKey(value, '');
    if (proto !== undefined)
        throw new errors/* InputError */.dz(source.input, `has a '__proto__' key (${proto}), which cannot be a setting`, { file: source.file });
    return value;
}

;// CONCATENATED MODULE: ./src/actions/render-edge-config/render.ts





/** The metadata key that marks a tool as an app of a launcher (CP_APPLICATIONS_TAG). */
const APP_TAG = 'app_type';
/** Output folder paths: `external-apps/` mirrors the Edge's external-apps folder. */
const OUTPUT_APPS_DIR = 'external-apps';
const OUTPUT_SETTINGS_FILE = `${OUTPUT_APPS_DIR}/${edge_layout/* EDGE_RELATIVE */.PZ.settings}`;
/**
 * The core of render-edge-config: a server block per launcher host and one hostname-keyed
 * settings.json (the launcher fetches `/settings` and reads `response[location.hostname]`).
 * Certificates are the Edge's business: each block names the Edge's default pair on lines ending
 * with EDGE_CERTIFICATE_MARKER, which the deploy resolves on the Edge node by the Edge's rule.
 * Pure: the shell reads templates and writes the result.
 */
function renderEdgeConfig(request, templates, placement = {}) {
    const paths = (0,edge_layout/* edgePaths */.Wm)(request.edgeAppsDir);
    const settings = {};
    const launchers = [];
    const files = [];
    for (const launcher of request.launchers) {
        const context = { host: launcher.host, apiUrl: request.apiUrl, tag: APP_TAG, serviceUser: request.serviceUser };
        const defaults = renderSettings(templates.defaults[launcher.kind], context);
        const layer = templates.layers[launcher.kind];
        settings[launcher.host] = layer ? mergeSettings(defaults, renderSettings(layer, context)) : defaults;
        const certificate = (0,edge_layout/* defaultCertificate */.t0)(placement.pkiDir);
        const block = (0,template/* renderTemplate */.X)(templates.serverBlock, {
            label: render_edge_config_request/* LAUNCHER_SOURCES */.U[launcher.kind].label,
            kind: launcher.kind,
            isApp: launcher.kind === 'app',
            host: launcher.host,
            listen: request.listen,
            certificate: certificate.certificate,
            certificateKey: certificate.key,
            certificateMarker: edge_layout/* EDGE_CERTIFICATE_MARKER */.NR,
            root: paths.root,
            settingsFile: paths.settingsFile,
            extJsDir: paths.extJsDir,
            routeMarker: edge_layout/* EDGE_ROUTE_MARKER */.lk,
            version: version/* PRODUCER_VERSION */.O,
        });
        const file = `${OUTPUT_APPS_DIR}/${(0,edge_layout/* serverBlockName */.wX)(launcher.host)}`;
        files.push({ path: file, content: block });
        launchers.push({ kind: launcher.kind, host: launcher.host, file, certificate });
    }
    files.push({ path: OUTPUT_SETTINGS_FILE, content: `${JSON.stringify(settings, null, 2)}\n` });
    return { hosts: launchers.map((launcher) => launcher.host), launchers, settings, files };
}

;// CONCATENATED MODULE: ./src/actions/render-edge-config/plan.ts



/*
 * render-edge-config's pure entry (table-tested in __tests__/actions/render-edge-config/): the
 * request (request.ts `resolveRequest`: the inputs, the environment and install-config resolved
 * and checked, at parse time so a bad host fails before any work) and the templates execute.ts
 * read give the rendered set (render.ts) and what the output folder gets; and whether nginx -t
 * checks it, from `validate` and the tools found.
 */
const EDGE_CONFIG_KIND = 'edge-config';
function planRender(request, templates) {
    const rendered = renderEdgeConfig(request, templates);
    // Everything that shapes the output; cert-dir does not (only nginx -t reads it).
    const inputsDigest = (0,digest/* digestOf */.ol)({ request: { ...request, certDir: undefined }, templates });
    return { rendered, inputsDigest };
}
/** `true` needs both tools (else an InputError), `auto` runs when both are there (else warns), `false` never. */
function chooseValidation(mode, found) {
    if (mode === 'false')
        return { run: false };
    if (found.nginx && found.openssl)
        return { run: true };
    const missing = found.nginx ? 'openssl' : 'nginx';
    if (mode === 'true')
        throw new errors/* InputError */.dz('validate', `is true but ${missing} is not on PATH`);
    return { run: false, warning: `${missing} is not on PATH: the rendered configuration was not checked with nginx -t` };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/tar/dist/esm/index.min.js
var index_min = __webpack_require__(98697);
;// CONCATENATED MODULE: ./src/lib/archive.ts

/**
 * Reads one regular file out of a .tgz without extracting anything else; undefined when the
 * archive has no such entry. Entry names are compared without a leading `./`.
 */
async function readArchiveFile(archive, entryPath) {
    let found;
    await index_min.t({
        file: archive,
        strict: true,
        filter: (path) => path.replace(/^\.\//, '') === entryPath,
        onReadEntry: (entry) => {
            if (entry.type !== 'File') {
                entry.resume();
                return;
            }
            const chunks = [];
            entry.on('data', (chunk) => chunks.push(chunk));
            entry.on('end', () => {
                found = Buffer.concat(chunks);
            });
        },
    });
    return found;
}

// EXTERNAL MODULE: ./src/lib/distribution-layout.ts
var distribution_layout = __webpack_require__(14180);
// EXTERNAL MODULE: ./src/lib/manifest.ts
var lib_manifest = __webpack_require__(55634);
// EXTERNAL MODULE: ./src/lib/safe-extract.ts
var safe_extract = __webpack_require__(75418);
;// CONCATENATED MODULE: ./src/actions/render-edge-config/templates.ts







// One literal URL per template: ncc copies each next to the bundle and rewrites the URL.
const BUILT_IN = {
    app: __webpack_require__.ab + "app-launcher.json.hbs",
    tool: __webpack_require__.ab + "tool-launcher.json.hbs",
    serverBlock: __webpack_require__.ab + "server-block.conf.hbs",
};
async function builtIn(name, input) {
    return { text: await (0,promises_.readFile)(BUILT_IN[name], 'utf8'), input, file: `(built-in) ${name}` };
}
function isInside(path, folder) {
    return path === folder || path.startsWith(folder.endsWith(external_node_path_.sep) ? folder : `${folder}${external_node_path_.sep}`);
}
/**
 * Reads a template the user names by path. The named file is read wherever it is (the workflow
 * or install-config names it), but a link on the way is followed only when the file it reaches
 * lies inside the workspace: a link committed to the repository cannot pull a file of the runner
 * (a registry login, a kubeconfig) into the public settings.
 */
async function userTemplate(path, input, origin, workspace) {
    const via = origin === `input '${input}'` ? '' : ` (from ${origin})`;
    let real;
    try {
        real = await (0,promises_.realpath)(path);
    }
    catch (error) {
        throw new errors/* InputError */.dz(input, `cannot read template ${path}${via}: ${(0,errors/* errorCode */.CA)(error) ?? String(error)}`);
    }
    if (real !== (0,external_node_path_.resolve)(path)) {
        const root = workspace ? await (0,promises_.realpath)(workspace).catch(() => undefined) : undefined;
        if (root === undefined || !isInside(real, root)) {
            const where = root === undefined ? 'and no workspace (GITHUB_WORKSPACE) is known' : `outside the workspace ${root}`;
            throw new errors/* InputError */.dz(input, `template ${path}${via} is or lies through a symbolic link to ${real}, ${where}; links are followed only inside the workspace: name the file itself`);
        }
    }
    try {
        return { text: await (0,promises_.readFile)(real, 'utf8'), input, file: path };
    }
    catch (error) {
        throw new errors/* InputError */.dz(input, `cannot read template ${path}${via}: ${(0,errors/* errorCode */.CA)(error) ?? String(error)}`);
    }
}
/** A loose template of an unpacked distribution, read under the rules of an archive entry. */
async function looseTemplate(distribution, entry, input) {
    try {
        const content = await (0,safe_extract/* readTreeFile */.xt)(distribution, entry);
        return content === undefined ? undefined : { text: content.toString('utf8'), input, file: (0,external_node_path_.join)(distribution, entry) };
    }
    catch (error) {
        if (error instanceof safe_extract/* UnsafeEntryError */.vF)
            throw new errors/* InputError */.dz(input, `${error.message}: refusing to read it as a settings template`);
        throw error;
    }
}
/**
 * Reads a default settings template out of a distribution: an unpacked distribution folder, the
 * output folder of build-dist-with-launcher (verified against its manifest, template read from
 * its cloud-pipeline tarball), or a distribution tarball.
 */
async function distributionTemplate(distribution, kind) {
    const input = 'distribution';
    const entry = distribution_layout/* SETTINGS_TEMPLATE_PATHS */.gZ[kind];
    let isFolder;
    try {
        isFolder = (await (0,promises_.stat)(distribution)).isDirectory();
    }
    catch (error) {
        throw new errors/* InputError */.dz(input, `cannot read ${distribution}: ${(0,errors/* errorCode */.CA)(error) ?? String(error)}`);
    }
    let archive = distribution;
    if (isFolder) {
        const loose = await looseTemplate(distribution, entry, input);
        if (loose)
            return loose;
        if (!(await (0,lib_manifest/* readManifest */.WI)(distribution, input))) {
            throw new errors/* InputError */.dz(input, `${distribution} has neither ${entry} nor a build-dist-with-launcher manifest`);
        }
        const manifest = await (0,lib_manifest/* verifyManifest */.TX)(distribution, distribution_layout/* DISTRIBUTION_KIND */.yB, input);
        const tarball = manifest.files.find((file) => /^cloud-pipeline\..+\.tgz$/.test(file.path));
        if (!tarball)
            throw new errors/* InputError */.dz(input, `${distribution} holds no cloud-pipeline.<version>.tgz`);
        archive = (0,external_node_path_.join)(distribution, tarball.path);
    }
    let content;
    try {
        content = await readArchiveFile(archive, entry);
    }
    catch (error) {
        throw new errors/* InputError */.dz(input, `cannot read ${archive} as a .tgz: ${error.message}`);
    }
    if (!content)
        throw new errors/* InputError */.dz(input, `${archive} has no ${entry}; was it built by build-dist-with-launcher?`);
    return { text: content.toString('utf8'), input, file: `${archive}:${entry}` };
}
/** Reads every template a render needs: overrides, else the distribution's, over the built-ins. */
async function loadTemplates(request, options) {
    const workspace = options.workspace ?? process.env.GITHUB_WORKSPACE;
    const layers = {};
    for (const launcher of request.launchers) {
        if (launcher.configPath !== undefined) {
            layers[launcher.kind] = await userTemplate(launcher.configPath, launcher.configInput, launcher.configOrigin ?? '', workspace);
        }
        else if (options.distribution !== undefined) {
            layers[launcher.kind] = await distributionTemplate(options.distribution, launcher.kind);
        }
    }
    return {
        defaults: { app: await builtIn('app', 'app-launcher-config'), tool: await builtIn('tool', 'tool-launcher-config') },
        layers,
        serverBlock: options.serverTemplate === undefined
            ? await builtIn('serverBlock', 'server-template')
            : await userTemplate(options.serverTemplate, 'server-template', "input 'server-template'", workspace),
    };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/lib/edge-nginx-conf.ts


const TEMPLATE = __webpack_require__.ab + "edge.conf.hbs";
/**
 * Renders the Edge's nginx.conf as far as external apps meet it (upstream nginx.conf:66-99 and
 * its main server at :230-251, with the external-locs of :247), used by render-edge-config's `nginx -t` and by the sandbox Edge.
 */
function renderEdgeNginxConf(conf) {
    return (0,template/* renderTemplate */.X)({ text: (0,external_node_fs_.readFileSync)(TEMPLATE, 'utf8'), input: 'edge.conf', file: '(built-in) edge.conf' }, {
        ...conf,
        // The Edge runs nginx as root (nginx.conf:15); elsewhere `user` would only print a [warn].
        runAsRoot: process.getuid?.() === 0,
    });
}

;// CONCATENATED MODULE: ./src/actions/render-edge-config/template-lines.ts
/** A Handlebars expression: `{{x}}`, `{{{x}}}`, `{{#if x}}`, `{{/if}}`, `{{else}}`, `{{! comment }}`. */
const EXPRESSION = /\{\{\{?[^}]*\}?\}\}/g;
/** Expressions that write nothing themselves: block open/close, else, comments. */
const SILENT = /^\{\{[#/!^]|^\{\{else\b/;
/** A template line as a pattern for the lines it may write; undefined when it has no literal text. */
function linePattern(line) {
    const text = line.trim();
    const literal = text.replace(EXPRESSION, '').trim();
    if (literal === '')
        return undefined;
    let source = '';
    let last = 0;
    for (const match of text.matchAll(EXPRESSION)) {
        source += template_lines_escape(text.slice(last, match.index));
        if (!SILENT.test(match[0]))
            source += '.*?';
        last = match.index + match[0].length;
    }
    source += template_lines_escape(text.slice(last));
    return new RegExp(`^${source.replace(/\s+/g, '\\s+')}$`);
}
function template_lines_escape(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * The line of `template` that most likely wrote line `outputLine` (1-based) of `rendered`, for
 * pointing an `nginx -t` error at the template. Best effort, by searching rather than tracking:
 * each template line with literal text becomes a pattern (its values any text, block helpers
 * nothing), and of the lines whose pattern matches the output line the one nearest to the same
 * line number wins (standalone `{{#if}}` lines and `{{#each}}` loops shift lines a little).
 * Undefined when no line matches (a line written wholly by a value, or an empty one).
 */
function templateLineFor(template, rendered, outputLine) {
    const target = rendered.split(/\r?\n/)[outputLine - 1]?.trim();
    if (!target)
        return undefined;
    let best;
    template.split(/\r?\n/).forEach((line, index) => {
        const pattern = linePattern(line);
        if (!pattern?.test(target))
            return;
        if (best === undefined || Math.abs(index + 1 - outputLine) < Math.abs(best - outputLine))
            best = index + 1;
    });
    return best;
}

;// CONCATENATED MODULE: ./src/actions/render-edge-config/validate.ts








/**
 * `nginx -t` refused the rendered set; the message lists each problem with file and line, and
 * the template line that wrote it. `location`, the first problem's template line, becomes the
 * step's annotation.
 */
class NginxValidationError extends errors/* ConfigurationError */.j1 {
    location;
    name = 'NginxValidationError';
    constructor(message, location) {
        super(message);
        this.location = location;
    }
}
/** Where in the server-block template an nginx problem in a rendered block comes from, if found. */
function templateLocation(message, sandboxAppsDir, rendered, template) {
    if (!message.file?.startsWith(`${sandboxAppsDir}/`) || message.line === undefined)
        return undefined;
    const path = `${OUTPUT_APPS_DIR}/${message.file.slice(sandboxAppsDir.length + 1)}`;
    const file = rendered.files.find((candidate) => candidate.path === path);
    // Only server blocks come from the template (settings.json is JSON written by the action).
    if (!file || !path.endsWith('.srv.conf'))
        return undefined;
    const line = templateLineFor(template.text, String(file.content), message.line);
    return line === undefined ? undefined : { file: template.file, line };
}
/** What the launcher must be served with: a browser refuses CSS and module JS sent as text/plain. */
const REQUIRED_TYPES = { html: 'text/html', css: 'text/css', js: 'application/javascript' };
/**
 * The extensions of REQUIRED_TYPES a server block gives no type. The Edge's http {} has no types
 * (nginx's built-in ones cover only html, gif and jpg), so a block must carry its own `types {}`
 * or include the image's /etc/nginx/mime.types; nginx -t cannot see the difference.
 */
function missingTypes(block) {
    const text = block.replace(/#.*$/gm, '');
    if (/^\s*include\s+\S*mime\.types\s*;/m.test(text))
        return [];
    const mapped = new Set();
    for (const match of text.matchAll(/\btypes\s*\{([^}]*)\}/g)) {
        for (const entry of match[1].split(';')) {
            const [, ...extensions] = entry.trim().split(/\s+/);
            for (const extension of extensions)
                mapped.add(extension);
        }
    }
    return Object.keys(REQUIRED_TYPES).filter((extension) => !mapped.has(extension));
}
/**
 * The `listen` value for the runner-side copy: `nginx -t` binds every listen socket, and the
 * Edge node's own address (`10.0.0.5:8181`) cannot be bound on the runner, so an `IPV4:PORT` is
 * checked on loopback with the same port, as the paths are moved into a temp folder.
 */
function runnerListen(listen) {
    const colon = listen.lastIndexOf(':');
    return colon === -1 ? listen : `127.0.0.1:${listen.slice(colon + 1)}`;
}
/**
 * For a bind error that remains (a privileged port for a runner that is not root): which input
 * the address comes from, since nginx names only the address.
 */
function listenHint(messages, given, checked) {
    if (!messages.some((message) => /\bbind\(\) to /.test(message.text)))
        return undefined;
    return `(the listen address comes from input 'edge-port' = ${JSON.stringify(given)}, checked on the runner as ${checked}; nginx -t must be able to bind it here, else set validate: false)`;
}
function describe(message, sandboxAppsDir, source) {
    let where = '';
    if (message.file) {
        const relative = message.file.startsWith(`${sandboxAppsDir}/`)
            ? `${OUTPUT_APPS_DIR}/${message.file.slice(sandboxAppsDir.length + 1)}`
            : message.file;
        where = `${relative}:${message.line ?? '?'}: `;
    }
    return `${where}[${message.level}] ${message.text}${source ? ` (written by ${source.file}:${source.line})` : ''}`;
}
/**
 * Checks a request with the real `nginx -t` inside a copy of the Edge's include layout, under an
 * http {} that mirrors the Edge's (no types, server_names_hash_bucket_size 128, a default_server
 * on the port), so a duplicate server_name or a conflicting block shows up as it would on the
 * Edge. The blocks are rendered again with the external-apps folder moved into a temp folder
 * and an `IPV4:PORT` listen address moved to loopback (runnerListen);
 * their marked certificate lines point at the pair the Edge's rule picks from `certificates`
 * (a copy of the Edge's pki on the runner) when given, else at throw-away self-signed files.
 * Line numbers are unchanged, so errors point into the output folder's files. Errors, `[warn]`
 * lines and a block without types for the launcher's html, css and js all fail.
 */
async function validateWithNginx(request, templates, certificates, tools, logger) {
    const sandbox = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'qla-nginx-t-'));
    try {
        const appsDir = (0,external_node_path_.join)(sandbox, 'external-apps');
        const pki = (0,external_node_path_.join)(sandbox, 'pki');
        const listen = runnerListen(request.listen);
        const rendered = renderEdgeConfig({ ...request, edgeAppsDir: appsDir, listen }, templates, { pkiDir: pki });
        await (0,promises_.mkdir)(pki, { recursive: true });
        const fallback = (0,edge_layout/* defaultCertificate */.t0)(pki);
        await tools.openssl.selfSigned({ certificate: fallback.certificate, key: fallback.key, commonName: 'nginx-t.invalid' });
        const byFile = new Map(rendered.launchers.map((launcher) => [launcher.file, launcher.host]));
        for (const file of rendered.files) {
            const path = (0,external_node_path_.join)(sandbox, file.path);
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
            const host = byFile.get(file.path);
            const content = host && certificates ? (0,edge_layout/* resolveCertificateLines */.rx)(String(file.content), (0,edge_layout/* edgeCertificateFor */.MQ)(host, certificates.files, certificates.dir)) : file.content;
            await (0,promises_.writeFile)(path, content);
        }
        for (const folder of ['temp', 'sites-enabled/custom-domains'])
            await (0,promises_.mkdir)((0,external_node_path_.join)(sandbox, folder), { recursive: true });
        const config = (0,external_node_path_.join)(sandbox, 'nginx.conf');
        await (0,promises_.writeFile)(config, renderEdgeNginxConf({
            appsDir,
            sitesDir: (0,external_node_path_.join)(sandbox, 'sites-enabled'),
            locsDir: (0,external_node_path_.join)(sandbox, 'external-locs'),
            listen,
            certificate: fallback.certificate,
            certificateKey: fallback.key,
            errorLog: 'stderr',
            accessLog: (0,external_node_path_.join)(sandbox, 'access.log'),
            pid: (0,external_node_path_.join)(sandbox, 'nginx.pid'),
            tempDir: (0,external_node_path_.join)(sandbox, 'temp'),
        }));
        const result = await tools.nginx.test(config, sandbox);
        const problems = result.messages.filter((message) => message.level !== 'notice' && message.level !== 'info');
        const untyped = rendered.launchers.flatMap((launcher) => {
            const missing = missingTypes(String(rendered.files.find((file) => file.path === launcher.file)?.content ?? ''));
            return missing.length === 0 ? [] : [`  ${launcher.file}: [warn] no type for ${missing.map((extension) => `.${extension}`).join(', ')}: the Edge's http {} has no types, so they would be served as text/plain (add a types {} block or include /etc/nginx/mime.types)`];
        });
        if (result.exitCode !== 0 || problems.length > 0 || untyped.length > 0) {
            const sources = problems.map((message) => templateLocation(message, appsDir, rendered, templates.serverBlock));
            const lines = [...problems.map((message, index) => `  ${describe(message, appsDir, sources[index])}`), ...untyped];
            if (lines.length === 0)
                lines.push(`  nginx -t exited with ${result.exitCode}`);
            const hint = listenHint(problems, request.listen, listen);
            if (hint)
                lines.push(`  ${hint}`);
            throw new NginxValidationError(`nginx -t rejected the rendered Edge configuration:\n${lines.join('\n')}`, sources.find((source) => source !== undefined));
        }
        const checked = certificates ? `certificates picked from ${certificates.dir} by the Edge's rule` : 'throw-away certificates';
        logger.info(`nginx -t: the rendered configuration is valid (${rendered.launchers.length} server block(s), ${checked})`);
    }
    finally {
        await (0,promises_.rm)(sandbox, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/actions/render-edge-config/execute.ts











/**
 * render-edge-config's work once its inputs are parsed: load the templates, render them by the
 * plan, check with nginx -t, write the output folder; and the summary of what it wrote.
 */
/**
 * `cert-dir` as a runner-side copy of the Edge's pki folder, when it can be read here: only the
 * `nginx -t` check uses it (the output never does: the Edge resolves certificates itself).
 */
async function certificateFolder(certDir) {
    const files = await (0,promises_.readdir)(certDir).catch(() => undefined);
    return files && files.length > 0 ? { dir: certDir, files } : undefined;
}
/**
 * The tools for `nginx -t`, or, when validation is off or (with `auto`) impossible here, why it
 * does not run (for the summary).
 */
async function validationTools(mode, logger) {
    if (mode === 'false')
        return { skipped: 'not run (validate: false)' };
    const nginx = await (0,exec.findOnPath)('nginx');
    const openssl = await (0,exec.findOnPath)('openssl');
    const choice = chooseValidation(mode, { nginx: nginx !== undefined, openssl: openssl !== undefined });
    if (choice.run && nginx && openssl)
        return { tools: { nginx: new Nginx(nginx, exec.execRunner), openssl: new OpenSsl(openssl, exec.execRunner) } };
    if (!choice.run && choice.warning)
        logger.warning(choice.warning);
    return { skipped: `not run: ${!choice.run && choice.warning ? choice.warning : 'nginx or openssl is not on PATH'}` };
}
/**
 * Renders what the Edge needs to serve the launcher: everything is computed and checked before
 * the output folder is written, so bad input leaves no folder behind.
 */
async function renderAndWrite(inputs, env, logger) {
    return writeRendered(inputs, resolveRequest(inputs, env, readInstallConfig(inputs.installConfig)), logger);
}
/** renderAndWrite once the request is resolved (what the stage calls after its input checks). */
async function writeRendered(inputs, request, logger) {
    const templates = await loadTemplates(request, { distribution: inputs.distribution, serverTemplate: inputs.serverTemplate });
    const { rendered, inputsDigest } = planRender(request, templates);
    for (const launcher of rendered.launchers)
        logger.info(`${launcher.kind} launcher: ${launcher.host} -> ${launcher.file}`);
    const { tools, skipped } = await validationTools(inputs.validate, logger);
    let nginxTest = skipped ?? 'not run';
    if (tools) {
        const certificates = await certificateFolder(request.certDir);
        await logger.group('nginx -t on the rendered configuration', () => validateWithNginx(request, templates, certificates, tools, logger));
        nginxTest = `passed, inside the Edge's http {}, with ${certificates ? `the certificates in ${request.certDir}` : 'throw-away self-signed certificates'}`;
    }
    const manifest = await (0,output_folder/* writeOutputFolder */.n)(inputs.outputDir, rendered.files, { kind: EDGE_CONFIG_KIND, action: 'render-edge-config', inputsDigest });
    return { rendered, manifest, nginxTest };
}
/** The job summary: hosts, their server blocks and certificates, every file with its digest. */
function summaryMarkdown(rendered, manifest, outputDir, nginxTest) {
    return [
        '### Quick Launcher: Edge configuration',
        '',
        (0,markdown/* markdownTable */.Q)(['launcher', 'host', 'server block'], rendered.launchers.map((launcher) => [launcher.kind, `[${launcher.host}](https://${launcher.host}/)`, launcher.file])),
        '',
        `nginx -t: ${nginxTest}`,
        '',
        "Certificates are resolved on the Edge by its own rule (the longest `<suffix>-public-cert.pem` in `/etc/edge/pki` that ends the host, else `ssl-*.pem`) when the deploy installs the blocks.",
        '',
        (0,markdown/* markdownTable */.Q)(['file', 'size', 'sha256'], manifest.files.map((file) => [file.path, String(file.size), file.sha256])),
        '',
        `Output folder: \`${outputDir}\``,
        '',
    ].join('\n');
}


/***/ }),

/***/ 89034:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ renderJsonTemplate),
/* harmony export */   X: () => (/* binding */ renderTemplate)
/* harmony export */ });
/* harmony import */ var handlebars__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88508);
/* harmony import */ var handlebars__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(handlebars__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(97268);


/**
 * Handlebars with the settings every template of this project needs: strict (a variable the
 * context lacks is an error, not an empty string), no HTML escaping (values reaching nginx are
 * checked before rendering, and JSON goes through the `json` helper), and a `json` helper that
 * writes a value as JSON text.
 */
const engine = handlebars__WEBPACK_IMPORTED_MODULE_0___default().create();
engine.registerHelper('json', (value, options) => {
    // Helper arguments escape strict mode, so an unknown name would silently render nothing.
    if (value === undefined) {
        const start = options.loc?.start;
        throw new Error(`"json argument" not defined in helper - ${start?.line ?? 0}:${start?.column ?? 0}`);
    }
    return JSON.stringify(typeof value === 'object' && value !== null ? (jsonTexts.get(value) ?? value) : value);
});
/**
 * String values of a JSON template, by the object that stands for each in the context: `{{name}}`
 * (or `{{{name}}}`) writes it as the JSON escape of its text without quotes, so inside a JSON
 * string it can never close the string, whatever the text holds; `{{json name}}` writes the whole
 * JSON string. The object has no prototype and no named property, so no template name reaches
 * anything but the escaped text.
 */
const jsonTexts = new WeakMap();
function jsonText(value) {
    const escaped = JSON.stringify(value).slice(1, -1);
    const text = Object.create(null);
    Object.defineProperty(text, Symbol.toPrimitive, { value: () => escaped });
    jsonTexts.set(text, value);
    return text;
}
const MISSING = /^"([^"]+)" not defined in .* - (\d+):(\d+)$/;
const PARSE = /Parse error on line (\d+):/;
const PROPERTY = /^Cannot use 'in' operator to search for '([^']+)' in /;
const HELPER = /used the unknown helper (\S+?)(?: - (\d+):\d+)?$/;
const LOCATED = / - (\d+):(\d+)$/;
function templateError(source, error) {
    const message = error instanceof Error ? error.message : String(error);
    const missing = MISSING.exec(message);
    if (missing) {
        const what = missing[1] === 'json argument' ? 'an unknown template variable given to json' : `unknown template variable '${missing[1]}'`;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(source.input, what, {
            file: source.file,
            line: Number(missing[2]),
        });
    }
    const property = PROPERTY.exec(message);
    if (property) {
        // Strict lookup of a name on a text value: Handlebars' `in` check throws before it can locate.
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(source.input, `unknown template variable '${property[1]}' (on a value, which has no names of its own)`, { file: source.file });
    }
    const helper = HELPER.exec(message);
    if (helper) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(source.input, `unknown helper '${helper[1]}' (there are json and Handlebars' built-in helpers)`, {
            file: source.file,
            ...(helper[2] ? { line: Number(helper[2]) } : {}),
        });
    }
    const parse = PARSE.exec(message);
    if (parse) {
        const detail = message.split('\n').slice(-1)[0];
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(source.input, `malformed template: ${detail}`, { file: source.file, line: Number(parse[1]) });
    }
    const located = LOCATED.exec(message);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(source.input, `malformed template: ${message.replace(LOCATED, '')}`, {
        file: source.file,
        ...(located ? { line: Number(located[1]) } : {}),
    });
}
/**
 * The context as a template sees it: an object without a prototype, so that `constructor`,
 * `toString`, `__proto__` and the like are unknown variables (an error in strict mode) instead
 * of inherited names that render as "".
 */
function bareContext(context) {
    const bare = Object.assign(Object.create(null), context);
    // Handlebars names the context in its "not defined in <context>" message.
    Object.defineProperty(bare, Symbol.toPrimitive, { value: () => 'the template context' });
    return bare;
}
/** Renders `source` with `context`; any template problem is an InputError with file and line. */
function renderTemplate(source, context) {
    try {
        return engine.compile(source.text, { strict: true, noEscape: true, knownHelpers: { json: true }, knownHelpersOnly: true })(bareContext(context));
    }
    catch (error) {
        throw templateError(source, error);
    }
}
/**
 * Renders a template of JSON text: each string value is written JSON-escaped (see jsonText), so a
 * value cannot add keys or end a string early however the template places it. The caller still
 * parses the result.
 */
function renderJsonTemplate(source, context) {
    const values = Object.fromEntries(Object.entries(context).map(([name, value]) => [name, jsonText(value)]));
    return renderTemplate(source, values);
}


/***/ })

};
