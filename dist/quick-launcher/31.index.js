export const id = 31;
export const ids = [31];
export const modules = {

/***/ 42087:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ readInstallConfig)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(97268);
/* harmony import */ var _lib_key_values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(36867);



/** The pipectl-style install-config file (KEY=VALUE lines), read for the host and path fallbacks. */
async function readInstallConfig(path) {
    if (path === undefined)
        return new Map();
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('install-config', `cannot read ${path}: ${(0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(error) ?? String(error)}`);
    }
    try {
        return (0,_lib_key_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseKeyValues */ .H)(text);
    }
    catch (error) {
        if (error instanceof _lib_key_values_js__WEBPACK_IMPORTED_MODULE_2__/* .KeyValueSyntaxError */ .a) {
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('install-config', error.message.replace(/^line \d+: /, ''), { file: path, line: error.line });
        }
        throw error;
    }
}


/***/ }),

/***/ 95417:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  U: () => (/* binding */ LAUNCHER_SOURCES),
  M: () => (/* binding */ resolveRequest)
});

// EXTERNAL MODULE: ./src/lib/edge-layout.ts
var edge_layout = __webpack_require__(77493);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(97268);
;// CONCATENATED MODULE: ./src/actions/render-edge-config/nginx-values.ts

/**
 * Strict checks for every value that reaches an nginx configuration, so that no input can add a
 * directive: each check is a whitelist, and the error names the character that was refused.
 */
