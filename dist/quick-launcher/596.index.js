export const id = 596;
export const ids = [596,122];
export const modules = {

/***/ 14180:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fo: () => (/* binding */ LAUNCHER_DIR),
/* harmony export */   Pj: () => (/* binding */ LAUNCHER_WWW_DIR),
/* harmony export */   gZ: () => (/* binding */ SETTINGS_TEMPLATE_PATHS),
/* harmony export */   yB: () => (/* binding */ DISTRIBUTION_KIND)
/* harmony export */ });
/**
 * Where the Quick Launcher sits inside a Cloud Pipeline distribution (`cloud-pipeline.<version>.tgz`)
 * and inside the launcher archive. build-dist-with-launcher writes these paths; render-edge-config
 * and deploy-quick-launcher read them. Changing one is a breaking change of the hand-off.
 */
const DISTRIBUTION_KIND = 'distribution';
/** The launcher's folder at the root of the distribution. */
const LAUNCHER_DIR = 'quick-launcher';
/** The built launcher (index.html, js/, css/, assets/). */
const LAUNCHER_WWW_DIR = `${LAUNCHER_DIR}/www`;
/** The default settings templates that render-edge-config uses when no override is given. */
const SETTINGS_TEMPLATE_PATHS = {
    app: `${LAUNCHER_DIR}/templates/app-launcher.json.hbs`,
    tool: `${LAUNCHER_DIR}/templates/tool-launcher.json.hbs`,
};


/***/ }),

/***/ 55634:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CS: () => (/* binding */ listFiles),
/* harmony export */   HN: () => (/* binding */ writeManifest),
/* harmony export */   TX: () => (/* binding */ verifyManifest),
/* harmony export */   WI: () => (/* binding */ readManifest),
/* harmony export */   h1: () => (/* binding */ MANIFEST_FILE)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8899);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(97268);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(18453);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(87471);






/**
 * The hand-off between jobs (SPEC §2): every action writes its output folder with a
 * `manifest.json` listing each file with its size and sha256, and a consumer verifies the
 * folder against it before using anything in it.
 */
