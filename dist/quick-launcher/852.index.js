export const id = 852;
export const ids = [852];
export const modules = {

/***/ 55969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DU: () => (/* binding */ parseKubeconfig),
/* harmony export */   I8: () => (/* binding */ removeKubeconfig),
/* harmony export */   X4: () => (/* binding */ kubeconfigSource),
/* harmony export */   fQ: () => (/* binding */ writeKubeconfig),
/* harmony export */   xW: () => (/* binding */ kubeconfigDir)
/* harmony export */ });
/* unused harmony exports decodeKubeconfig, execArgSecrets, redactServer */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38815);
/* harmony import */ var _lib_runner_temp_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(43940);
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(97268);






const BASE64 = /^[A-Za-z0-9+/=\s]+$/;
/**
 * Plain YAML always has a `:`; base64 never does. Users paste either (Azure/k8s-set-context#146
 * added an explicit encoding input; detecting it spares one).
 */
function decodeKubeconfig(raw) {
    const trimmed = raw.trim();
    if (trimmed !== '' && !trimmed.includes(':') && BASE64.test(trimmed)) {
        return Buffer.from(trimmed.replace(/\s+/g, ''), 'base64').toString('utf8');
    }
    return raw;
}
function isMapping(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function named(list, field) {
    if (!Array.isArray(list))
        return [];
    return list.filter(isMapping).map((entry) => ({
        name: typeof entry.name === 'string' ? entry.name : '',
        body: isMapping(entry[field]) ? entry[field] : {},
    }));
}
const SECRET_FIELDS = ['token', 'password', 'client-key-data', 'client-certificate-data'];
/** Every credential in a kubeconfig, with base64 `*-data` values also decoded (derived secrets are not masked by the runner on their own). */
function kubeconfigSecrets(config) {
    const found = new Set();
    const add = (value, encoded = false) => {
        if (typeof value !== 'string' || value.trim().length < 4)
            return;
        found.add(value);
        if (encoded && BASE64.test(value)) {
            const decoded = Buffer.from(value, 'base64').toString('utf8');
            for (const line of decoded.split(/\r?\n/))
                if (line.trim().length >= 8 && !line.startsWith('-----'))
                    found.add(line.trim());
        }
    };
    for (const { body } of named(config.clusters, 'cluster')) {
        add(body['certificate-authority-data'], true);
        // Userinfo in a server URL (`https://user:pass@host`) is a credential too.
        const userinfo = typeof body.server === 'string' ? /^[a-z][a-z0-9+.-]*:\/\/([^/?#@]*)@/i.exec(body.server)?.[1] : undefined;
        if (userinfo) {
            // The whole userinfo and the password (not the user name alone: masking a word such as
            // 'admin' would blank it everywhere in the log), raw and percent-decoded.
            const password = userinfo.includes(':') ? userinfo.slice(userinfo.indexOf(':') + 1) : undefined;
            for (const part of [userinfo, ...(password ? [password] : [])])
                for (const form of [part, safeDecode(part)])
                    add(form);
        }
    }
    for (const { body: user } of named(config.users, 'user')) {
        for (const field of SECRET_FIELDS)
            add(user[field], field.endsWith('-data'));
        const provider = user['auth-provider'];
        if (isMapping(provider) && isMapping(provider.config))
            for (const value of Object.values(provider.config))
                add(value);
        const exec = user.exec;
        if (isMapping(exec) && Array.isArray(exec.env)) {
            for (const entry of exec.env)
                if (isMapping(entry))
                    add(entry.value);
        }
        if (isMapping(exec) && Array.isArray(exec.args))
            for (const value of execArgSecrets(exec.args))
                add(value);
    }
    return [...found];
}
function safeDecode(value) {
    try {
        return decodeURIComponent(value);
    }
    catch {
        return value;
    }
}
/** Flags of exec credential plugins whose value is a credential (kubelogin, aws, gke-gcloud-auth-plugin, generic). */
const SECRET_FLAG = /^--?[A-Za-z0-9-]*(token|secret|password|passwd|key|credential)[A-Za-z0-9-]*$/i;
/**
 * The credentials among an exec plugin's args: the value of `--token=…`, `--oidc-client-secret=…`
 * and the like, and the argument after such a flag given alone (`--token VALUE`).
 */
function execArgSecrets(args) {
    const found = [];
    const keep = (value) => {
        if (!/^(true|false)$/i.test(value))
            found.push(value); // a boolean flag value is no credential, and masking it would hide every 'true' in the log
    };
    args.forEach((arg, index) => {
        if (typeof arg !== 'string')
            return;
        const equals = arg.indexOf('=');
        if (equals > 0 && SECRET_FLAG.test(arg.slice(0, equals)))
            keep(arg.slice(equals + 1));
        else if (equals < 0 && SECRET_FLAG.test(arg)) {
            const next = args[index + 1];
            if (typeof next === 'string' && !next.startsWith('-'))
                keep(next);
        }
    });
    return found;
}
/** A server URL without its userinfo (`https://user:pass@host` → `https://***@host`), for the log and errors. */
function redactServer(server) {
    return server.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1***@');
}
/**
 * The kubeconfig to use: the `kubeconfig` input, else the one file `$KUBECONFIG` names (set by
 * azure/k8s-set-context, aws eks update-kubeconfig, get-gke-credentials). Neither: an InputError
 * naming `kubeconfig`. Errors never echo the content.
 */
async function kubeconfigSource(input, env) {
    if (input !== undefined && input.trim() !== '')
        return input;
    const variable = env.KUBECONFIG?.trim();
    if (!variable)
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', 'is required: give the kubeconfig content, or set KUBECONFIG in an earlier step (e.g. azure/k8s-set-context)');
    const paths = variable.split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter).filter((path) => path !== '');
    if (paths.length !== 1)
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `is not given and $KUBECONFIG lists ${paths.length} files; give the kubeconfig content, or one file in KUBECONFIG`);
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(paths[0], 'utf8');
    }
    catch (error) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `is not given and $KUBECONFIG names ${paths[0]}, which cannot be read (${(0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorCode */ .CA)(error) ?? 'error'})`);
    }
}
/**
 * Parses the `kubeconfig` input (plain or base64) and selects `context` (else the file's
 * current context, else its only one). Errors name the input and never echo the content: the
 * YAML parser's messages quote the offending line, so only the line number is kept.
 */