const DANGEROUS = [
    [/;/, "';'"],
    [/[{}]/, "'{' or '}'"],
    [/["'`]/, 'a quote'],
    [/[\r\n]/, 'a line break'],
    [/\$/, "'$'"],
    [/#/, "'#'"],
    [/\\/, 'a backslash'],
    [/\s/, 'white space'],
];
function refuseDangerous(value, input, what) {
    for (const [pattern, name] of DANGEROUS) {
        if (pattern.test(value)) {
            throw new errors/* InputError */.dz(input, `${JSON.stringify(value)} is not a valid ${what}: it contains ${name}, which nginx would read as syntax`);
        }
    }
}
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** A DNS host name, lower-cased (the launcher keys its settings by `location.hostname`). */
function checkHost(raw, input) {
    const value = raw.trim();
    if (value === '')
        throw new errors/* InputError */.dz(input, 'is empty; give a DNS host name such as apps.example.com');
    refuseDangerous(value, input, 'DNS host name');
    const host = value.toLowerCase();
    if (host.length > 253) {
        throw new errors/* InputError */.dz(input, `${JSON.stringify(value)} is not a valid DNS host name: it has ${host.length} characters, and a host name has at most 253`);
    }
    if (!host.split('.').every((label) => LABEL.test(label))) {
        throw new errors/* InputError */.dz(input, `${JSON.stringify(value)} is not a valid DNS host name (letters, digits and '-' in dot-separated labels of 1-63 characters)`);
    }
    return host;
}
const PATH = /^\/[A-Za-z0-9._@+=,/-]*$/;
/** An absolute path without `..`, spaces or nginx syntax. */
function checkPath(raw, input) {
    const value = raw.trim();
    refuseDangerous(value, input, 'path');
    if (!PATH.test(value))
        throw new errors/* InputError */.dz(input, `${JSON.stringify(value)} must be an absolute path (letters, digits, . _ @ + = , - /)`);
    if (value.split('/').includes('..'))
        throw new errors/* InputError */.dz(input, `${JSON.stringify(value)} must not contain '..'`);
    return value.length > 1 ? value.replace(/\/+$/, '') : value;
}
/** A TCP port: 1-5 digits, 1..65535. */
function isPort(value) {
    return /^\d{1,5}$/.test(value) && Number(value) >= 1 && Number(value) <= 65535;
}
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
/** A `listen` address: a port, or an IPv4 address and port (`127.0.0.1:18443`). */
function checkListen(raw, input) {
    const value = raw.trim();
    refuseDangerous(value, input, 'port');
    const colon = value.lastIndexOf(':');
    const address = colon === -1 ? undefined : value.slice(0, colon);
    const port = colon === -1 ? value : value.slice(colon + 1);
    const octets = address === undefined ? undefined : IPV4.exec(address);
    if (address !== undefined && (!octets || octets.slice(1).some((octet) => Number(octet) > 255))) {
        throw new errors/* InputError */.dz(input, `${JSON.stringify(value)} is not PORT or IPV4:PORT`);
    }
    if (!isPort(port)) {
        throw new errors/* InputError */.dz(input, `${JSON.stringify(value)} is not a port number in 1..65535`);
    }
    return value;
}
/** An http(s) URL for the launcher's `api` setting, normalised (it is JSON-encoded, never reaches nginx). */
function checkApiUrl(raw, input) {
    const value = raw.trim();
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new errors/* InputError */.dz(input, `${JSON.stringify(value)} is not a URL (expected https://<host>/pipeline/restapi)`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new errors/* InputError */.dz(input, `${JSON.stringify(value)} must be an http or https URL`);
    }
    if (url.username || url.password)
        throw new errors/* InputError */.dz(input, 'must not carry credentials');
    // The launcher appends each call's path to it as text (combineUrl), so a query or fragment
    // would end up in the middle of every request URL.
    if (url.search || url.hash || value.includes('?') || value.includes('#')) {
        throw new errors/* InputError */.dz(input, `${JSON.stringify(value)} must not have a query or fragment (expected https://<host>/pipeline/restapi)`);
    }
    // The normalised form (WHATWG URL serialisation: quotes and spaces percent-encoded).
    return url.href.replace(/\/+$/, '');
}
/** A Cloud Pipeline user name for the `serviceUser` setting. */
function checkUserName(raw, input) {
    const value = raw.trim();
    if (!/^[A-Za-z0-9_.@-]{1,128}$/.test(value)) {
        throw new errors/* InputError */.dz(input, `${JSON.stringify(value)} is not a valid user name (letters, digits, _ . @ -)`);
    }
    return value;
}

;// CONCATENATED MODULE: ./src/actions/render-edge-config/request.ts



/** Where each launcher's settings come from when its own input is empty (issue #2604 names). */
const LAUNCHER_SOURCES = {
    app: {
        label: 'app launcher',
        hostInput: 'app-launcher-host',
        hostVariable: 'CP_APPLICATION_LAUNCHER_EXTERNAL_HOST',
        configInput: 'app-launcher-config',
        configVariable: 'CP_APPLICATION_LAUNCHER_CONFIG_PATH',
    },
    tool: {
        label: 'tool launcher',
        hostInput: 'tool-launcher-host',
        hostVariable: 'CP_TOOL_LAUNCHER_EXTERNAL_HOST',
        configInput: 'tool-launcher-config',
        configVariable: 'CP_TOOL_LAUNCHER_CONFIG_PATH',
    },
};
/** The longest file name Linux file systems take (NAME_MAX): each host has a `<host>.srv.conf`. */
const MAX_FILE_NAME = 255;
function pick(input, inputValue, variable, env, installConfig) {
    if (inputValue !== undefined)
        return { value: inputValue, origin: `input '${input}'` };
    const fromEnv = env[variable]?.trim();
    if (fromEnv)
        return { value: fromEnv, origin: `environment variable ${variable}` };
    const fromFile = installConfig.get(variable)?.trim();
    if (fromFile)
        return { value: fromFile, origin: `install-config ${variable}` };
    return undefined;
}
function checkSourcedHost(sourced, input) {
    if (sourced.origin === `input '${input}'`)
        return checkHost(sourced.value, input);
    try {
        return checkHost(sourced.value, input);
    }
    catch (error) {
        if (error instanceof errors/* InputError */.dz)
            throw new errors/* InputError */.dz(input, `(from ${sourced.origin}) ${error.message.replace(`Input '${input}': `, '')}`);
        throw error;
    }
}
function resolveApiUrl(inputs, env, installConfig) {
    if (inputs.apiExternalUrl !== undefined)
        return checkApiUrl(inputs.apiExternalUrl, 'api-external-url');
    const host = pick('api-external-url', undefined, 'CP_API_SRV_EXTERNAL_HOST', env, installConfig);
    if (!host) {
        throw new errors/* InputError */.dz('api-external-url', 'is required: give https://<api-host>/pipeline/restapi, or set CP_API_SRV_EXTERNAL_HOST');
    }
    const port = pick('api-external-url', undefined, 'CP_API_SRV_EXTERNAL_PORT', env, installConfig);
    const hostName = checkSourcedHost(host, 'api-external-url');
    if (port && !isPort(port.value)) {
        throw new errors/* InputError */.dz('api-external-url', `(from ${port.origin}) ${JSON.stringify(port.value)} is not a port number in 1..65535`);
    }
    const suffix = port && Number(port.value) !== 443 ? `:${Number(port.value)}` : '';
    return checkApiUrl(`https://${hostName}${suffix}/pipeline/restapi`, 'api-external-url');
}
/**
 * Resolves and validates what to render: each launcher's host from its input, else the
 * environment, else the install-config file; at least one is needed; hosts must differ.
 */
function resolveRequest(inputs, env, installConfig) {
    const given = { app: inputs.appLauncherHost, tool: inputs.toolLauncherHost };
    const configs = { app: inputs.appLauncherConfig, tool: inputs.toolLauncherConfig };
    const launchers = [];
    for (const kind of ['app', 'tool']) {
        const source = LAUNCHER_SOURCES[kind];
        const host = pick(source.hostInput, given[kind], source.hostVariable, env, installConfig);
        if (!host)
            continue;
        const config = pick(source.configInput, configs[kind], source.configVariable, env, installConfig);
        const hostName = checkSourcedHost(host, source.hostInput);
        if ((0,edge_layout/* serverBlockName */.wX)(hostName).length > MAX_FILE_NAME) {
            throw new errors/* InputError */.dz(source.hostInput, `${JSON.stringify(hostName)} has ${hostName.length} characters: its server block ${(0,edge_layout/* serverBlockName */.wX)('<host>')} would exceed the ${MAX_FILE_NAME}-character limit of a file name (at most ${MAX_FILE_NAME - (0,edge_layout/* serverBlockName */.wX)('').length} characters)`);
        }
        launchers.push({
            kind,
            host: hostName,
            configInput: source.configInput,
            ...(config ? { configPath: config.value, configOrigin: config.origin } : {}),
        });
    }
    if (launchers.length === 0) {
        throw new errors/* InputError */.dz('app-launcher-host', 'no launcher host given: set app-launcher-host and/or tool-launcher-host (or CP_APPLICATION_LAUNCHER_EXTERNAL_HOST / CP_TOOL_LAUNCHER_EXTERNAL_HOST)');
    }
    if (launchers.length === 2 && launchers[0].host === launchers[1].host) {
        throw new errors/* InputError */.dz('tool-launcher-host', `'${launchers[1].host}' is also the app launcher's host; each launcher needs its own host name`);
    }
    return {
        launchers,
        apiUrl: resolveApiUrl(inputs, env, installConfig),
        serviceUser: checkUserName(inputs.serviceUser, 'service-user'),
        listen: checkListen(inputs.edgePort, 'edge-port'),
        certDir: checkPath(inputs.certDir, 'cert-dir'),
        edgeAppsDir: checkPath(inputs.edgeAppsDir, 'edge-apps-dir'),
    };
}


/***/ }),

/***/ 46031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderEdgeConfigStage: () => (/* binding */ renderEdgeConfigStage),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/lib/inputs.ts
var lib_inputs = __webpack_require__(51662);
// EXTERNAL MODULE: ./src/lib/stage.ts
var stage = __webpack_require__(85637);
// EXTERNAL MODULE: ./src/lib/edge-layout.ts
var edge_layout = __webpack_require__(77493);
// EXTERNAL MODULE: ./src/lib/runner-temp.ts
var runner_temp = __webpack_require__(43940);
;// CONCATENATED MODULE: ./src/actions/render-edge-config/inputs.ts



/** Reads every input of render-edge-config once. */
function getInputs(reader = new lib_inputs/* InputReader */.i_(), env = process.env) {
    return {
        appLauncherHost: reader.optional('app-launcher-host'),
        toolLauncherHost: reader.optional('tool-launcher-host'),
        appLauncherConfig: reader.optional('app-launcher-config'),
        toolLauncherConfig: reader.optional('tool-launcher-config'),
        installConfig: reader.optional('install-config'),
        distribution: reader.optional('distribution'),
        apiExternalUrl: reader.optional('api-external-url'),
        serviceUser: reader.string('service-user', 'SHINY_PORTAL'),
        edgePort: reader.string('edge-port', '8181'),
        certDir: reader.string('cert-dir', edge_layout/* DEFAULT_CERT_DIR */.Z8),
        edgeAppsDir: reader.string('edge-apps-dir', edge_layout/* DEFAULT_EDGE_APPS_DIR */.d7),
        serverTemplate: reader.optional('server-template'),
        validate: reader.choice('validate', ['auto', 'true', 'false'], 'auto'),
        outputDir: reader.optional('output-dir') ?? (0,runner_temp/* workFolder */.k)(env, 'edge-config'),
        summary: reader.boolean('summary', true),
    };
}

// EXTERNAL MODULE: ./src/actions/render-edge-config/install-config.ts
var install_config = __webpack_require__(42087);
// EXTERNAL MODULE: ./src/actions/render-edge-config/request.ts + 1 modules
var render_edge_config_request = __webpack_require__(95417);
;// CONCATENATED MODULE: ./src/actions/render-edge-config/run.ts






/** render-edge-config as a stage: inputs -> render -> nginx -t -> output folder, outputs, summary. */
const renderEdgeConfigStage = async ({ source, env, logger }) => {
    const inputs = getInputs(new lib_inputs/* InputReader */.i_(source), env);
    inputs.outputDir = (0,external_node_path_.resolve)(inputs.outputDir);
    // Every input is checked first; the renderer (templates, tar, nginx) loads only then, so a bad
    // input fails fast.
    const request = (0,render_edge_config_request/* resolveRequest */.M)(inputs, env, await (0,install_config/* readInstallConfig */.Y)(inputs.installConfig));
    const { writeRendered, summaryMarkdown } = await Promise.all(/* import() */[__webpack_require__.e(697), __webpack_require__.e(508), __webpack_require__.e(763), __webpack_require__.e(916)]).then(__webpack_require__.bind(__webpack_require__, 39916));
    const { rendered, manifest } = await writeRendered(inputs, request, logger);
    logger.info(`Wrote ${manifest.files.length} file(s) to ${inputs.outputDir}`);
    return {
        outputs: {
            'output-dir': inputs.outputDir,
            hosts: JSON.stringify(rendered.hosts),
            files: JSON.stringify(manifest.files.map((file) => file.path)),
        },
        summary: summaryMarkdown(rendered, manifest, inputs.outputDir),
    };
};
/** The step of the render-edge-config action. */
async function run() {
    await (0,stage/* runStageAsStep */.WZ)(renderEdgeConfigStage);
}


/***/ }),