const MANIFEST_FILE = 'manifest.json';
const MANIFEST_SCHEMA = 1;
/** A folder entry that a hand-off folder may not hold. */
class FolderEntryError extends _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1 {
    path;
    constructor(path, detail) {
        super(`${path}: ${detail}`);
        this.path = path;
    }
}
/** Every regular file under `dir` as a sorted POSIX relative path, the root manifest excluded. */
async function listFiles(dir) {
    const found = [];
    async function walk(relative) {
        const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, relative), { withFileTypes: true });
        for (const entry of entries) {
            const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
            if (entry.isDirectory())
                await walk(path);
            else if (entry.isFile())
                found.push(path);
            else
                throw new FolderEntryError(path, 'is not a regular file or folder (links and devices are refused)');
        }
    }
    await walk('');
    return found.filter((path) => path !== MANIFEST_FILE).sort();
}
/** Measures `dir` and returns its manifest (not written). */
async function createManifest(dir, header) {
    const files = [];
    for (const path of await listFiles(dir)) {
        const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, path);
        files.push({ path, size: (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(full)).size, sha256: await (0,_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256File */ .Q3)(full) });
    }
    return {
        schema: MANIFEST_SCHEMA,
        kind: header.kind,
        producer: { name: _version_js__WEBPACK_IMPORTED_MODULE_5__/* .PRODUCER_NAME */ .n, action: header.action, version: _version_js__WEBPACK_IMPORTED_MODULE_5__/* .PRODUCER_VERSION */ .O },
        inputsDigest: header.inputsDigest,
        files,
    };
}
/** Measures `dir` and writes its `manifest.json`. */
async function writeManifest(dir, header) {
    const manifest = await createManifest(dir, header);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
}
function isManifest(value) {
    if (!value || typeof value !== 'object')
        return false;
    const candidate = value;
    return (typeof candidate.kind === 'string' &&
        typeof candidate.inputsDigest === 'string' &&
        Array.isArray(candidate.files) &&
        candidate.files.every((file) => typeof file?.path === 'string' && typeof file.size === 'number' && typeof file.sha256 === 'string'));
}
/** Reads `dir/manifest.json`, or undefined when the folder has none. */
async function readManifest(dir, input) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, MANIFEST_FILE);
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error) === 'ENOENT')
            return undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `cannot read ${path}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error) ?? String(error)}`);
    }
    let value;
    try {
        value = (0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .parseJson */ .qF)(text, path);
    }
    catch (error) {
        if (!(error instanceof _json_js__WEBPACK_IMPORTED_MODULE_4__/* .JsonSyntaxError */ .q3))
            throw error;
        const { line, column } = error.location;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${path} is not valid JSON at line ${line}, column ${column}: ${error.detail}`);
    }
    if (!isManifest(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${path} is not a quick-launcher-actions manifest`);
    const schema = value.schema;
    if (schema !== MANIFEST_SCHEMA) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${path} has schema ${JSON.stringify(schema)}; this version reads schema ${MANIFEST_SCHEMA}`);
    }
    const seen = new Set();
    for (const file of value.files) {
        const problem = entryPathProblem(file.path);
        if (problem)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${path} lists ${JSON.stringify(file.path)}, which ${problem}`);
        if (seen.has(file.path))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${path} lists ${JSON.stringify(file.path)} twice`);
        seen.add(file.path);
    }
    return value;
}
/**
 * Why a manifest entry is not the relative POSIX path of a file inside its folder (as listFiles
 * writes them: no leading `/`, no `.`, `..` or empty segment, no backslash), or undefined.
 */
function entryPathProblem(path) {
    if (path.startsWith('/') || /^[A-Za-z]:/.test(path))
        return 'is an absolute path, not a path inside the folder';
    const segments = path.split('/');
    if (segments.includes('..'))
        return "has a '..' segment: it would name a file outside the folder";
    if (path.includes('\\') || path.includes('\0'))
        return 'has a backslash or NUL byte, which a file listed here never has';
    if (segments.some((segment) => segment === '' || segment === '.'))
        return "has an empty or '.' segment, which a file listed here never has";
    if (path === MANIFEST_FILE)
        return 'is the manifest itself';
    return undefined;
}
/**
 * Verifies a hand-off folder against its manifest before it is used: the kind must match and a
 * missing, extra or altered file is an error naming that file and the input that gave the folder.
 */
async function verifyManifest(dir, kind, input) {
    const manifest = await readManifest(dir, input);
    if (!manifest)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${dir} has no ${MANIFEST_FILE}; pass the output folder of the producing action`);
    if (manifest.kind !== kind) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${dir} holds '${manifest.kind}', expected '${kind}'`);
    }
    let actual;
    try {
        actual = await listFiles(dir);
    }
    catch (error) {
        if (error instanceof FolderEntryError)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, error.path)}: ${error.message}`);
        throw error;
    }
    const listed = new Map(manifest.files.map((file) => [file.path, file]));
    for (const path of actual) {
        if (!listed.has(path))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, path)} is not listed in ${MANIFEST_FILE}`);
    }
    const present = new Set(actual);
    for (const file of manifest.files) {
        const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, file.path);
        if (!present.has(file.path))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${full} is listed in ${MANIFEST_FILE} but missing`);
        const size = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(full)).size;
        if (size !== file.size || (await (0,_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256File */ .Q3)(full)) !== file.sha256) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${full} does not match its sha256 in ${MANIFEST_FILE} (altered after it was produced)`);
        }
    }
    return manifest;
}


/***/ }),

/***/ 19267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ StagedOutput),
/* harmony export */   n: () => (/* binding */ writeOutputFolder)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(97268);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(55634);





function assertRelative(path) {
    if (path === '' || path.startsWith('/') || path.split('/').some((part) => part === '..' || part === '')) {
        throw new Error(`internal: output path '${path}' is not a plain relative path`);
    }
}
/**
 * Checks that `dir` may be (re)written: it must not exist, be empty, or hold an earlier output
 * of the same kind. Anything else is the user's folder and is never deleted.
 */
async function assertReplaceable(dir, kind, input) {
    let entries;
    try {
        entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir);
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error) === 'ENOENT')
            return;
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error) === 'ENOTDIR')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${dir} exists and is not a folder`);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `cannot read ${dir}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error) ?? String(error)}`);
    }
    if (entries.length === 0)
        return;
    const manifest = await (0,_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .readManifest */ .WI)(dir, input).catch(() => undefined);
    if (manifest?.kind !== kind) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${dir} is not empty and does not hold an earlier '${kind}' output; refusing to replace it`);
    }
    // An earlier output with a file of the user's beside it is replaced only when nothing would be
    // lost: every file there is the manifest's own.
    const listed = new Set([_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .MANIFEST_FILE */ .h1, ...manifest.files.map((file) => file.path)]);
    const files = await (0,_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .listFiles */ .CS)(dir).catch((error) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${dir}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}; refusing to replace the folder`);
    });
    const foreign = files.find((path) => !listed.has(path));
    if (foreign !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, foreign)} is not part of the earlier '${kind}' output in ${dir}; refusing to replace the folder (move the file away, or use another folder)`);
    }
}
/**
 * A staging folder beside the output folder: the caller fills it, `commit()` writes the manifest
 * and swaps it into place, `discard()` removes it. A failure before `commit()` leaves the output
 * folder as it was.
 */
class StagedOutput {
    dir;
    staging;
    header;
    constructor(dir, staging, header) {
        this.dir = dir;
        this.staging = staging;
        this.header = header;
    }
    static async open(dir, header, input) {
        const target = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(dir);
        await assertReplaceable(target, header.kind, input);
        const staging = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(target), `.${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(target)}.partial-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(staging, { recursive: true });
        }
        catch (error) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `cannot create ${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(target)}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error) ?? String(error)}`);
        }
        return new StagedOutput(target, staging, header);
    }
    async write(file) {
        assertRelative(file.path);
        const full = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.staging, file.path);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(full), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(full, file.content);
    }
    async commit() {
        const manifest = await (0,_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .writeManifest */ .HN)(this.staging, this.header);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(this.dir, { recursive: true, force: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(this.staging, this.dir);
        return manifest;
    }
    async discard() {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(this.staging, { recursive: true, force: true });
    }
}
/** Writes `files` as the output folder `dir` with its manifest, all or nothing. */
async function writeOutputFolder(dir, files, header, input = 'output-dir') {
    const output = await StagedOutput.open(dir, header, input);
    try {
        for (const file of files)
            await output.write(file);
        return await output.commit();
    }
    catch (error) {
        await output.discard();
        throw error;
    }
}


/***/ }),

