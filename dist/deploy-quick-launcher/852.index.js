export const id = 852;
export const ids = [852];
export const modules = {

/***/ 3848:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xW: () => (/* binding */ kubeconfigDir),
  X4: () => (/* binding */ kubeconfigSource),
  DU: () => (/* binding */ parseKubeconfig),
  I8: () => (/* binding */ removeKubeconfig),
  fQ: () => (/* binding */ writeKubeconfig)
});

// UNUSED EXPORTS: decodeKubeconfig, execArgSecrets, redactServer

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/lib/runner-temp.ts


/** The runner's temp folder (emptied after each job), else the OS temp folder. */
function runnerTemp(env = process.env) {
    return env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
}
/** `<runner temp>/quick-launcher/<name>`: the default place of an action's output or cache folder. */
function workFolder(env, name) {
    return join(runnerTemp(env), 'quick-launcher', name);
}

// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/kubeconfig.ts






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
        throw new errors/* InputError */.dz('kubeconfig', 'is required: give the kubeconfig content, or set KUBECONFIG in an earlier step (e.g. azure/k8s-set-context)');
    const paths = variable.split(external_node_path_.delimiter).filter((path) => path !== '');
    if (paths.length !== 1)
        throw new errors/* InputError */.dz('kubeconfig', `is not given and $KUBECONFIG lists ${paths.length} files; give the kubeconfig content, or one file in KUBECONFIG`);
    try {
        return await (0,promises_.readFile)(paths[0], 'utf8');
    }
    catch (error) {
        throw new errors/* InputError */.dz('kubeconfig', `is not given and $KUBECONFIG names ${paths[0]}, which cannot be read (${(0,errors/* errorCode */.CA)(error) ?? 'error'})`);
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
    const document = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false, merge: true });
    if (document.errors.length > 0) {
        const error = document.errors[0];
        const line = error.linePos?.[0]?.line;
        throw new errors/* InputError */.dz('kubeconfig', `is not valid YAML${line ? ` (line ${line})` : ''}; pass the kubeconfig content, plain or base64`);
    }
    const config = document.toJS({ maxAliasCount: 100 });
    if (!isMapping(config) || !Array.isArray(config.clusters) || !Array.isArray(config.contexts)) {
        throw new errors/* InputError */.dz('kubeconfig', 'is not a kubeconfig (no clusters and contexts lists)');
    }
    const secrets = kubeconfigSecrets(config);
    const contexts = named(config.contexts, 'context');
    const names = contexts.map((entry) => entry.name).filter((name) => name !== '');
    if (names.length === 0)
        throw new errors/* InputError */.dz('kubeconfig', 'has no named contexts');
    let chosen = context;
    if (chosen === undefined) {
        const current = config['current-context'];
        if (typeof current === 'string' && names.includes(current))
            chosen = current;
        else if (names.length === 1)
            chosen = names[0];
        else
            throw new errors/* InputError */.dz('context', `is required: the kubeconfig has no current context and several contexts (${names.join(', ')})`);
    }
    const selected = contexts.find((entry) => entry.name === chosen);
    if (!selected)
        throw new errors/* InputError */.dz('context', `'${chosen}' is not a context in the kubeconfig; it has: ${names.join(', ')}`);
    const clusterName = selected.body.cluster;
    const cluster = named(config.clusters, 'cluster').find((entry) => entry.name === clusterName);
    if (!cluster)
        throw new errors/* InputError */.dz('kubeconfig', `context '${chosen}' names cluster '${JSON.stringify(clusterName)}', which it does not define`);
    const userName = selected.body.user;
    if (userName !== undefined && !named(config.users, 'user').some((entry) => entry.name === userName)) {
        throw new errors/* InputError */.dz('kubeconfig', `context '${chosen}' names user '${JSON.stringify(userName)}', which it does not define`);
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
    return runnerTemp(env);
}
/** Writes the kubeconfig readable by the owner only (0600) and returns its path. */
async function writeKubeconfig(text, dir = kubeconfigDir()) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const path = (0,external_node_path_.join)(dir, `quick-launcher-kubeconfig-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
    await (0,promises_.writeFile)(path, text, { mode: 0o600, flag: 'wx' });
    await (0,promises_.chmod)(path, 0o600); // a umask cannot widen it, but make the mode explicit
    return path;
}
/** Removes a kubeconfig written by writeKubeconfig; a missing file is fine (post runs always). */
async function removeKubeconfig(path) {
    await (0,promises_.rm)(path, { force: true });
}


/***/ }),

/***/ 2852:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _kubeconfig_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3848);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9882);



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