/***/ 77493:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ DEFAULT_EDGE_HOST_PATH),
/* harmony export */   MQ: () => (/* binding */ edgeCertificateFor),
/* harmony export */   NR: () => (/* binding */ EDGE_CERTIFICATE_MARKER),
/* harmony export */   PZ: () => (/* binding */ EDGE_RELATIVE),
/* harmony export */   Vq: () => (/* binding */ EDGE_LAUNCHER_DIR),
/* harmony export */   Wm: () => (/* binding */ edgePaths),
/* harmony export */   Z8: () => (/* binding */ DEFAULT_CERT_DIR),
/* harmony export */   d7: () => (/* binding */ DEFAULT_EDGE_APPS_DIR),
/* harmony export */   lk: () => (/* binding */ EDGE_ROUTE_MARKER),
/* harmony export */   rx: () => (/* binding */ resolveCertificateLines),
/* harmony export */   t0: () => (/* binding */ defaultCertificate),
/* harmony export */   wX: () => (/* binding */ serverBlockName)
/* harmony export */ });
/* unused harmony export EDGE_ROUTE_INCLUDE_SUFFIX */
/**
 * The Edge's external-apps layout (docs/upstream-contract.md#the-edge): nginx includes
 * `/etc/nginx/external-apps/*.conf` as whole server blocks, and the external-apps volume is
 * copied recursively to `/etc/nginx/external-apps` when the Edge container starts (classic and
 * AWS-native layouts) or mounted there directly (additional region), so the launcher's files can
 * live in a sub-folder that nginx never includes as configuration.
 */
