export const id = 103;
export const ids = [103];
export const modules = {

/***/ 34110:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rs: () => (/* binding */ resolveKubectl),
/* harmony export */   tz: () => (/* binding */ DEFAULT_KUBECTL_MIRROR)
/* harmony export */ });
/* unused harmony exports kubectlArch, kubectlUrl */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_tool_cache__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(59805);
/* harmony import */ var _lib_digest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8899);
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(97268);
/* harmony import */ var _tools_exec_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(12122);






const DEFAULT_KUBECTL_MIRROR = 'https://dl.k8s.io/release';
const VERSION = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
/** dl.k8s.io's arch names. */
function kubectlArch(nodeArch = (0,node_os__WEBPACK_IMPORTED_MODULE_1__.arch)()) {
    const known = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x' };
    return known[nodeArch] ?? nodeArch;
}
/** The download URL of one kubectl build; `.sha256` next to it holds its checksum. */
function kubectlUrl(mirror, version, arch) {
    const v = version.startsWith('v') ? version : `v${version}`;
    return `${mirror.replace(/\/+$/, '')}/${v}/bin/linux/${arch}/kubectl`;
}
/**
 * Resolves the kubectl to run. A pinned version is taken from the tool cache or downloaded from
 * the mirror and checked against the published `kubectl.sha256` (setup-kubectl does not check
 * it; helm/kind-action#134 does) before it is cached; otherwise the kubectl on PATH.
 */
async function resolveKubectl(source, logger) {
    if (!source.version) {
        const found = await (0,_tools_exec_js__WEBPACK_IMPORTED_MODULE_5__/* .findOnPath */ .aY)('kubectl');
        if (!found) {
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1("kubectl is not on PATH; install it or set the input 'kubectl-version' to download one");
        }
        logger.info(`Using kubectl on PATH: ${found}`);
        return found;
    }
    if (!VERSION.test(source.version)) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('kubectl-version', `'${source.version}' is not a version like v1.32.4`);
    }
    let mirror;
    try {
        mirror = new URL(source.mirror);
    }
    catch {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('kubectl-mirror', `'${source.mirror}' is not a URL`);
    }
    if (mirror.protocol !== 'https:' && mirror.protocol !== 'http:') {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('kubectl-mirror', `'${source.mirror}' must be an http(s) URL`);
    }
    const version = source.version.startsWith('v') ? source.version : `v${source.version}`;
    const arch = kubectlArch(source.arch);
    const cached = _actions_tool_cache__WEBPACK_IMPORTED_MODULE_2__/* .find */ .I6('kubectl', version.slice(1), arch);
    if (cached) {
        logger.info(`Using cached kubectl ${version} (${arch})`);
        return `${cached}/kubectl`;
    }
    const url = kubectlUrl(source.mirror, version, arch);
    logger.info(`Downloading kubectl ${version} (${arch}) from ${url}`);
    let binary;
    let checksumFile;
    try {
        binary = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_2__/* .downloadTool */ .bq(url);
        checksumFile = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_2__/* .downloadTool */ .bq(`${url}.sha256`);
    }
    catch (error) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('kubectl-version', `cannot download kubectl ${version} for ${arch} from ${url}: ${(0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error)}`);
    }
    const expected = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(checksumFile, 'utf8')).trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    if (!/^[0-9a-f]{64}$/.test(expected)) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('kubectl-mirror', `${url}.sha256 does not hold a sha256 checksum`);
    }
    const actual = await (0,_lib_digest_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256File */ .Q3)(binary);
    if (actual !== expected) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('kubectl-mirror', `kubectl from ${url} has sha256 ${actual}, but ${url}.sha256 says ${expected}; refusing to run it`);
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.chmod)(binary, 0o755);
    const dir = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_2__/* .cacheFile */ .NJ(binary, 'kubectl', 'kubectl', version.slice(1), arch);
    return `${dir}/kubectl`;
}


/***/ }),

/***/ 52366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mP: () => (/* binding */ ANONYMOUS_TOKEN_ROLES),
  hZ: () => (/* binding */ liveTokenProblem)
});

// UNUSED EXPORTS: RENEW_BEFORE_SECONDS

