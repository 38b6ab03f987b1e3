export const id = 470;
export const ids = [470];
export const modules = {

/***/ 96470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ActionsCache: () => (/* binding */ ActionsCache),
/* harmony export */   LocalFolderCache: () => (/* binding */ LocalFolderCache),
/* harmony export */   cacheKey: () => (/* binding */ cacheKey),
/* harmony export */   sourceDigests: () => (/* binding */ sourceDigests)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _lib_digest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8899);
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(97268);





const EXCLUDED = new Set(['node_modules', '.git']);
const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml'];
/** Every source file of the launcher with its sha256 (links by target), sorted by path. */
async function sourceDigests(launcherDir, buildOutput, exclude = []) {
    const output = buildOutput.replace(/^\.\//, '').replace(/\/+$/, '');
    const excluded = new Set(exclude.map((path) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(path)));
    const digests = {};
    async function walk(relative) {
        for (const name of (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(launcherDir, relative))).sort()) {
            const path = relative === '' ? name : `${relative}/${name}`;
            if ((relative === '' && EXCLUDED.has(name)) || path === output)
                continue;
            const full = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(launcherDir, path);
            if (excluded.has((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(full)))
                continue;
            const stat = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(full);
            if (stat.isDirectory())
                await walk(path);
            else if (stat.isSymbolicLink())
                digests[path] = `link:${await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readlink)(full)}`;
            else if (stat.isFile())
                digests[path] = `${(stat.mode & 0o111) !== 0 ? 'x' : '-'}${await (0,_lib_digest_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256File */ .Q3)(full)}`;
        }
    }
    await walk('');
    return digests;
}
/** The cache key: `quick-launcher-build-<sha256>` of sources, lockfile, variables and commands. */
async function cacheKey(inputs) {
    const sources = await sourceDigests(inputs.launcherDir, inputs.buildOutput, inputs.exclude);
    const lockfiles = {};
    for (const name of LOCKFILES) {
        const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(inputs.launcherDir, name)).catch(() => undefined);
        if (text)
            lockfiles[name] = (0,_lib_digest_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256 */ .sc)(text);
    }
    const digest = (0,_lib_digest_js__WEBPACK_IMPORTED_MODULE_3__/* .digestOf */ .ol)({
        schema: 1,
        sources,
        lockfiles,
        variables: inputs.variables,
        install: inputs.installCommand,
        build: inputs.buildCommand,
        output: inputs.buildOutput,
        // Native modules and bundlers may differ between platforms and Node majors.
        platform: `${process.platform}-${process.arch}-node${process.versions.node.split('.')[0]}`,
    });
    return `quick-launcher-build-${digest.slice('sha256:'.length)}`;
}
/** A cache in a local folder: one sub-folder per key, written aside and renamed into place. */
class LocalFolderCache {
    root;
    logger;
    description;
    constructor(root, logger) {
        this.root = root;
        this.logger = logger;
        this.description = `local folder ${root}`;
    }
    async restore(key, dir) {
        const entry = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.root, key);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(entry, 'index.html'));
        }
        catch {
            return false;
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.cp)(entry, dir, { recursive: true, verbatimSymlinks: true });
        return true;
    }
    async save(key, dir) {
        const entry = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.root, key);
        const partial = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.root, `.${key}.partial-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(entry), { recursive: true });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.cp)(dir, partial, { recursive: true, verbatimSymlinks: true });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(entry, { recursive: true, force: true });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(partial, entry);
        }
        catch (error) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(partial, { recursive: true, force: true }).catch(() => undefined);
            this.logger.warning(`could not save the launcher build to the cache ${this.root}: ${(0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .CA)(error) ?? (0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error)}`);
        }
    }
}
/** The GitHub Actions cache service (@actions/cache), loaded only when the runner offers it. */
class ActionsCache {
    logger;
    description = 'GitHub Actions cache';
    constructor(logger) {
        this.logger = logger;
    }
    /** True when the runner offers its cache service, by @actions/cache's own rule (v2: results URL; v1: cache URL). */
    static available(env) {
        return Boolean(env.ACTIONS_CACHE_SERVICE_V2 ? env.ACTIONS_RESULTS_URL : env.ACTIONS_CACHE_URL);
    }
    async restore(key, dir) {
        const cache = await __webpack_require__.e(/* import() */ 131).then(__webpack_require__.bind(__webpack_require__, 57131));
        try {
            return (await cache.restoreCache([dir], key)) === key;
        }
        catch (error) {
            this.logger.warning(`could not restore the launcher build from the GitHub Actions cache: ${(0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error)}`);
            return false;
        }
    }
    async save(key, dir) {
        const cache = await __webpack_require__.e(/* import() */ 131).then(__webpack_require__.bind(__webpack_require__, 57131));
        try {
            await cache.saveCache([dir], key);
        }
        catch (error) {
            this.logger.warning(`could not save the launcher build to the GitHub Actions cache: ${(0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error)}`);
        }
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


/***/ })

};