const DEFAULT_EDGE_APPS_DIR = '/etc/nginx/external-apps';
const DEFAULT_EDGE_HOST_PATH = '/opt/edge/external-apps';
/** The Edge's own certificate folder: sync-routes.py:96-100 searches exactly this one. */
const DEFAULT_CERT_DIR = '/etc/edge/pki';
/** The launcher's sub-folder of the external-apps folder. */
const EDGE_LAUNCHER_DIR = 'quick-launcher';
/** Paths inside the external-apps folder, relative to it. */
const EDGE_RELATIVE = {
    www: `${EDGE_LAUNCHER_DIR}/www`,
    settings: `${EDGE_LAUNCHER_DIR}/settings.json`,
    extJs: `${EDGE_LAUNCHER_DIR}/ext-js`,
};
function edgePaths(appsDir) {
    const base = appsDir.replace(/\/+$/, '');
    return {
        appsDir: base,
        root: `${base}/${EDGE_RELATIVE.www}`,
        settingsFile: `${base}/${EDGE_RELATIVE.settings}`,
        extJsDir: `${base}/${EDGE_RELATIVE.extJs}`,
    };
}
/**
 * The server block of one launcher host, relative to the external-apps folder: the very file
 * sync-routes.py edits for a run published on that host (`<domain>.srv.conf`, :79, :237-242);
 * under any other name sync-routes would create a second server block for the host.
 */