// EXTERNAL MODULE: ./src/cloud-pipeline/errors.ts
var errors = __webpack_require__(39087);
;// CONCATENATED MODULE: ./src/cloud-pipeline/token-claims.ts
function tokenClaims(token) {
    const parts = token.split('.');
    if (parts.length !== 3)
        return undefined;
    try {
        const claims = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8'));
        if (typeof claims !== 'object' || claims === null)
            return undefined;
        return {
            ...(typeof claims.sub === 'string' ? { sub: claims.sub } : {}),
            ...(typeof claims.exp === 'number' ? { exp: claims.exp } : {}),
            ...(Array.isArray(claims.roles) ? { roles: claims.roles.filter((role) => typeof role === 'string') } : {}),
        };
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/provision/anonymous-token.ts


/**
 * The roles the anonymous user's token must carry. Every call the launcher makes with it
 * (`/whoami`, `/metadata/search`, `/tool/load`, `/run`, `/datastorage/...`; quick-launcher/src on
 * branch quick-launcher-app) is a secured resource, which needs ROLE_ADMIN or ROLE_USER; a
 * ROLE_ANONYMOUS_USER token alone reaches only `api.security.anonymous.urls`
 * (`app/JWTSecurityConfiguration.java:112-118`, default `/restapi/route,/restapi/static-resources/**`,
 * `deploy/docker/cp-api-srv/config/application.properties:17`).
 */
const ANONYMOUS_TOKEN_ROLES = ['ROLE_ANONYMOUS_USER', 'ROLE_USER'];
/** A token kept while it is valid for at least this long (default 7 days). */
const RENEW_BEFORE_SECONDS = 7 * 24 * 3600;
/**
 * Why `live` cannot stay the anonymous token (undefined when it can): it must be a JWT of
 * `userName` that the API still accepts (`GET /whoami` with it), valid for `renewBeforeSeconds`
 * more, whose frozen roles hold ANONYMOUS_TOKEN_ROLES.
 */
async function liveTokenProblem(client, live, userName, options = {}) {
    const claims = tokenClaims(live);
    if (!claims)
        return 'it is not a JWT';
    if (claims.sub?.toUpperCase() !== userName.toUpperCase())
        return `it belongs to ${claims.sub ?? 'nobody'}, not ${userName}`;
    const now = (options.now ?? new Date()).getTime() / 1000;
    if (claims.exp !== undefined && claims.exp - now < (options.renewBeforeSeconds ?? RENEW_BEFORE_SECONDS)) {
        return claims.exp <= now ? 'it has expired' : 'it expires soon';
    }
    const missing = ANONYMOUS_TOKEN_ROLES.filter((role) => !(claims.roles ?? []).includes(role));
    if (missing.length > 0)
        return `its roles (frozen at issue) lack ${missing.join(', ')}`;
    const check = client.withToken(live);
    try {
        const me = await check.users.whoami();
        if (me.userName.toUpperCase() !== userName.toUpperCase())
            return `the API says it belongs to ${me.userName}`;
        return undefined;
    }
    catch (error) {
        if (error instanceof errors/* CloudPipelineAuthError */._)
            return 'the API refuses it';
        if (error instanceof errors/* CloudPipelineError */.U && error.status === 200)
            return `the API refuses it: ${error.apiMessage}`;
        throw error;
    }
    finally {
        check.close();
    }
}


/***/ }),

/***/ 28723:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $b: () => (/* binding */ foldersFor),
/* harmony export */   Tw: () => (/* binding */ validateHomeHierarchy),
/* harmony export */   mD: () => (/* binding */ parseHomeHierarchy)
/* harmony export */ });
/* unused harmony export MAX_HIERARCHY_FOLDERS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(42463);
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(ajv__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(97268);
/* harmony import */ var _lib_json_position_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(39049);




/** A hierarchy larger than this is surely a mistake (and would be one huge call per user). */
const MAX_HIERARCHY_FOLDERS = 1000;
let validator;
function compiled() {
    validator ??= new ajv__WEBPACK_IMPORTED_MODULE_3__.Ajv({ strict: true, allErrors: false }).compile(JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(new URL(/* asset import */ __webpack_require__(54096), __webpack_require__.b), 'utf8')));
    return validator;
}
/**
 * Checks a parsed hierarchy: first for folders that would leave the storage (`..`, absolute or
 * multi-segment names), each named with its place in the tree, then against the published schema.
 */