/***/ 75418:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MW: () => (/* binding */ extractArchiveSafely),
/* harmony export */   dR: () => (/* binding */ DEFAULT_LIMITS),
/* harmony export */   p$: () => (/* binding */ checkFolder),
/* harmony export */   vF: () => (/* binding */ UnsafeEntryError),
/* harmony export */   xt: () => (/* binding */ readTreeFile)
/* harmony export */ });
/* unused harmony export EntryChecker */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var tar__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(98697);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(97268);





/** Defaults sized for a Cloud Pipeline distribution (hundreds of MB of jars and tarballs). */
const DEFAULT_LIMITS = {
    maxEntrySize: 2 * 1024 ** 3,
    maxTotalSize: 8 * 1024 ** 3,
    maxEntries: 200_000,
};
/** An entry that may not be read; `entry` is its path as written in the archive or folder. */
class UnsafeEntryError extends _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1 {
    source;
    entry;
    reason;
    name = 'UnsafeEntryError';
    constructor(source, entry, reason) {
        super(`${source}: entry '${entry}' ${reason}`);
        this.source = source;
        this.entry = entry;
        this.reason = reason;
    }
}
const REGULAR = new Set(['File', 'OldFile', 'ContiguousFile']);
const DEVICES = new Set(['CharacterDevice', 'BlockDevice', 'FIFO']);
/** Checks entries one by one, remembering links and sizes seen so far. */
class EntryChecker {
    source;
    limits;
    links = [];
    total = 0;
    count = 0;
    constructor(source, limits = DEFAULT_LIMITS) {
        this.source = source;
        this.limits = limits;
    }
    /** The normalized relative path of a safe entry ('' for the root folder); throws otherwise. */
    check(facts) {
        const refuse = (reason) => {
            throw new UnsafeEntryError(this.source, facts.path, reason);
        };
        const raw = facts.path;
        if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw))
            refuse('has an absolute path');
        if (raw.includes('\\'))
            refuse('has a backslash in its path (a Windows path separator)');
        if (raw.includes('\0'))
            refuse('has a NUL byte in its path');
        const parts = raw.split('/').filter((part) => part !== '' && part !== '.');
        if (parts.includes('..'))
            refuse("has a '..' segment in its path");
        const path = parts.join('/');
        if (this.links.some((link) => path.startsWith(`${link}/`)))
            refuse('is inside a symbolic link');
        if (facts.type === 'Link')
            refuse('is a hard link');
        if (DEVICES.has(facts.type))
            refuse(`is a device or FIFO (${facts.type})`);
        if (!REGULAR.has(facts.type) && facts.type !== 'Directory' && facts.type !== 'SymbolicLink') {
            refuse(`has an unsupported type (${facts.type})`);
        }
        if (facts.type === 'SymbolicLink') {
            const target = facts.linkpath ?? '';
            if (target === '' || target.startsWith('/') || /^[A-Za-z]:/.test(target)) {
                refuse(`is a link to '${target}' outside the tree`);
            }
            const resolved = node_path__WEBPACK_IMPORTED_MODULE_2__.posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_2__.posix.join(node_path__WEBPACK_IMPORTED_MODULE_2__.posix.dirname(path), target));
            if (resolved === '..' || resolved.startsWith('../'))
                refuse(`is a link to '${target}' outside the tree`);
            this.links.push(path);
        }
        if (facts.size > this.limits.maxEntrySize) {
            refuse(`is oversize (${facts.size} bytes; the limit is ${this.limits.maxEntrySize})`);
        }
        this.total += facts.size;
        this.count += 1;
        if (this.total > this.limits.maxTotalSize)
            refuse(`takes the total size past ${this.limits.maxTotalSize} bytes`);
        if (this.count > this.limits.maxEntries)
            refuse(`takes the entry count past ${this.limits.maxEntries}`);
        return path;
    }
}
/** Lists and checks every entry of a .tgz (or .tar) without extracting anything. */
async function checkArchive(archive, limits = DEFAULT_LIMITS) {
    const checker = new EntryChecker(archive, limits);
    const paths = [];
    let refused;
    let last;
    try {
        await tar__WEBPACK_IMPORTED_MODULE_3__.t({
            file: archive,
            strict: true,
            onReadEntry: (entry) => {
                entry.resume();
                if (refused)
                    return;
                try {
                    const path = checker.check({ path: entry.path, type: entry.type, size: entry.size ?? 0, linkpath: entry.linkpath });
                    last = entry.path;
                    if (path !== '')
                        paths.push(path);
                }
                catch (error) {
                    if (error instanceof UnsafeEntryError)
                        refused = error;
                    else
                        throw error;
                }
            },
        });
    }
    catch (error) {
        if (refused)
            throw refused;
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .CA)(error) === 'ENOENT')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`${archive} does not exist`);
        // Corrupt gzip or tar data: name the last good entry so the damage can be located.
        if (last === undefined)
            throw new UnsafeEntryError(archive, '(first entry)', `cannot be read: corrupt archive (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error)})`);
        throw new UnsafeEntryError(archive, last, `is truncated or followed by corrupt data (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error)})`);
    }
    if (refused)
        throw refused;
    return paths;
}
/** Checks a .tgz completely, then extracts it into `dest` (which must be empty or absent). */
async function extractArchiveSafely(archive, dest, limits = DEFAULT_LIMITS) {
    const paths = await checkArchive(archive, limits);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dest, { recursive: true });
    await tar__WEBPACK_IMPORTED_MODULE_3__.x({ file: archive, cwd: dest, strict: true, preserveOwner: false });
    return paths;
}
/** Walks a folder given as a distribution and checks each entry the same way as an archive's. */
async function checkFolder(dir, limits = DEFAULT_LIMITS) {
    const checker = new EntryChecker(dir, limits);
    const paths = [];
    async function walk(relative) {
        for (const name of (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, relative))).sort()) {
            const path = relative === '' ? name : `${relative}/${name}`;
            const stat = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, path));
            const type = stat.isDirectory()
                ? 'Directory'
                : stat.isFile()
                    ? 'File'
                    : stat.isSymbolicLink()
                        ? 'SymbolicLink'
                        : stat.isFIFO()
                            ? 'FIFO'
                            : stat.isCharacterDevice()
                                ? 'CharacterDevice'
                                : stat.isBlockDevice()
                                    ? 'BlockDevice'
                                    : 'Socket';
            const linkpath = type === 'SymbolicLink' ? await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readlink)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, path)) : undefined;
            paths.push(checker.check({ path, type, size: stat.isFile() ? stat.size : 0, linkpath }));
            if (type === 'Directory')
                await walk(path);
        }
    }
    await walk('');
    return paths;
}
function typeOf(stat) {
    return stat.isDirectory() ? 'Directory' : stat.isFile() ? 'File' : stat.isSymbolicLink() ? 'SymbolicLink' : 'Other';
}
/**
 * Reads one regular file of a folder given as a distribution under the rules an archive entry is
 * read by (`readArchiveFile` reads only regular file entries): every folder on the way must be a
 * real folder and the file a regular file with one name, so no link or hard link can point the
 * read at a file outside the tree. Undefined when some part of the path does not exist.
 */