function serverBlockName(host) {
    return `${host}.srv.conf`;
}
/** The marker after which the Edge's sync-routes.py inserts run routes (:272-276). */
const EDGE_ROUTE_MARKER = '# {edge_route_location_block}';
/** The suffix of the include lines sync-routes.py inserts after the marker (:80-81). */
const EDGE_ROUTE_INCLUDE_SUFFIX = '# CP_EDGE_CUSTOM_DOMAIN';
/**
 * The comment that ends the two certificate lines of a rendered block. The runner cannot see the
 * Edge's pki folder, so the lines name the Edge's default pair; the installer, which mounts the
 * Edge's pki, rewrites exactly the lines carrying this marker by the Edge's own rule
 * (`edgeCertificateFor`).
 */
const EDGE_CERTIFICATE_MARKER = '# quick-launcher:edge-certificate';
/** The Edge's default pair (sync-routes.py:99-100), what rendered blocks name until resolved. */
function defaultCertificate(pkiDir = DEFAULT_CERT_DIR) {
    const base = pkiDir.replace(/\/+$/, '');
    return { certificate: `${base}/ssl-public-cert.pem`, key: `${base}/ssl-private-key.pem` };
}
const PUBLIC_SUFFIX = '-public-cert.pem';
/**
 * The Edge's certificate rule, as sync-routes.py:319-342 applies it: among the
 * `<name>-public-cert.pem` files of the pki folder whose `<name>` ends the domain, the longest
 * name wins; its `<name>-private-key.pem` must exist, else (even when a shorter name would have a
 * key) the default `ssl-*` pair is used. `files` lists the folder's file names.
 */
function edgeCertificateFor(domain, files, pkiDir = DEFAULT_CERT_DIR) {
    const names = new Set(files);
    const candidates = [...names]
        .filter((file) => file.endsWith(PUBLIC_SUFFIX))
        .map((file) => file.slice(0, -PUBLIC_SUFFIX.length))
        .filter((name) => domain.endsWith(name))
        .sort((a, b) => b.length - a.length);
    const best = candidates[0];
    if (best === undefined || !names.has(`${best}-private-key.pem`))
        return defaultCertificate(pkiDir);
    const base = pkiDir.replace(/\/+$/, '');
    return { certificate: `${base}/${best}${PUBLIC_SUFFIX}`, key: `${base}/${best}-private-key.pem` };
}
const CERTIFICATE_LINE = /^(\s*)(ssl_certificate|ssl_certificate_key)(\s+)\S+;(\s*# quick-launcher:edge-certificate\s*)$/;
/**
 * Rewrites the marked certificate lines of a server block to a pair (what the installer does on
 * the Edge node, and the runner-side `nginx -t` in its copy); every other line is kept as is.
 */
function resolveCertificateLines(text, pair) {
    return text
        .split('\n')
        .map((line) => {
        const match = CERTIFICATE_LINE.exec(line);
        if (!match)
            return line;
        const [, indent, directive, gap, marker] = match;
        return `${indent}${directive}${gap}${directive === 'ssl_certificate' ? pair.certificate : pair.key};${marker}`;
    })
        .join('\n');
}


/***/ }),

/***/ 43940:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ runnerTemp),
/* harmony export */   k: () => (/* binding */ workFolder)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** The runner's temp folder (emptied after each job), else the OS temp folder. */
function runnerTemp(env = process.env) {
    return env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_0__.tmpdir)();
}
/** `<runner temp>/quick-launcher/<name>`: the default place of an action's output or cache folder. */
function workFolder(env, name) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(runnerTemp(env), 'quick-launcher', name);
}


/***/ })

};