function validateHomeHierarchy(value, input = 'home-hierarchy-template') {
    let count = 0;
    const walk = (node, where) => {
        if (typeof node !== 'object' || node === null || Array.isArray(node)) {
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `${where || 'the template'} must be an object of folders ({} for none), not ${Array.isArray(node) ? 'an array' : typeof node}`);
        }
        for (const [name, children] of Object.entries(node)) {
            const path = where ? `${where}/${name}` : name;
            if (name === '..' || name.split(/[/\\]/).includes('..'))
                throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `folder '${path}' escapes the home storage ('..' is not allowed)`);
            if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) {
                throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `folder '${path}' is an absolute path; names are relative to the home storage`);
            }
            if (name.includes('/') || name.includes('\\'))
                throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `folder '${path}': give one folder name per level (nest objects instead of '/')`);
            if (++count > MAX_HIERARCHY_FOLDERS)
                throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `more than ${MAX_HIERARCHY_FOLDERS} folders`);
            walk(children, path);
        }
    };
    walk(value, '');
    const validate = compiled();
    if (!validate(value)) {
        const errors = validate.errors ?? [];
        const named = errors.find((error) => error.propertyName !== undefined);
        const at = (named ?? errors[0])?.instancePath.replace(/^\//, '') || 'the template';
        if (named) {
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `${at}: folder name ${JSON.stringify(named.propertyName)} is not allowed (one name per level, not '.' or '..', no control characters)`);
        }
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `${at}: ${errors[0]?.message ?? 'does not match schemas/home-hierarchy.schema.json'}`);
    }
    return value;
}
/** Parses and validates the JSON text of the hierarchy template; syntax errors give line and column. */
function parseHomeHierarchy(text, input = 'home-hierarchy-template') {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        const { line, column } = (0,_lib_json_position_js__WEBPACK_IMPORTED_MODULE_2__/* .jsonErrorPosition */ .OG)(text);
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `not valid JSON at line ${line}, column ${column}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return validateHomeHierarchy(value, input);
}
/** The folders of the hierarchy for one user, parents before children, `@@` replaced. */
function foldersFor(hierarchy, userName) {
    const folders = [];
    const walk = (node, prefix) => {
        for (const [name, children] of Object.entries(node)) {
            const path = `${prefix}${name.split('@@').join(userName)}`;
            folders.push(path);
            walk(children, `${path}/`);
        }
    };
    walk(hierarchy, '');
    return folders;
}


/***/ }),

/***/ 10025:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iu: () => (/* binding */ parsePreferences),
/* harmony export */   JN: () => (/* binding */ parseToolRegistration),
/* harmony export */   TD: () => (/* binding */ parseSyncHomeFolders),
/* harmony export */   WW: () => (/* binding */ parseHomeAuto),
/* harmony export */   iT: () => (/* binding */ parseHomeStorageTemplate),
/* harmony export */   th: () => (/* binding */ checkUserName),
/* harmony export */   vl: () => (/* binding */ DEFAULT_SYSTEM_USERS),
/* harmony export */   vw: () => (/* binding */ parseSystemUsers)
/* harmony export */ });
/* unused harmony exports SYNC_HOME_FOLDERS, preferenceTypeOf */
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97268);
/* harmony import */ var _lib_json_position_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(39049);
/* harmony import */ var _anonymous_token_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52366);



const SYNC_HOME_FOLDERS = ['none', 'system', 'all'];
/**
 * The defaults: SHINY_PORTAL owns published apps, the anonymous user's token goes into the
 * launcher. That token must reach the launcher's calls, secured resources needing ROLE_USER
 * besides ROLE_ANONYMOUS_USER (see ANONYMOUS_TOKEN_ROLES in anonymous-token.ts).
 */
const DEFAULT_SYSTEM_USERS = [
    { kind: 'service', name: 'SHINY_PORTAL', roles: ['ROLE_USER'] },
    { kind: 'admin', name: 'SHINY_PORTAL_ADMIN_USER', roles: ['ROLE_ADMIN'] },
    { kind: 'anonymous', name: 'SHINY_PORTAL_ANONYMOUS_USER', roles: ['ROLE_ANONYMOUS_USER', 'ROLE_USER'] },
];
/** A Cloud Pipeline user name: letters, digits and `._@-`, as IdP names are. */
const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/;
const ROLE_NAME = /^ROLE_[A-Z0-9_]+$/;
/** Checks one user name, naming the input on failure. */
function checkUserName(name, input = 'system-users') {
    if (!USER_NAME.test(name)) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `'${name}' is not a valid user name (letters, digits, '.', '_', '@', '-'; at most 128 characters; starting with a letter or digit)`);
    }
    return name;
}
/**
 * Parses the `system-users` input: lines `service|admin|anonymous = NAME[:ROLE,ROLE…]`, each
 * overriding that user's default. A role without the `ROLE_` prefix gets it, as the API does.
 * The anonymous user always holds ROLE_ANONYMOUS_USER and ROLE_USER (what its token needs).
 */
function parseSystemUsers(text, input = 'system-users') {
    const users = new Map(DEFAULT_SYSTEM_USERS.map((user) => [user.kind, { ...user, roles: [...user.roles] }]));
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const where = `line ${index + 1}`;
        const match = /^([a-z]+)\s*=\s*([^:\s]*)\s*(?::(.*))?$/.exec(line);
        if (!match)
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `${where}: expected 'service|admin|anonymous=NAME[:ROLE,ROLE]', got '${line}'`);
        const kind = match[1];
        const user = users.get(kind);
        if (!user)
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `${where}: '${match[1]}' is not one of service, admin, anonymous`);
        user.name = checkUserName(match[2] ?? '', input);
        if (match[3] !== undefined) {
            const roles = match[3]
                .split(',')
                .map((role) => role.trim())
                .filter((role) => role !== '')
                .map((role) => (role.startsWith('ROLE_') ? role : `ROLE_${role}`));
            for (const role of roles) {
                if (!ROLE_NAME.test(role))
                    throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `${where}: '${role}' is not a valid role name (ROLE_ followed by A-Z, 0-9, _)`);
            }
            user.roles = roles;
        }
    });
    const anonymous = users.get('anonymous');
    for (const role of _anonymous_token_js__WEBPACK_IMPORTED_MODULE_2__/* .ANONYMOUS_TOKEN_ROLES */ .mP)
        if (anonymous && !anonymous.roles.includes(role))
            anonymous.roles.push(role);
    const result = [...users.values()];
    // The API upper-cases names and compares them case-insensitively (UserManager.java:684, user-dao.xml).
    const names = result.map((user) => user.name.toUpperCase());
    const duplicate = names.find((name, index) => names.indexOf(name) !== index);
    if (duplicate)
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `'${duplicate}' is given for two system users; each needs its own name`);
    return result;
}
const PREFERENCE_NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;
/** The type the API should give a preference value: BOOLEAN, INTEGER, FLOAT, OBJECT (JSON object/array) or STRING. */
function preferenceTypeOf(value) {
    if (value === 'true' || value === 'false')
        return 'BOOLEAN';
    if (/^-?\d+$/.test(value))
        return 'INTEGER';
    if (/^-?\d+\.\d+$/.test(value))
        return 'FLOAT';
    if (/^\s*[[{]/.test(value))
        return 'OBJECT';
    return 'STRING';
}
/**
 * Parses the `preferences` input: `name=value` lines (dotted names such as `launch.max.runs`;
 * blank lines and `#` comments skipped). A value that starts with `{` or `[` must be valid JSON.
 */
function parsePreferences(text, input = 'preferences') {
    const settings = new Map();
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const equals = line.indexOf('=');
        const name = equals > 0 ? line.slice(0, equals).trim() : '';
        if (!PREFERENCE_NAME.test(name))
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `line ${index + 1}: expected 'preference.name=value', got '${line}'`);
        const value = line.slice(equals + 1).trim();
        const type = preferenceTypeOf(value);
        if (type === 'OBJECT')
            checkJson(value, input, `line ${index + 1} (${name})`);
        settings.set(name, { name, value, type });
    });
    return [...settings.values()];
}
/** Parses `sync-home-folders` (default `system`). */
function parseSyncHomeFolders(text, input = 'sync-home-folders') {
    const value = text.trim() === '' ? 'system' : text.trim();
    if (!SYNC_HOME_FOLDERS.includes(value))
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `'${value}' is not one of ${SYNC_HOME_FOLDERS.join(', ')}`);
    return value;
}
/**
 * Parses a `storage.user.home.auto` input: '' leaves the decision to provisioning (switched on
 * while the site has never set it), `true`/`false` set it either way (a site-wide change).
 */