async function readTreeFile(dir, path, limits = DEFAULT_LIMITS) {
    const checker = new EntryChecker(dir, limits);
    const parts = checker.check({ path, type: 'File', size: 0 }).split('/');
    for (let index = 0; index < parts.length; index += 1) {
        const relative = parts.slice(0, index + 1).join('/');
        const last = index === parts.length - 1;
        let stat;
        try {
            stat = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, relative));
        }
        catch (error) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .CA)(error) === 'ENOENT' || (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .CA)(error) === 'ENOTDIR')
                return undefined;
            throw new UnsafeEntryError(dir, relative, `cannot be read (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .CA)(error) ?? (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error)})`);
        }
        const type = typeOf(stat);
        if (type === 'SymbolicLink') {
            const target = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readlink)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, relative));
            throw new UnsafeEntryError(dir, relative, last ? `is a symbolic link (to '${target}'); only a regular file is read` : `is a symbolic link (to '${target}'), and ${path} lies through it`);
        }
        if (!last && type !== 'Directory')
            return undefined;
        if (last && type !== 'File')
            throw new UnsafeEntryError(dir, relative, 'is not a regular file');
        if (last && stat.nlink > 1)
            throw new UnsafeEntryError(dir, relative, `is a hard link (${stat.nlink} names for one file)`);
        if (last && stat.size > limits.maxEntrySize) {
            throw new UnsafeEntryError(dir, relative, `is oversize (${stat.size} bytes; the limit is ${limits.maxEntrySize})`);
        }
    }
    // O_NOFOLLOW: a link swapped in after the checks is refused by the kernel, not followed.
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, ...parts), node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW).catch((error) => {
        throw new UnsafeEntryError(dir, path, `cannot be read (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .CA)(error) ?? (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error)})`);
    });
    try {
        const stat = await handle.stat();
        if (!stat.isFile() || stat.nlink > 1)
            throw new UnsafeEntryError(dir, path, 'changed while it was checked');
        return await handle.readFile();
    }
    finally {
        await handle.close();
    }
}


/***/ }),

/***/ 87471:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ PRODUCER_VERSION),
/* harmony export */   n: () => (/* binding */ PRODUCER_NAME)
/* harmony export */ });
/** The producer recorded in every manifest.json. Kept equal to package.json by a test. */
const PRODUCER_NAME = 'quick-launcher-actions';
const PRODUCER_VERSION = '1.0.0';


/***/ }),

/***/ 12122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   childEnvironment: () => (/* binding */ childEnvironment),
/* harmony export */   execRunner: () => (/* binding */ execRunner),
/* harmony export */   findOnPath: () => (/* binding */ findOnPath),
/* harmony export */   lastLines: () => (/* binding */ lastLines)
/* harmony export */ });
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
        ...(options.onOutput ? { listeners: { stdout: (data) => options.onOutput?.(data.toString()), stderr: (data) => options.onOutput?.(data.toString()) } } : {}),
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


/***/ })

};