function parseKubeconfig(raw, context) {
    const text = decodeKubeconfig(raw);
    // `merge`: `<<: *creds` keys are resolved (as kubectl's YAML reader does), so credentials reached through them are found and masked.
    const document = (0,yaml__WEBPACK_IMPORTED_MODULE_3__/* .parseDocument */ .Tp)(text, { prettyErrors: false, merge: true });
    if (document.errors.length > 0) {
        const error = document.errors[0];
        const line = error.linePos?.[0]?.line;
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `is not valid YAML${line ? ` (line ${line})` : ''}; pass the kubeconfig content, plain or base64`);
    }
    const config = document.toJS({ maxAliasCount: 100 });
    if (!isMapping(config) || !Array.isArray(config.clusters) || !Array.isArray(config.contexts)) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', 'is not a kubeconfig (no clusters and contexts lists)');
    }
    const secrets = kubeconfigSecrets(config);
    const contexts = named(config.contexts, 'context');
    const names = contexts.map((entry) => entry.name).filter((name) => name !== '');
    if (names.length === 0)
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', 'has no named contexts');
    let chosen = context;
    if (chosen === undefined) {
        const current = config['current-context'];
        if (typeof current === 'string' && names.includes(current))
            chosen = current;
        else if (names.length === 1)
            chosen = names[0];
        else
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('context', `is required: the kubeconfig has no current context and several contexts (${names.join(', ')})`);
    }
    const selected = contexts.find((entry) => entry.name === chosen);
    if (!selected)
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('context', `'${chosen}' is not a context in the kubeconfig; it has: ${names.join(', ')}`);
    const clusterName = selected.body.cluster;
    const cluster = named(config.clusters, 'cluster').find((entry) => entry.name === clusterName);
    if (!cluster)
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `context '${chosen}' names cluster '${JSON.stringify(clusterName)}', which it does not define`);
    const userName = selected.body.user;
    if (userName !== undefined && !named(config.users, 'user').some((entry) => entry.name === userName)) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `context '${chosen}' names user '${JSON.stringify(userName)}', which it does not define`);
    }
    document.set('current-context', chosen);
    const server = cluster.body.server;
    return {
        text: document.toString(),
        context: chosen,
        contexts: names,
        ...(typeof server === 'string' ? { server: redactServer(server) } : {}),
        secrets,
    };
}
/** The folder for the kubeconfig: RUNNER_TEMP on a runner, else the OS temp folder. */
function kubeconfigDir(env = process.env) {
    return (0,_lib_runner_temp_js__WEBPACK_IMPORTED_MODULE_4__/* .runnerTemp */ .X)(env);
}
/** Writes the kubeconfig readable by the owner only (0600) and returns its path. */
async function writeKubeconfig(text, dir = kubeconfigDir()) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true });
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, `quick-launcher-kubeconfig-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(path, text, { mode: 0o600, flag: 'wx' });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.chmod)(path, 0o600); // a umask cannot widen it, but make the mode explicit
    return path;
}
/** Removes a kubeconfig written by writeKubeconfig; a missing file is fine (post runs always). */
async function removeKubeconfig(path) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(path, { force: true });
}


/***/ }),

/***/ 92852:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _kubeconfig_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(55969);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(69882);



/**
 * The post step: removes the kubeconfig and kubectl's cache even when the main step was
 * cancelled or failed before its own cleanup (`post-if: always()`).
 */
async function post(getState) {
    const kubeconfig = getState(_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE_KUBECONFIG */ .mU);
    if (kubeconfig)
        await (0,_kubeconfig_js__WEBPACK_IMPORTED_MODULE_1__/* .removeKubeconfig */ .I8)(kubeconfig);
    const cache = getState(_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE_CACHE_DIR */ .Fz);
    if (cache)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(cache, { recursive: true, force: true });
}


/***/ })

};