function parseHomeAuto(text, input = 'home-storage-auto') {
    const value = text.trim().toLowerCase();
    if (value === '')
        return undefined;
    if (value === 'true' || value === 'false')
        return value === 'true';
    throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `'${text.trim()}' is not true, false or empty`);
}
/** Kubernetes-style quantities as Cloud Pipeline stores a tool's cpu (`1`, `500m`) and ram (`4Gi`). */
const CPU = /^\d+(\.\d+)?m?$/;
const RAM = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|K|M|G|T)?$/;
/**
 * Parses the cpu and ram that let provisioning register a tool its push did not create
 * (`/tool/register` needs both, `ToolManager.java:151-154`); both empty means never register.
 */
function parseToolRegistration(cpu, ram, inputs = { cpu: 'tool-cpu', ram: 'tool-ram' }) {
    const [c, r] = [cpu.trim(), ram.trim()];
    if (c === '' && r === '')
        return undefined;
    if (c === '')
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputs.cpu, `is required when '${inputs.ram}' is given (a tool is registered with both)`);
    if (r === '')
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputs.ram, `is required when '${inputs.cpu}' is given (a tool is registered with both)`);
    if (!CPU.test(c))
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputs.cpu, `'${c}' is not a cpu quantity such as 1, 0.5 or 500m`);
    if (!RAM.test(r))
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputs.ram, `'${r}' is not a memory quantity such as 4Gi or 512Mi`);
    return { cpu: c, ram: r };
}
/**
 * Checks the `home-storage-template` input (`storage.user.home.template`, a DataStorageTemplate:
 * `{"datastorage": {"name": "@@-home", …}, "permissions": […], "metadata": {…}}`) and returns it
 * unchanged.
 */
function parseHomeStorageTemplate(text, input = 'home-storage-template') {
    const value = checkJson(text, input, 'the template');
    if (typeof value !== 'object' || value === null || typeof value.datastorage?.name !== 'string' || value.datastorage.name === '') {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `expected {"datastorage": {"name": "@@-home", …}, …}: datastorage.name is missing`);
    }
    if (!value.datastorage.name.includes('@@'))
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `datastorage.name '${value.datastorage.name}' must contain '@@' (the user name), or every user would share one storage`);
    return text.trim();
}
function checkJson(text, input, what) {
    try {
        return JSON.parse(text);
    }
    catch {
        const { line, column } = (0,_lib_json_position_js__WEBPACK_IMPORTED_MODULE_1__/* .jsonErrorPosition */ .OG)(text);
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `${what}: not valid JSON at line ${line}, column ${column}`);
    }
}


/***/ }),

/***/ 31103:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployStage: () => (/* binding */ deployStage),
  run: () => (/* binding */ run),
  summaryMarkdown: () => (/* binding */ summaryMarkdown)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/lib/inputs.ts
var lib_inputs = __webpack_require__(51662);
// EXTERNAL MODULE: ./src/lib/stage.ts
var stage = __webpack_require__(85637);
// EXTERNAL MODULE: ./src/tools/exec.ts
var exec = __webpack_require__(12122);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(97268);
// EXTERNAL MODULE: ./src/lib/edge-layout.ts
var edge_layout = __webpack_require__(77493);
// EXTERNAL MODULE: ./src/cloud-pipeline/api-url.ts
var api_url = __webpack_require__(48678);
// EXTERNAL MODULE: ./src/actions/deploy-quick-launcher/provision/hierarchy.ts
var hierarchy = __webpack_require__(28723);
// EXTERNAL MODULE: ./src/actions/deploy-quick-launcher/provision/parse-inputs.ts
var parse_inputs = __webpack_require__(10025);
// EXTERNAL MODULE: ./src/actions/deploy-quick-launcher/kubectl-binary.ts
var kubectl_binary = __webpack_require__(34110);
;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/inputs.ts








const DEFAULT_NODE_SELECTOR = 'cloud-pipeline/cp-edge=true';
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const LABEL_KEY = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
/** `30s`, `5m`, `1h` or a bare number of seconds, as whole seconds (1 s .. 24 h). */
function parseDuration(input, value) {
    const match = /^(\d+)\s*(s|m|h)?$/.exec(value.trim());
    if (!match)
        throw new errors/* InputError */.dz(input, `'${value}' is not a duration like 30s, 5m or 1h`);
    const seconds = Number(match[1]) * { s: 1, m: 60, h: 3600 }[(match[2] ?? 's')];
    if (seconds < 1 || seconds > 86400)
        throw new errors/* InputError */.dz(input, `'${value}' is outside 1s..24h`);
    return seconds;
}
/** `key=value[,key=value]` label selector of the Edge node. */
function parseNodeSelector(value, input = 'edge-node-selector') {
    const selector = {};
    for (const part of value.split(/[,\n]/).map((item) => item.trim()).filter((item) => item !== '')) {
        const [key, ...rest] = part.split('=');
        const label = rest.join('=');
        if (rest.length === 0 || !LABEL_KEY.test(key) || !LABEL_VALUE.test(label)) {
            throw new errors/* InputError */.dz(input, `'${part}' is not a label key=value`);
        }
        selector[key] = label;
    }
    if (Object.keys(selector).length === 0)
        throw new errors/* InputError */.dz(input, 'needs at least one key=value');
    return selector;
}
function httpUrl(input, value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new errors/* InputError */.dz(input, `'${value}' is not a URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new errors/* InputError */.dz(input, `'${value}' must be an http(s) URL`);
    return url;
}
/** The hierarchy template: inline JSON, or the path of a JSON file. */
function readHierarchy(value) {
    if (value === undefined)
        return undefined;
    if (value.startsWith('{') || value.startsWith('['))
        return (0,hierarchy/* parseHomeHierarchy */.mD)(value, 'home-hierarchy-template');
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(value, 'utf8');
    }
    catch (error) {
        throw new errors/* InputError */.dz('home-hierarchy-template', `cannot read ${value}: ${(0,errors/* errorCode */.CA)(error) ?? String(error)}`);
    }
    return (0,hierarchy/* parseHomeHierarchy */.mD)(text, 'home-hierarchy-template');
}
function optionalField(key, value) {
    return value === undefined ? {} : { [key]: value };
}
/** Reads every input of deploy-quick-launcher once; each bad value is an InputError naming it. */
function getInputs(reader = new lib_inputs/* InputReader */.i_()) {
    const namespace = reader.string('namespace', 'default');
    if (!DNS_LABEL.test(namespace))
        throw new errors/* InputError */.dz('namespace', `'${namespace}' is not a namespace name`);
    const edgeDeployment = reader.string('edge-deployment', 'cp-edge');
    if (!DNS_NAME.test(edgeDeployment))
        throw new errors/* InputError */.dz('edge-deployment', `'${edgeDeployment}' is not a deployment name`);
    const edgeHostPath = reader.string('edge-host-path', edge_layout/* DEFAULT_EDGE_HOST_PATH */.DV).replace(/\/+$/, '');
    if (!edgeHostPath.startsWith('/') || edgeHostPath.split('/').includes('..') || /[\s'"$`\\]/.test(edgeHostPath)) {
        throw new errors/* InputError */.dz('edge-host-path', `'${edgeHostPath}' must be an absolute path without '..', spaces or quotes`);
    }
    const apiUrl = reader.optional('api-url');
    const apiToken = reader.optional('api-token');
    if (apiToken !== undefined && apiUrl === undefined)
        throw new errors/* InputError */.dz('api-url', "is required when 'api-token' is given");
    const api = apiUrl === undefined ? undefined : {
        url: (0,api_url/* checkApiUrl */.S)(apiUrl).toString().replace(/\/+$/, ''),
        token: apiToken ?? (() => { throw new errors/* InputError */.dz('api-token', "is required when 'api-url' is given"); })(),
        ...(reader.optional('api-ca') ? { caFile: reader.optional('api-ca') } : {}),
        insecure: reader.boolean('api-insecure', false),
    };
    const smoke = reader.optional('smoke-check')?.trim();
    const smokeOff = smoke !== undefined && /^(false|off|no)$/i.test(smoke);
    const smokeAddress = smoke === undefined || smokeOff || /^(true|on|yes)$/i.test(smoke) ? undefined : httpUrl('smoke-check', smoke);
    const toolsManifest = reader.optional('tools-manifest');
    const installerImage = reader.optional('installer-image');
    if (installerImage !== undefined && /\s/.test(installerImage))
        throw new errors/* InputError */.dz('installer-image', `'${installerImage}' is not an image reference`);
    return {
        kubeconfig: reader.optional('kubeconfig'),
        context: reader.optional('context'),
        namespace,
        kubectlVersion: reader.optional('kubectl-version'),
        kubectlMirror: reader.string('kubectl-mirror', kubectl_binary/* DEFAULT_KUBECTL_MIRROR */.tz),
        edgeDeployment,
        edgeNodeSelector: parseNodeSelector(reader.string('edge-node-selector', DEFAULT_NODE_SELECTOR)),
        edgeHostPath,
        installerImage,
        rolloutTimeoutSeconds: parseDuration('rollout-timeout', reader.string('rollout-timeout', '5m')),
        lockTimeoutSeconds: parseDuration('lock-timeout', reader.string('lock-timeout', '10m')),
        api,
        distribution: reader.required('distribution'),
        edgeConfig: reader.required('edge-config'),
        toolsManifest,
        systemUsers: (0,parse_inputs/* parseSystemUsers */.vw)(reader.string('system-users', '')),
        homeHierarchy: readHierarchy(reader.optional('home-hierarchy-template')),
        syncHomeFolders: (0,parse_inputs/* parseSyncHomeFolders */.TD)(reader.string('sync-home-folders', 'system')),
        preferences: (0,parse_inputs/* parsePreferences */.Iu)(reader.string('preferences', '')),
        ...optionalField('homeAuto', (0,parse_inputs/* parseHomeAuto */.WW)(reader.string('home-storage-auto', ''))),
        ...optionalField('toolRegistration', (0,parse_inputs/* parseToolRegistration */.JN)(reader.string('tool-cpu', ''), reader.string('tool-ram', ''))),
        registerTools: reader.boolean('register-tools', toolsManifest !== undefined),
        dryRun: reader.boolean('dry-run', false),
        smokeCheck: !smokeOff,
        ...(smokeAddress ? { smokeAddress } : {}),
        summary: reader.boolean('summary', true),
    };
}

// EXTERNAL MODULE: ./src/actions/deploy-quick-launcher/state.ts
var state = __webpack_require__(69882);
;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/summary.ts
/** The URL of the launcher: its first host (deploy.ts lists the app launcher's first). */
function launcherUrl(hosts) {
    return hosts && hosts.length > 0 ? `https://${hosts[0]}/` : '';
}
/** Most API calls listed in the plan output (a home-folder sync of every user can plan thousands). */
const PLAN_API_CALLS = 1000;
/** The plan output: the API calls and the Kubernetes steps (made, or that a dry run would make). */
function planDocument(rollout, provision, facts = {}) {
    const calls = provision?.plan ?? [];
    return {
        dryRun: rollout.dryRun,
        api: calls.slice(0, PLAN_API_CALLS),
        ...(calls.length > PLAN_API_CALLS ? { apiCallsNotListed: calls.length - PLAN_API_CALLS } : {}),
        ...(provision?.siteWide ? { siteWide: provision.siteWide } : {}),
        ...(facts.appConfigStorage ? { settings: { appConfigStorage: facts.appConfigStorage.note } } : {}),
        kubernetes: { contentDigest: rollout.digest, previousDigest: rollout.previousDigest ?? null, objects: rollout.objects, steps: rollout.steps, ...(rollout.changes ? { changes: rollout.changes } : {}), ...(rollout.diff ? { diff: rollout.diff } : {}) },
    };
}
function deployOutputs(rollout, provision, facts = {}) {
    const counts = provision?.counts;
    return {
        changed: String(rollout.changed || (provision?.changed ?? false)),
        plan: JSON.stringify(planDocument(rollout, provision, facts)),
        'content-digest': rollout.digest,
        'users-created': String(counts?.usersCreated ?? 0),
        'folders-created': String(counts?.foldersCreated ?? 0),
        'tools-registered': String(counts?.toolsRegistered ?? 0),
        'rolled-back': String(rollout.rolledBack),
        url: launcherUrl(facts.hosts),
        'previous-digest': rollout.previousDigest ?? '',
    };
}
/** The job summary's content, built apart from core.summary so it can be tested. */
function summaryTables(rollout, provision, hosts, facts = {}) {
    const mode = rollout.dryRun ? ' (dry run: nothing was changed)' : '';
    const tables = [
        {
            heading: 'Result',
            rows: [
                ['Item', 'Value'],
                ['Changed', String(rollout.changed || (provision?.changed ?? false))],
                ['Content digest', rollout.digest],
                ['Previous digest', rollout.previousDigest ?? 'none'],
                ['Rolled back', String(rollout.rolledBack)],
                ['Edge update', rollout.switch ? `${rollout.switch.path}: ${rollout.switch.reason}` : 'none'],
                ['Launcher hosts', hosts.join(', ') || 'none'],
                ...(facts.appConfigStorage ? [['App launcher storage', facts.appConfigStorage.note]] : []),
            ],
        },
        { heading: 'Edge rollout', rows: [['Step', 'Result'], ...rollout.steps.map((step) => [step.step, step.result])] },
    ];
    if (provision) {
        const counts = provision.counts;
        tables.push({
            heading: 'Cloud Pipeline',
            rows: [
                ['What', rollout.dryRun ? 'Would change' : 'Changed'],
                ['Preferences set', String(counts.preferencesSet)],
                ['Users created', String(counts.usersCreated)],
                ['Users updated', String(counts.usersUpdated)],
                ['Home storages created', String(counts.storagesCreated)],
                ['Folders created', String(counts.foldersCreated)],
                ['Tools registered', String(counts.toolsRegistered)],
                ['Tools updated', String(counts.toolsUpdated)],
                ['Mutating API calls', String(counts.mutatingCalls)],
            ],
        });
        if (provision.siteWide) {
            tables.push({ heading: rollout.dryRun ? 'Site-wide changes (would be made)' : 'Site-wide changes', rows: [['Change'], ...provision.siteWide.map((note) => [note])] });
        }
        if (provision.plan.length > 0) {
            tables.push({ heading: 'API plan', rows: [['Phase', 'Call', 'What'], ...provision.plan.slice(0, 200).map((call) => [call.phase, `${call.method} ${call.path}`, call.summary])] });
        }
    }
    return { title: `Quick Launcher deploy${mode}`, tables };
}

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/run.ts








/** The summary as Markdown; the kubectl diff of a dry run folded under its own heading. */
function summaryMarkdown(content, diff) {
    const parts = [`### ${content.title}`, ''];
    for (const table of content.tables) {
        const [header, ...rows] = table.rows;
        parts.push(`#### ${table.heading}`, '', (0,stage/* markdownTable */.Qj)(header, rows), '');
    }
    if (diff) {
        const escaped = diff.replace(/&/g, '&amp;').replace(/</g, '&lt;');
        parts.push('<details><summary>kubectl diff</summary>', '', `<pre>${escaped}</pre>`, '', '</details>', '');
    }
    return parts.join('\n');
}
/** Who holds the deploy Lease: the workflow run, else this machine and process. */
function leaseHolder(env) {
    return [env.GITHUB_REPOSITORY, env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT].filter(Boolean).join('/') || `${(0,external_node_os_.hostname)()}/${process.pid}`;
}
/**
 * deploy-quick-launcher as a stage: provisioning, then the Edge rollout. A failed rollout still
 * reports its outputs (rolled-back) and summary.
 */
const deployStage = async ({ source, env, logger, mask, saveState }) => {
    const inputs = getInputs(new lib_inputs/* InputReader */.i_(source));
    // A base64 kubeconfig is one secret line; a plain one is masked credential by credential
    // (masking each of its lines would turn every 'apiVersion: v1' in the log into ***).
    if (inputs.kubeconfig && !inputs.kubeconfig.trim().includes('\n'))
        mask(inputs.kubeconfig.trim());
    // The deploy (kubectl, the API client, YAML) loads once the inputs are known to be good.
    const { RolloutError, deploy } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(697), __webpack_require__.e(508), __webpack_require__.e(620)]).then(__webpack_require__.bind(__webpack_require__, 39620));
    try {
        const result = await deploy(inputs, {
            logger,
            runner: exec/* execRunner */.M6,
            env,
            setSecret: mask,
            saveState,
            holder: leaseHolder(env),
        });
        return {
            outputs: { ...deployOutputs(result.rollout, result.provision, result) },
            summary: summaryMarkdown(summaryTables(result.rollout, result.provision, result.hosts, result), result.rollout.diff),
        };
    }
    catch (error) {
        if (!(error instanceof RolloutError))
            throw error;
        const outcome = { outputs: { ...deployOutputs(error.result) }, summary: summaryMarkdown(summaryTables(error.result, undefined, [])) };
        throw new stage/* StageFailure */.BG(error, outcome);
    }
};
/** The main and post step of deploy-quick-launcher (one bundle; the post step removes the kubeconfig). */
async function run() {
    if (core/* getState */.Gu(state/* STATE_IS_POST */._p) === 'true') {
        const { post } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(852)]).then(__webpack_require__.bind(__webpack_require__, 92852));
        await post(core/* getState */.Gu);
        return;
    }
    core/* saveState */.LZ(state/* STATE_IS_POST */._p, 'true');
    await (0,stage/* runStageAsStep */.WZ)(deployStage);
}


/***/ }),

/***/ 48678:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ checkApiUrl)
/* harmony export */ });
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97268);
/* harmony import */ var _lib_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(60310);


/**
 * Checks the `api-url` input: an http(s) URL without userinfo. The API authenticates with the
 * bearer token alone (`api-token`); a `user:password@` in the URL would only end up in logs.
 * Returns the parsed URL.
 */
function checkApiUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('api-url', `is not a URL: ${(0,_lib_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrlCredentials */ .dE)(url)}`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('api-url', `must be an http:// or https:// URL, not ${parsed.protocol}//`);
    }
    if (parsed.username !== '' || parsed.password !== '') {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('api-url', `must not carry credentials (${(0,_lib_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrlCredentials */ .dE)(parsed.href)}): the API is reached with 'api-token' alone`);
    }
    return parsed;
}


/***/ }),

/***/ 39087:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ CloudPipelineError),
/* harmony export */   _: () => (/* binding */ CloudPipelineAuthError)
/* harmony export */ });
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97268);

/**
 * A failed Cloud Pipeline API call: HTTP status or envelope `status: ERROR`. The message names the
 * method, the path (without the query, which may carry user names but never the token) and the
 * API's own message; the bearer token is never part of it.
 */
class CloudPipelineError extends Error {
    method;
    path;
    status;
    apiMessage;
    name = 'CloudPipelineError';
    constructor(method, path, 
    /** HTTP status, or 0 when no response arrived (connection refused, reset, timeout). */
    status, apiMessage) {
        super(`Cloud Pipeline API ${method} ${path} failed${status ? ` (HTTP ${status})` : ''}: ${apiMessage}`);
        this.method = method;
        this.path = path;
        this.status = status;
        this.apiMessage = apiMessage;
    }
    /** True when the API said the object does not exist (HTTP 404 or an ERROR envelope saying so). */
    get notFound() {
        return this.status === 404 || /not (be )?found|does not exist|doesn't exist/i.test(this.apiMessage);
    }
}
/** The token was refused (HTTP 401/403): a configuration mistake, reported without a stack. */
class CloudPipelineAuthError extends _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1 {
    method;
    path;
    status;
    name = 'CloudPipelineAuthError';
    constructor(method, path, status) {
        super(`Cloud Pipeline API ${method} ${path} was refused (HTTP ${status}): check that 'api-token' is a valid ` +
            `admin token for this API and has not expired`);
        this.method = method;
        this.path = path;
        this.status = status;
    }
}


/***/ }),

/***/ 8899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q3: () => (/* binding */ sha256File),
/* harmony export */   ol: () => (/* binding */ digestOf),
/* harmony export */   sc: () => (/* binding */ sha256)
/* harmony export */ });
/* unused harmony export canonicalJson */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);


/** Hex sha256 of a string or bytes. */
function sha256(data) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex');
}
/** Hex sha256 of a file, streamed. */
async function sha256File(path) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(path))
        hash.update(chunk);
    return hash.digest('hex');
}
/** JSON with object keys sorted at every level, so equal values give equal text. */
function canonicalJson(value) {
    return JSON.stringify(value, (_key, item) => {
        if (item && typeof item === 'object' && !Array.isArray(item)) {
            const sorted = {};
            for (const key of Object.keys(item).sort())
                sorted[key] = item[key];
            return sorted;
        }
        return item;
    });
}
/** `sha256:<hex>` of the canonical JSON of a value (inputs digests, content digests). */
function digestOf(value) {
    return `sha256:${sha256(canonicalJson(value))}`;
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

/***/ 39049:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ jsonErrorOffset),
/* harmony export */   OG: () => (/* binding */ jsonErrorPosition),
/* harmony export */   df: () => (/* binding */ positionOf)
/* harmony export */ });
/** 1-based line and column of a character offset in `text`. */
function positionOf(text, offset) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
}
/**
 * The offset of the first syntax error in `text`, found by a small recursive-descent scan.
 * Node's JSON.parse names a position only for some errors ("Unexpected token 'x', … is not
 * valid JSON" has none), and a user wants a line and column for every one.
 */
class Stop extends Error {
    offset;
    constructor(offset) {
        super('json syntax error');
        this.offset = offset;
    }
}
function jsonErrorOffset(text) {
    let at = 0;
    const fail = () => {
        throw new Stop(at);
    };
    const space = () => {
        while (at < text.length && ' \t\r\n'.includes(text[at]))
            at++;
    };
    const literal = (word) => {
        if (text.startsWith(word, at))
            at += word.length;
        else
            fail();
    };
    const string = () => {
        if (text[at] !== '"')
            fail();
        at++;
        while (at < text.length && text[at] !== '"') {
            const char = text.charCodeAt(at);
            if (char < 0x20)
                fail();
            if (text[at] === '\\') {
                at++;
                if (text[at] === 'u') {
                    if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5)))
                        fail();
                    at += 4;
                }
                else if (!'"\\/bfnrt'.includes(text[at] ?? 'x'))
                    fail();
            }
            at++;
        }
        if (at >= text.length)
            fail();
        at++;
    };
    const number = () => {
        const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at));
        if (!match)
            fail();
        at += match ? match[0].length : 0;
    };
    const value = () => {
        space();
        const char = text[at];
        if (char === '{') {
            at++;
            space();
            if (text[at] === '}')
                return void at++;
            for (;;) {
                space();
                string();
                space();
                if (text[at] !== ':')
                    fail();
                at++;
                value();
                space();
                if (text[at] === ',')
                    at++;
                else if (text[at] === '}')
                    return void at++;
                else
                    fail();
            }
        }
        if (char === '[') {
            at++;
            space();
            if (text[at] === ']')
                return void at++;
            for (;;) {
                value();
                space();
                if (text[at] === ',')
                    at++;
                else if (text[at] === ']')
                    return void at++;
                else
                    fail();
            }
        }
        if (char === '"')
            return string();
        if (char === 't')
            return literal('true');
        if (char === 'f')
            return literal('false');
        if (char === 'n')
            return literal('null');
        number();
    };
    try {
        value();
        space();
        if (at < text.length)
            fail();
    }
    catch (error) {
        if (error instanceof Stop)
            return error.offset;
        throw error;
    }
    return -1;
}
/** Line and column of the first JSON syntax error in `text` (its end when there is none). */
function jsonErrorPosition(text) {
    const offset = jsonErrorOffset(text);
    return positionOf(text, offset < 0 ? text.length : offset);
}


/***/ }),

/***/ 60310:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dE: () => (/* binding */ redactUrlCredentials),
/* harmony export */   fp: () => (/* binding */ redactSecrets),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/* unused harmony export secretForms */
/**
 * Redaction of secrets in text that may reach a log or an error: a token as itself and in its
 * base64 forms, and the userinfo of URLs.
 */
/** Secrets shorter than this are not searched for: replacing two letters everywhere hides nothing and mangles text. */
const MIN_SECRET = 8;
/**
 * The forms a secret takes in text: itself, and its base64 and base64url encodings at each of the
 * three byte alignments it can have inside a larger encoded value (`Basic base64(user:token)`, a
 * JSON document echoed in base64). For an unaligned secret only the characters that depend on
 * the secret's bytes alone are kept.
 */
function secretForms(secret) {
    if (secret.length < MIN_SECRET)
        return [];
    const forms = new Set([secret]);
    const bytes = Buffer.from(secret, 'utf8');
    for (let offset = 0; offset < 3; offset++) {
        const shifted = Buffer.concat([Buffer.alloc(offset), bytes]);
        const wholeGroups = Math.floor(shifted.length / 3);
        for (const encoding of ['base64', 'base64url']) {
            const encoded = shifted.toString(encoding);
            // Characters of groups that mix the padding or the bytes after the secret are left out.
            const inner = encoded.slice(offset === 0 ? 0 : 4, wholeGroups * 4);
            if (inner.length >= MIN_SECRET)
                forms.add(inner);
            if (offset === 0)
                forms.add(encoded);
        }
    }
    // Longest first, so a whole encoding is replaced before its inner part.
    return [...forms].sort((a, b) => b.length - a.length);
}
/** `text` with every form of every secret replaced by `***`. */
function redactSecrets(text, secrets) {
    let result = text;
    for (const secret of secrets) {
        for (const form of secretForms(secret))
            result = result.split(form).join('***');
    }
    return result;
}
/** `text` with the userinfo of every URL in it (`scheme://user:pass@`) replaced by `***@`. */
function redactUrlCredentials(text) {
    return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi, '$1***@');
}
/** Cuts `text` to `max` characters, saying so; redact before cutting, or a secret cut in two escapes. */
function truncate(text, max) {
    return text.length <= max ? text : `${text.slice(0, max)}…`;
}


/***/ }),

/***/ 12122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M6: () => (/* binding */ execRunner),
/* harmony export */   aY: () => (/* binding */ findOnPath),
/* harmony export */   w$: () => (/* binding */ lastLines)
/* harmony export */ });
/* unused harmony export childEnvironment */
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75260);
/* harmony import */ var _actions_io__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(88701);


/**
 * What a child process never sees: the step's inputs (INPUT_*: kubeconfig, API token), the post
 * step's state (STATE_*), the runner's own tokens and service URLs, and the command files through
 * which a step sets outputs, environment or PATH for later steps. An npm install script, a
 * kubeconfig `exec:` plugin or a Dockerfile's build has no business with any of them.
 */
const WITHHELD = [
    /^INPUT_/i,
    /^STATE_/i,
    /^ACTIONS_(RUNTIME_TOKEN|RUNTIME_URL|ID_TOKEN_REQUEST_TOKEN|ID_TOKEN_REQUEST_URL|CACHE_URL|RESULTS_URL|CACHE_SERVICE_V2)$/i,
    /^GITHUB_(TOKEN|OUTPUT|STATE|ENV|PATH|STEP_SUMMARY)$/i,
];
/** The environment a child process gets: `base` (default: this process's) without what is withheld. */
function childEnvironment(base = process.env) {
    const env = {};
    for (const [key, value] of Object.entries(base)) {
        if (value !== undefined && !WITHHELD.some((pattern) => pattern.test(key)))
            env[key] = value;
    }
    return env;
}
/** The CommandRunner of the actions: @actions/exec, exit codes returned rather than thrown. */
const execRunner = async (command, args, options = {}) => {
    const result = await _actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H(command, [...args], {
        cwd: options.cwd,
        env: childEnvironment(options.env ?? process.env),
        input: options.input,
        silent: !options.echo,
        ignoreReturnCode: true,
    });
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
};
/** The full path of `tool` on PATH, or undefined. */
async function findOnPath(tool) {
    const found = await _actions_io__WEBPACK_IMPORTED_MODULE_1__/* .which */ .K7(tool, false);
    return found === '' ? undefined : found;
}
/** The last `count` non-empty lines of a command's output, for error messages. */
function lastLines(text, count) {
    return text
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '')
        .slice(-count)
        .join('\n');
}


/***/ }),

/***/ 54096:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "7fc80622e4a096c868cf.json";

/***/ })

};
