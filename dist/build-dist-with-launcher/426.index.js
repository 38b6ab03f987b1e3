export const id = 426;
export const ids = [426,168];
export const modules = {

/***/ 3426:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildDistWithLauncher: () => (/* binding */ buildDistWithLauncher),
  execute: () => (/* binding */ execute)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/lib/digest.ts


/** Hex sha256 of a string or bytes. */
function sha256(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}
/** Hex sha256 of a file, streamed. */
async function digest_sha256File(path) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(path))
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

;// CONCATENATED MODULE: ./src/lib/distribution-layout.ts
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

// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
;// CONCATENATED MODULE: ./src/lib/json.ts


/** 1-based line and column of a character offset in `text`. */
function positionOf(text, offset) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
}
class Stop extends Error {
    offset;
    constructor(offset) {
        super('json syntax error');
        this.offset = offset;
    }
}
/**
 * The offset of the first syntax error in `text` (-1 when there is none), found by a small
 * recursive-descent scan. Node's JSON.parse names a position only for some errors ("Unexpected
 * token 'x', … is not valid JSON" has none), and a user wants a line and column for every one.
 */
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
/** Text that is not JSON: where (file, line, column) and what was found there. */
class JsonSyntaxError extends errors/* FileError */.f6 {
    location;
    detail;
    name = 'JsonSyntaxError';
    constructor(location, 
    /** What is wrong, e.g. `unexpected '}' (Expected double-quoted property name)`. */
    detail) {
        super(location, `malformed JSON: ${detail}`);
        this.location = location;
        this.detail = detail;
    }
}
/**
 * JSON.parse with an error that names the file, line and column (1-based). Callers that report
 * an input rather than a file turn the JsonSyntaxError's location and detail into an InputError.
 */
function parseJson(text, file) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        const found = jsonErrorOffset(text);
        const offset = found < 0 ? text.length : found;
        const what = offset >= text.length ? 'end of file' : `'${text[offset]}'`;
        // Node's own wording, without the offset (the line and column replace it) or the quoted text.
        const reason = error.message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*$/s, '');
        throw new JsonSyntaxError({ file, ...positionOf(text, offset) }, `unexpected ${what} (${reason})`);
    }
}
function problemOf(errors) {
    // allErrors is off: ajv stops at the first failure, except that a propertyNames failure comes
    // with the error of the key that broke it first.
    const error = errors?.find((each) => each.propertyName !== undefined) ?? errors?.[0];
    const pointer = error?.instancePath ?? '';
    const extra = error?.keyword === 'additionalProperties' ? ` '${String(error.params.additionalProperty)}'` : '';
    return {
        pointer,
        path: pointer.replace(/^\//, '').replaceAll('/', '.') || '(top level)',
        message: `${error?.message ?? 'is invalid'}${extra}`,
        ...(error?.propertyName !== undefined ? { propertyName: error.propertyName } : {}),
    };
}
const loaded = new Map();
/**
 * Compiles a JSON schema file (draft-07, ajv strict mode), once per process. `url` must be written
 * as `new URL('<relative path>/schemas/<file>', import.meta.url)` at the caller, so that ncc
 * copies the file into the bundle. ajv is imported here, on first use, and never by the modules
 * that parse inputs: loading it is a good part of a bundle's start-up time (issue 13).
 */
function loadSchema(url) {
    let schema = loaded.get(url.href);
    if (!schema) {
        schema = compile(url);
        loaded.set(url.href, schema);
    }
    return schema;
}
async function compile(url) {
    const [ajvModule, text] = await Promise.all([__webpack_require__.e(/* import() */ 463).then(__webpack_require__.t.bind(__webpack_require__, 2463, 23)), readFile(url, 'utf8')]);
    // ajv is CommonJS: its module.exports (`default` under Node and under ncc's webpack alike) is the
    // constructor and carries `Ajv`; ncc's namespace for a dynamic import has no named exports.
    const { Ajv } = ajvModule.default;
    const document = JSON.parse(text);
    // ncc renames the file; the $id keeps the published name.
    const name = `schemas/${document.$id.split('/').pop() ?? ''}`;
    const ajv = new Ajv({ strict: true, allErrors: false });
    const whole = ajv.compile(document);
    const definitions = new Map();
    return {
        name,
        check(value, definition) {
            let validate = whole;
            if (definition !== undefined) {
                const found = definitions.get(definition) ?? ajv.getSchema(`${document.$id}${definition}`);
                if (!found)
                    throw new Error(`internal: ${name} has no ${definition}`);
                definitions.set(definition, found);
                validate = found;
            }
            return validate(value) ? undefined : problemOf(validate.errors);
        },
    };
}

;// CONCATENATED MODULE: ./src/lib/version.ts
/** The producer recorded in every manifest.json. Kept equal to package.json by a test. */
const PRODUCER_NAME = 'quick-launcher-actions';
const PRODUCER_VERSION = '1.0.0';

;// CONCATENATED MODULE: ./src/lib/manifest.ts






/**
 * The hand-off between jobs (SPEC §2): every action writes its output folder with a
 * `manifest.json` listing each file with its size and sha256, and a consumer verifies the
 * folder against it before using anything in it.
 */
const MANIFEST_FILE = 'manifest.json';
const MANIFEST_SCHEMA = 1;
/** A folder entry that a hand-off folder may not hold. */
class FolderEntryError extends errors/* ConfigurationError */.j1 {
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
        const entries = await (0,promises_.readdir)((0,external_node_path_.join)(dir, relative), { withFileTypes: true });
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
        const full = (0,external_node_path_.join)(dir, path);
        files.push({ path, size: (await (0,promises_.lstat)(full)).size, sha256: await digest_sha256File(full) });
    }
    return {
        schema: MANIFEST_SCHEMA,
        kind: header.kind,
        producer: { name: PRODUCER_NAME, action: header.action, version: PRODUCER_VERSION },
        inputsDigest: header.inputsDigest,
        files,
    };
}
/** Measures `dir` and writes its `manifest.json`. */
async function writeManifest(dir, header) {
    const manifest = await createManifest(dir, header);
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
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
    const path = (0,external_node_path_.join)(dir, MANIFEST_FILE);
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        if ((0,errors/* errorCode */.CA)(error) === 'ENOENT')
            return undefined;
        throw new errors/* InputError */.dz(input, `cannot read ${path}: ${(0,errors/* errorCode */.CA)(error) ?? String(error)}`);
    }
    let value;
    try {
        value = parseJson(text, path);
    }
    catch (error) {
        if (!(error instanceof JsonSyntaxError))
            throw error;
        const { line, column } = error.location;
        throw new errors/* InputError */.dz(input, `${path} is not valid JSON at line ${line}, column ${column}: ${error.detail}`);
    }
    if (!isManifest(value))
        throw new errors/* InputError */.dz(input, `${path} is not a quick-launcher-actions manifest`);
    const schema = value.schema;
    if (schema !== MANIFEST_SCHEMA) {
        throw new errors/* InputError */.dz(input, `${path} has schema ${JSON.stringify(schema)}; this version reads schema ${MANIFEST_SCHEMA}`);
    }
    const seen = new Set();
    for (const file of value.files) {
        const problem = entryPathProblem(file.path);
        if (problem)
            throw new errors/* InputError */.dz(input, `${path} lists ${JSON.stringify(file.path)}, which ${problem}`);
        if (seen.has(file.path))
            throw new errors/* InputError */.dz(input, `${path} lists ${JSON.stringify(file.path)} twice`);
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
        throw new InputError(input, `${dir} has no ${MANIFEST_FILE}; pass the output folder of the producing action`);
    if (manifest.kind !== kind) {
        throw new InputError(input, `${dir} holds '${manifest.kind}', expected '${kind}'`);
    }
    let actual;
    try {
        actual = await listFiles(dir);
    }
    catch (error) {
        if (error instanceof FolderEntryError)
            throw new InputError(input, `${join(dir, error.path)}: ${error.message}`);
        throw error;
    }
    const listed = new Map(manifest.files.map((file) => [file.path, file]));
    for (const path of actual) {
        if (!listed.has(path))
            throw new InputError(input, `${join(dir, path)} is not listed in ${MANIFEST_FILE}`);
    }
    const present = new Set(actual);
    for (const file of manifest.files) {
        const full = join(dir, file.path);
        if (!present.has(file.path))
            throw new InputError(input, `${full} is listed in ${MANIFEST_FILE} but missing`);
        const size = (await lstat(full)).size;
        if (size !== file.size || (await sha256File(full)) !== file.sha256) {
            throw new InputError(input, `${full} does not match its sha256 in ${MANIFEST_FILE} (altered after it was produced)`);
        }
    }
    return manifest;
}

;// CONCATENATED MODULE: ./src/lib/output-folder.ts





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
        entries = await (0,promises_.readdir)(dir);
    }
    catch (error) {
        if ((0,errors/* errorCode */.CA)(error) === 'ENOENT')
            return;
        if ((0,errors/* errorCode */.CA)(error) === 'ENOTDIR')
            throw new errors/* InputError */.dz(input, `${dir} exists and is not a folder`);
        throw new errors/* InputError */.dz(input, `cannot read ${dir}: ${(0,errors/* errorCode */.CA)(error) ?? String(error)}`);
    }
    if (entries.length === 0)
        return;
    const manifest = await readManifest(dir, input).catch(() => undefined);
    if (manifest?.kind !== kind) {
        throw new errors/* InputError */.dz(input, `${dir} is not empty and does not hold an earlier '${kind}' output; refusing to replace it`);
    }
    // An earlier output with a file of the user's beside it is replaced only when nothing would be
    // lost: every file there is the manifest's own.
    const listed = new Set([MANIFEST_FILE, ...manifest.files.map((file) => file.path)]);
    const files = await listFiles(dir).catch((error) => {
        throw new errors/* InputError */.dz(input, `${dir}: ${(0,errors/* errorMessage */.gJ)(error)}; refusing to replace the folder`);
    });
    const foreign = files.find((path) => !listed.has(path));
    if (foreign !== undefined) {
        throw new errors/* InputError */.dz(input, `${(0,external_node_path_.join)(dir, foreign)} is not part of the earlier '${kind}' output in ${dir}; refusing to replace the folder (move the file away, or use another folder)`);
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
        const target = (0,external_node_path_.resolve)(dir);
        await assertReplaceable(target, header.kind, input);
        const staging = (0,external_node_path_.join)((0,external_node_path_.dirname)(target), `.${(0,external_node_path_.basename)(target)}.partial-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`);
        try {
            await (0,promises_.mkdir)(staging, { recursive: true });
        }
        catch (error) {
            throw new errors/* InputError */.dz(input, `cannot create ${(0,external_node_path_.dirname)(target)}: ${(0,errors/* errorCode */.CA)(error) ?? String(error)}`);
        }
        return new StagedOutput(target, staging, header);
    }
    async write(file) {
        assertRelative(file.path);
        const full = (0,external_node_path_.join)(this.staging, file.path);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(full), { recursive: true });
        await (0,promises_.writeFile)(full, file.content);
    }
    async commit() {
        const manifest = await writeManifest(this.staging, this.header);
        await (0,promises_.rm)(this.dir, { recursive: true, force: true });
        await (0,promises_.rename)(this.staging, this.dir);
        return manifest;
    }
    async discard() {
        await (0,promises_.rm)(this.staging, { recursive: true, force: true });
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

// EXTERNAL MODULE: ./src/lib/runner-temp.ts
var runner_temp = __webpack_require__(3940);
// EXTERNAL MODULE: ./node_modules/tar/dist/esm/index.min.js
var index_min = __webpack_require__(8697);
;// CONCATENATED MODULE: ./src/lib/safe-extract.ts





/** Defaults sized for a Cloud Pipeline distribution (hundreds of MB of jars and tarballs). */
const DEFAULT_LIMITS = {
    maxEntrySize: 2 * 1024 ** 3,
    maxTotalSize: 8 * 1024 ** 3,
    maxEntries: 200_000,
};
/** An entry that may not be read; `entry` is its path as written in the archive or folder. */
class UnsafeEntryError extends errors/* ConfigurationError */.j1 {
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
            const resolved = external_node_path_.posix.normalize(external_node_path_.posix.join(external_node_path_.posix.dirname(path), target));
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
        await index_min.t({
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
        if ((0,errors/* errorCode */.CA)(error) === 'ENOENT')
            throw new errors/* ConfigurationError */.j1(`${archive} does not exist`);
        // Corrupt gzip or tar data: name the last good entry so the damage can be located.
        if (last === undefined)
            throw new UnsafeEntryError(archive, '(first entry)', `cannot be read: corrupt archive (${(0,errors/* errorMessage */.gJ)(error)})`);
        throw new UnsafeEntryError(archive, last, `is truncated or followed by corrupt data (${(0,errors/* errorMessage */.gJ)(error)})`);
    }
    if (refused)
        throw refused;
    return paths;
}
/** Checks a .tgz completely, then extracts it into `dest` (which must be empty or absent). */
async function extractArchiveSafely(archive, dest, limits = DEFAULT_LIMITS) {
    const paths = await checkArchive(archive, limits);
    await (0,promises_.mkdir)(dest, { recursive: true });
    await index_min.x({ file: archive, cwd: dest, strict: true, preserveOwner: false });
    return paths;
}
/** Walks a folder given as a distribution and checks each entry the same way as an archive's. */
async function checkFolder(dir, limits = DEFAULT_LIMITS) {
    const checker = new EntryChecker(dir, limits);
    const paths = [];
    async function walk(relative) {
        for (const name of (await (0,promises_.readdir)((0,external_node_path_.join)(dir, relative))).sort()) {
            const path = relative === '' ? name : `${relative}/${name}`;
            const stat = await (0,promises_.lstat)((0,external_node_path_.join)(dir, path));
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
            const linkpath = type === 'SymbolicLink' ? await (0,promises_.readlink)((0,external_node_path_.join)(dir, path)) : undefined;
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
            stat = await lstat(join(dir, relative));
        }
        catch (error) {
            if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR')
                return undefined;
            throw new UnsafeEntryError(dir, relative, `cannot be read (${errorCode(error) ?? errorMessage(error)})`);
        }
        const type = typeOf(stat);
        if (type === 'SymbolicLink') {
            const target = await readlink(join(dir, relative));
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
    const handle = await open(join(dir, ...parts), constants.O_RDONLY | constants.O_NOFOLLOW).catch((error) => {
        throw new UnsafeEntryError(dir, path, `cannot be read (${errorCode(error) ?? errorMessage(error)})`);
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

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/lib/tarball.ts








/**
 * Byte-identical tarballs: the same entries give the same .tgz on any machine. Entries are
 * sorted, every mtime is one given time, uid/gid are 0 with empty owner names, modes are 0644 for
 * files and 0755 for folders and executables (0777 for links), and the gzip header carries no
 * name, mtime 0 and a fixed OS byte. Written with npm `tar`'s header encoder.
 */
/** The mtime used when neither SOURCE_DATE_EPOCH nor a commit time is known: 1980-01-01T00:00:00Z. */
const FALLBACK_EPOCH = 315532800;
/** The gzip OS byte written into every archive (3 = Unix, what GNU gzip writes on Linux). */
const GZIP_OS_UNIX = 3;
const BLOCK = 512;
function entrySize(entry) {
    if (entry.type !== 'file')
        return 0;
    return 'content' in entry ? entry.content.length : entry.size;
}
function entryMode(entry) {
    if (entry.type === 'directory')
        return 0o755;
    if (entry.type === 'symlink')
        return 0o777;
    return entry.executable ? 0o755 : 0o644;
}
const TYPES = { file: 'File', directory: 'Directory', symlink: 'SymbolicLink' };
/** The header block(s) of one entry: a PAX record first when a path or link is too long for ustar. */
function encodeHeader(entry, mtime) {
    const name = entry.type === 'directory' ? `${entry.path}/` : entry.path;
    const linkpath = entry.type === 'symlink' ? entry.target : undefined;
    const date = new Date(mtime * 1000);
    const header = new index_min/* Header */.Y9({
        path: name,
        mode: entryMode(entry),
        uid: 0,
        gid: 0,
        uname: '',
        gname: '',
        size: entrySize(entry),
        mtime: date,
        type: TYPES[entry.type],
        linkpath,
    });
    const needPax = header.encode();
    const block = header.block;
    if (!block)
        throw new Error(`internal: no tar header for ${entry.path}`);
    if (!needPax)
        return block;
    const pax = new index_min/* Pax */.un({ path: name, linkpath, mtime: date, uid: 0, gid: 0, uname: '', gname: '' }).encode();
    return Buffer.concat([pax, block]);
}
/**
 * Adds the parent folders of every entry, drops duplicates (a later entry wins) and sorts by
 * path, so the archive does not depend on the order the entries were found in.
 */
function normalizeEntries(entries) {
    const byPath = new Map();
    for (const entry of entries) {
        const parts = entry.path.split('/');
        for (let i = 1; i < parts.length; i++) {
            const parent = parts.slice(0, i).join('/');
            if (!byPath.has(parent))
                byPath.set(parent, { type: 'directory', path: parent });
        }
        byPath.set(entry.path, entry);
    }
    return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
async function* tarStream(entries, mtime) {
    for (const entry of entries) {
        yield encodeHeader(entry, mtime);
        if (entry.type !== 'file')
            continue;
        let written = 0;
        if ('content' in entry) {
            yield entry.content;
            written = entry.content.length;
        }
        else {
            for await (const chunk of (0,external_node_fs_.createReadStream)(entry.source)) {
                const buffer = chunk;
                written += buffer.length;
                yield buffer;
            }
            // A file that changed size while archived would corrupt the stream silently.
            if (written !== entry.size)
                throw new Error(`${entry.source} changed while it was archived`);
        }
        const padding = (BLOCK - (written % BLOCK)) % BLOCK;
        if (padding > 0)
            yield Buffer.alloc(padding);
    }
    yield Buffer.alloc(BLOCK * 2);
}
/** Writes `entries` as a reproducible .tgz at `file`. */
async function writeTarball(file, entries, options) {
    const sorted = normalizeEntries(entries);
    await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.from(tarStream(sorted, options.mtime)), (0,external_node_zlib_.createGzip)({ level: 9 }), (0,external_node_fs_.createWriteStream)(file));
    // zlib writes no name and mtime 0; its OS byte depends on the platform it was built for.
    const handle = await (0,promises_.open)(file, 'r+');
    try {
        await handle.write(Buffer.from([GZIP_OS_UNIX]), 0, 1, 9);
    }
    finally {
        await handle.close();
    }
}
/**
 * The entries of a folder tree on disk, paths prefixed with `prefix` (POSIX, no trailing
 * slash; '' for none). Folders, regular files and symbolic links are kept; `skip` drops paths
 * relative to `dir`. Anything else (devices, sockets) is an error naming it.
 */
async function entriesOfFolder(dir, prefix, skip = () => false) {
    const entries = [];
    async function walk(relative) {
        const names = (await (0,promises_.readdir)((0,external_node_path_.join)(dir, relative))).sort();
        for (const name of names) {
            const path = relative === '' ? name : `${relative}/${name}`;
            if (skip(path))
                continue;
            const full = (0,external_node_path_.join)(dir, path);
            const archived = prefix === '' ? path : `${prefix}/${path}`;
            const stat = await (0,promises_.lstat)(full);
            if (stat.isDirectory()) {
                entries.push({ type: 'directory', path: archived });
                await walk(path);
            }
            else if (stat.isFile()) {
                entries.push({ type: 'file', path: archived, source: full, size: stat.size, executable: (stat.mode & 0o111) !== 0 });
            }
            else if (stat.isSymbolicLink()) {
                const target = await (0,promises_.readlink)(full);
                // What the reader refuses is refused here too, naming the entry: an archive we write
                // must be one we (and safe-extract) accept.
                const resolved = external_node_path_.posix.normalize(external_node_path_.posix.join(external_node_path_.posix.dirname(path), target));
                if (target === '' || target.startsWith('/') || resolved === '..' || resolved.startsWith('../')) {
                    throw new errors/* FileError */.f6({ file: full }, `is a symbolic link to '${target}', outside the folder being archived; replace it with the file it points to`);
                }
                entries.push({ type: 'symlink', path: archived, target });
            }
            else {
                throw new errors/* FileError */.f6({ file: full }, 'is not a regular file, folder or link');
            }
        }
    }
    await walk('');
    return entries;
}

// EXTERNAL MODULE: ./src/tools/exec.ts
var exec = __webpack_require__(2122);
;// CONCATENATED MODULE: ./src/actions/build-dist-with-launcher/build-cache.ts





const EXCLUDED = new Set(['node_modules', '.git']);
const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml'];
/**
 * Every source file of the launcher with its sha256 (links by target), sorted by path; not the
 * build output, nor `exclude` (absolute folders: the output and cache folders, should they sit
 * inside the launcher).
 */
async function sourceDigests(launcherDir, buildOutput, exclude = []) {
    const output = buildOutput.replace(/^\.\//, '').replace(/\/+$/, '');
    const excluded = new Set(exclude.map((path) => (0,external_node_path_.resolve)(path)));
    const digests = {};
    async function walk(relative) {
        for (const name of (await (0,promises_.readdir)((0,external_node_path_.join)(launcherDir, relative))).sort()) {
            const path = relative === '' ? name : `${relative}/${name}`;
            if ((relative === '' && EXCLUDED.has(name)) || path === output)
                continue;
            const full = (0,external_node_path_.join)(launcherDir, path);
            if (excluded.has((0,external_node_path_.resolve)(full)))
                continue;
            const stat = await (0,promises_.lstat)(full);
            if (stat.isDirectory())
                await walk(path);
            else if (stat.isSymbolicLink())
                digests[path] = `link:${await (0,promises_.readlink)(full)}`;
            else if (stat.isFile())
                digests[path] = `${(stat.mode & 0o111) !== 0 ? 'x' : '-'}${await digest_sha256File(full)}`;
        }
    }
    await walk('');
    return digests;
}
/** The sha256 of each lockfile the launcher folder has. */
async function lockfileDigests(launcherDir) {
    const lockfiles = {};
    for (const name of LOCKFILES) {
        const text = await (0,promises_.readFile)((0,external_node_path_.join)(launcherDir, name)).catch(() => undefined);
        if (text)
            lockfiles[name] = sha256(text);
    }
    return lockfiles;
}
/** This machine for the cache key: native modules and bundlers may differ between platforms and Node majors. */
function platformOf() {
    return `${process.platform}-${process.arch}-node${process.versions.node.split('.')[0]}`;
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
        const entry = (0,external_node_path_.join)(this.root, key);
        try {
            await (0,promises_.lstat)((0,external_node_path_.join)(entry, 'index.html'));
        }
        catch {
            return false;
        }
        await (0,promises_.cp)(entry, dir, { recursive: true, verbatimSymlinks: true });
        return true;
    }
    async save(key, dir) {
        const entry = (0,external_node_path_.join)(this.root, key);
        const partial = (0,external_node_path_.join)(this.root, `.${key}.partial-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`);
        try {
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(entry), { recursive: true });
            await (0,promises_.cp)(dir, partial, { recursive: true, verbatimSymlinks: true });
            await (0,promises_.rm)(entry, { recursive: true, force: true });
            await (0,promises_.rename)(partial, entry);
        }
        catch (error) {
            await (0,promises_.rm)(partial, { recursive: true, force: true }).catch(() => undefined);
            this.logger.warning(`could not save the launcher build to the cache ${this.root}: ${(0,errors/* errorCode */.CA)(error) ?? (0,errors/* errorMessage */.gJ)(error)}`);
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
        const cache = await __webpack_require__.e(/* import() */ 131).then(__webpack_require__.bind(__webpack_require__, 7131));
        try {
            return (await cache.restoreCache([dir], key)) === key;
        }
        catch (error) {
            this.logger.warning(`could not restore the launcher build from the GitHub Actions cache: ${(0,errors/* errorMessage */.gJ)(error)}`);
            return false;
        }
    }
    async save(key, dir) {
        const cache = await __webpack_require__.e(/* import() */ 131).then(__webpack_require__.bind(__webpack_require__, 7131));
        try {
            await cache.saveCache([dir], key);
        }
        catch (error) {
            this.logger.warning(`could not save the launcher build to the GitHub Actions cache: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/actions/build-dist-with-launcher/distribution.ts






const isLauncherPath = (path) => path === LAUNCHER_DIR || path.startsWith(`${LAUNCHER_DIR}/`);
/**
 * Reads the `distribution` input: a .tgz is checked entry by entry and only then extracted into
 * `workDir`; a folder is checked the same way and read in place. Unsafe entries are refused
 * naming the entry, before anything is written to the output.
 */
async function readInputDistribution(path, workDir, limits = DEFAULT_LIMITS) {
    const info = await (0,promises_.stat)(path).catch((error) => {
        throw new errors/* InputError */.dz('distribution', `${path} does not exist or cannot be read (${(0,errors/* errorCode */.CA)(error) ?? String(error)})`);
    });
    let paths;
    let root;
    try {
        if (info.isDirectory()) {
            paths = await checkFolder(path, limits);
            root = path;
        }
        else {
            paths = await extractArchiveSafely(path, workDir, limits);
            root = workDir;
        }
    }
    catch (error) {
        if (error instanceof UnsafeEntryError)
            throw new errors/* InputError */.dz('distribution', error.message);
        throw error;
    }
    const entries = await entriesOfFolder(root, '', isLauncherPath);
    return { entries, hadLauncher: paths.some(isLauncherPath), count: paths.length };
}
/** The project's default settings templates, byte for byte (render-edge-config reads them). */
async function settingsTemplates() {
    const app = await (0,promises_.readFile)(__webpack_require__.ab + "app-launcher.json.hbs");
    const tool = await (0,promises_.readFile)(__webpack_require__.ab + "tool-launcher.json.hbs");
    return [
        { type: 'file', path: SETTINGS_TEMPLATE_PATHS.app, content: app },
        { type: 'file', path: SETTINGS_TEMPLATE_PATHS.tool, content: tool },
    ];
}
/** The `quick-launcher/` tree: the built files under `www/` and the settings templates. */
async function launcherEntries(buildOutputDir) {
    return [
        { type: 'directory', path: LAUNCHER_DIR },
        ...(await entriesOfFolder(buildOutputDir, LAUNCHER_WWW_DIR)),
        ...(await settingsTemplates()),
    ];
}
/** Where a folder sits inside the work folder; kept here so tests and the core agree. */
function extractionDir(workDir) {
    return (0,external_node_path_.join)(workDir, 'input-distribution');
}

// EXTERNAL MODULE: ./src/actions/build-dist-with-launcher/launcher-build.ts
var launcher_build = __webpack_require__(8168);
// EXTERNAL MODULE: ./src/actions/build-dist-with-launcher/inputs.ts + 1 modules
var build_dist_with_launcher_inputs = __webpack_require__(46);
;// CONCATENATED MODULE: ./src/actions/build-dist-with-launcher/plan.ts





/** The build-time variables pointing at each asset, so index.html links them (reference §1.1a). */
const ASSET_VARIABLES = { BACKGROUND: 'background.png', LOGO: 'logo.png', FAVICON: 'favicon.png' };
/** The file names of the two archives (the Cloud Pipeline build's `cloud-pipeline.<version>.tgz`). */
function archiveNames(version) {
    return { distribution: `cloud-pipeline.${version}.tgz`, launcher: `quick-launcher.${version}.tgz` };
}
/** The version in a distribution file name `cloud-pipeline.<version>.tgz`, if it has one. */
function versionFromName(path) {
    return /^cloud-pipeline\.(.+)\.(?:tgz|tar\.gz)$/.exec((0,external_node_path_.basename)(path))?.[1];
}
/** The `version` input, else the distribution's file name, else package.json; none is an InputError. */
function chooseVersion(inputs, packageVersion) {
    if (inputs.version)
        return inputs.version;
    const version = (inputs.distribution ? versionFromName(inputs.distribution) : undefined) ?? packageVersion;
    if (!version) {
        throw new errors/* InputError */.dz('version', 'was not given, and neither the distribution file name (cloud-pipeline.<version>.tgz) nor package.json gives one');
    }
    return (0,build_dist_with_launcher_inputs/* checkVersion */.p)(version, 'version');
}
/** SOURCE_DATE_EPOCH, else the launcher's last commit time, else FALLBACK_EPOCH (1980-01-01). */
function sourceTimeOf(facts) {
    const given = facts.sourceDateEpoch;
    if (given) {
        if (!/^\d{1,12}$/.test(given))
            throw new errors/* ConfigurationError */.j1(`SOURCE_DATE_EPOCH='${given}' is not a whole number of seconds since 1970-01-01`);
        return { epoch: Number(given), from: 'SOURCE_DATE_EPOCH' };
    }
    if (facts.commitTime && /^\d+$/.test(facts.commitTime))
        return { epoch: Number(facts.commitTime), from: 'commit' };
    return { epoch: FALLBACK_EPOCH, from: 'fixed' };
}
/**
 * The variables the action sets for the build: BUILD_VERSION / BUILD_DESCRIPTION (so the build
 * never asks git and does not vary between runs) and the asset paths, under the user's build-env.
 */
function buildVariables(version, description, buildEnv) {
    const variables = { BUILD_VERSION: version, BUILD_DESCRIPTION: description };
    for (const [name, file] of Object.entries(ASSET_VARIABLES))
        variables[name] = `assets/${file}`;
    for (const [key, value] of buildEnv)
        variables[key] = value;
    return Object.fromEntries(Object.entries(variables).sort(([a], [b]) => (a < b ? -1 : 1)));
}
/** The whole plan of one run, before the cache is asked. Errors come in the order a user fixes them: version, then time. */
function planBuild(inputs, facts) {
    const version = chooseVersion(inputs, facts.packageVersion);
    const time = sourceTimeOf(facts);
    // Without a commit (no git, not a repository) the description is still fixed for the version.
    const description = facts.commit ?? `quick-launcher ${version}`;
    return {
        version,
        time,
        description,
        variables: buildVariables(version, description, inputs.buildEnv),
        steps: [
            { input: 'install-command', argv: inputs.installCommand },
            { input: 'build-command', argv: inputs.buildCommand },
        ],
        archives: archiveNames(version),
    };
}
/** The cache key: `quick-launcher-build-<sha256>` of sources, lockfiles, variables, commands and platform. */
function cacheKeyOf(facts) {
    const digest = digestOf({
        schema: 1,
        sources: facts.sources,
        lockfiles: facts.lockfiles,
        variables: facts.variables,
        install: facts.installCommand,
        build: facts.buildCommand,
        output: facts.buildOutput,
        platform: facts.platform,
    });
    return `quick-launcher-build-${digest.slice('sha256:'.length)}`;
}
/** What the output folder's manifest records as its inputs: a rerun with the same is the same output. */
function inputsDigestOf(key, plan, distributionPaths) {
    return digestOf({ key, version: plan.version, mtime: plan.time.epoch, distribution: distributionPaths ?? null });
}
/** What the cache gave: a restored output that holds index.html is a hit, and the build is skipped. */
function cacheOutcome(cache, key, restoredValid) {
    if (!cache)
        return { hit: false, build: true, save: false };
    if (restoredValid)
        return { hit: true, build: false, save: false, line: `cache hit (${cache.description}, ${key}): install and build skipped` };
    return { hit: false, build: true, save: true, line: `cache miss (${key})` };
}
/**
 * The archives the output folder gets: the distribution (the input's entries, its own
 * quick-launcher/ tree already dropped, then the launcher's) and the launcher alone.
 */
function archivesOf(plan, inputEntries, launcher) {
    return [
        { name: plan.archives.distribution, entries: [...(inputEntries ?? []), ...launcher] },
        { name: plan.archives.launcher, entries: launcher },
    ];
}

;// CONCATENATED MODULE: ./src/tools/git.ts
/** The git binary, for facts about the checkout the launcher source sits in. */
class Git {
    run;
    binary;
    constructor(run, binary = 'git') {
        this.run = run;
        this.binary = binary;
    }
    /**
     * One field (`%ct`, `%H`, … of `git log --format`) of the last commit that touched `dir`, or
     * undefined when there is none: a folder outside a checkout, or no git installed.
     */
    async lastCommit(dir, format) {
        try {
            const result = await this.run(this.binary, ['log', '-1', `--format=${format}`, '--', '.'], { cwd: dir });
            const value = result.stdout.trim();
            return result.exitCode === 0 && value !== '' ? value : undefined;
        }
        catch {
            // git is not installed: the same as a folder outside a checkout.
            return undefined;
        }
    }
}

;// CONCATENATED MODULE: ./src/actions/build-dist-with-launcher/source-facts.ts



/**
 * Facts about the launcher source that make a build reproducible (plan.ts decides from them): the
 * time every archive entry carries and the commit baked into the bundle. Both come from the last
 * commit that touched the launcher folder, so an unrelated commit neither changes the archive nor
 * misses the cache.
 */
async function readSourceFacts(dir, env, run) {
    const git = new Git(run);
    const sourceDateEpoch = env.SOURCE_DATE_EPOCH?.trim();
    // SOURCE_DATE_EPOCH wins over the commit time: git is not asked for it then.
    const commitTime = sourceDateEpoch ? undefined : await git.lastCommit(dir, '%ct');
    const commit = await git.lastCommit(dir, '%H');
    const packageVersion = await readPackageVersion(dir);
    return {
        ...(sourceDateEpoch ? { sourceDateEpoch } : {}),
        ...(commitTime ? { commitTime } : {}),
        ...(commit ? { commit } : {}),
        ...(packageVersion ? { packageVersion } : {}),
    };
}
/** The `version` field of the launcher's package.json, if any. */
async function readPackageVersion(dir) {
    try {
        const value = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(dir, 'package.json'), 'utf8'));
        return typeof value.version === 'string' && value.version !== '' ? value.version : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/actions/build-dist-with-launcher/execute.ts














const ACTION_NAME = 'build-dist-with-launcher';
/**
 * build-dist-with-launcher's work once its inputs parsed, with the runner's tools: commands, and
 * the @actions/cache service when the runner has one, else the cache folder.
 */
async function execute(inputs, { env, logger }) {
    const cache = inputs.cache ? (ActionsCache.available(env) ? new ActionsCache(logger) : new LocalFolderCache(inputs.cacheDir, logger)) : undefined;
    return buildDistWithLauncher(inputs, { run: exec/* execRunner */.M6, logger, cache, env });
}
/**
 * Builds the launcher (or restores it from the cache) and writes the output folder:
 * `cloud-pipeline.<version>.tgz` with the launcher under `quick-launcher/`, the launcher-only
 * `quick-launcher.<version>.tgz` and `manifest.json`. Every check that can fail on user input
 * runs before the build, and nothing reaches the output folder unless everything succeeded.
 */
async function buildDistWithLauncher(inputs, deps) {
    const { logger, run } = deps;
    const env = deps.env ?? process.env;
    const launcherDir = (0,external_node_path_.resolve)(inputs.launcherSource);
    await (0,launcher_build.checkLauncherSource)(launcherDir);
    await (0,launcher_build.prepareAssets)(launcherDir, inputs.assets, logger);
    const workBase = (0,external_node_path_.join)((0,runner_temp/* runnerTemp */.X)(env), 'quick-launcher');
    await (0,promises_.mkdir)(workBase, { recursive: true });
    const work = await (0,promises_.mkdtemp)((0,external_node_path_.join)(workBase, 'work-'));
    try {
        const input = inputs.distribution
            ? await readInputDistribution(inputs.distribution, extractionDir(work), deps.limits ?? DEFAULT_LIMITS)
            : undefined;
        if (input) {
            logger.info(`distribution ${inputs.distribution}: ${input.count} entries checked`);
            if (input.hadLauncher)
                logger.info('it already holds a quick-launcher/ tree: that tree is replaced');
        }
        const plan = planBuild(inputs, await readSourceFacts(launcherDir, env, run));
        const key = cacheKeyOf({
            sources: await sourceDigests(launcherDir, inputs.buildOutput, [inputs.outputDir, inputs.cacheDir]),
            lockfiles: await lockfileDigests(launcherDir),
            variables: plan.variables,
            installCommand: inputs.installCommand,
            buildCommand: inputs.buildCommand,
            buildOutput: inputs.buildOutput,
            platform: platformOf(),
        });
        const inputsDigest = inputsDigestOf(key, plan, input?.entries.map((entry) => entry.path));
        const output = await StagedOutput.open(inputs.outputDir, { kind: DISTRIBUTION_KIND, action: ACTION_NAME, inputsDigest }, 'output-dir');
        try {
            const buildDir = (0,external_node_path_.join)(launcherDir, inputs.buildOutput);
            let restoredValid = false;
            if (deps.cache) {
                await (0,promises_.rm)(buildDir, { recursive: true, force: true });
                restoredValid = (await deps.cache.restore(key, buildDir)) && (await (0,launcher_build.checkBuildOutput)(buildDir, 'build-output').then(() => true, () => false));
            }
            const cache = cacheOutcome(deps.cache, key, restoredValid);
            if (cache.line)
                logger.info(cache.line);
            if (cache.build)
                await (0,launcher_build.runBuild)({ launcherDir, buildOutput: inputs.buildOutput, steps: plan.steps, variables: plan.variables, run, logger, env });
            if (cache.save)
                await deps.cache?.save(key, buildDir);
            const launcher = await launcherEntries(buildDir);
            logger.info(`archiving with mtime ${plan.time.epoch} (from ${plan.time.from})`);
            for (const archive of archivesOf(plan, input?.entries, launcher)) {
                await writeTarball((0,external_node_path_.join)(output.staging, archive.name), archive.entries, { mtime: plan.time.epoch });
            }
            const manifest = await output.commit();
            const distribution = (0,external_node_path_.join)(output.dir, plan.archives.distribution);
            const launcherArchive = (0,external_node_path_.join)(output.dir, plan.archives.launcher);
            return {
                version: plan.version,
                outputDir: output.dir,
                distribution,
                launcherArchive,
                distributionSha256: await digest_sha256File(distribution),
                launcherSha256: await digest_sha256File(launcherArchive),
                cacheHit: cache.hit,
                launcherOnly: !input,
                mtime: plan.time.epoch,
                cacheKey: key,
                manifest,
            };
        }
        catch (error) {
            await output.discard();
            throw error;
        }
    }
    finally {
        await (0,promises_.rm)(work, { recursive: true, force: true });
    }
}


/***/ }),

/***/ 8168:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkBuildOutput: () => (/* binding */ checkBuildOutput),
/* harmony export */   checkLauncherSource: () => (/* binding */ checkLauncherSource),
/* harmony export */   prepareAssets: () => (/* binding */ prepareAssets),
/* harmony export */   runBuild: () => (/* binding */ runBuild)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7268);
/* harmony import */ var _tools_exec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2122);




/** The images the upstream launcher build needs in `assets/` (reference §1.1). */
const REQUIRED_ASSETS = ['background.png', 'favicon.png', 'logo.png'];
async function isFile(path) {
    return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).catch(() => undefined))?.isFile() ?? false;
}
/** Checks the launcher folder: it must exist and hold a package.json. */
async function checkLauncherSource(dir) {
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(dir).catch((error) => {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('launcher-source', `${dir} does not exist or cannot be read (${(0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorCode */ .CA)(error) ?? (0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)})`);
    });
    if (!info.isDirectory())
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('launcher-source', `${dir} is not a folder`);
    if (!(await isFile((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'package.json')))) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('launcher-source', `${dir} has no package.json; point it at the quick-launcher folder`);
    }
}
/**
 * Names any required asset found neither in the `assets` input folder nor in the launcher's own
 * `assets/`, before anything runs; then copies the given assets into the launcher's `assets/`.
 */
async function prepareAssets(launcherDir, assetsDir, logger) {
    if (assetsDir !== undefined) {
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(assetsDir).catch(() => undefined);
        if (!info?.isDirectory())
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('assets', `${assetsDir} is not a folder`);
    }
    const missing = [];
    for (const name of REQUIRED_ASSETS) {
        const given = assetsDir !== undefined && (await isFile((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(assetsDir, name)));
        if (!given && !(await isFile((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(launcherDir, 'assets', name))))
            missing.push(name);
    }
    if (missing.length > 0) {
        const where = assetsDir === undefined ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(launcherDir, 'assets') : `${assetsDir} or ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(launcherDir, 'assets')}`;
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('assets', `the launcher build needs ${missing.join(', ')}, not found in ${where}`);
    }
    // Nothing to copy when the assets input is the launcher's own assets folder.
    if (assetsDir === undefined || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(assetsDir) === (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(launcherDir, 'assets'))
        return;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(launcherDir, 'assets'), { recursive: true });
    for (const name of REQUIRED_ASSETS) {
        if (await isFile((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(assetsDir, name))) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.copyFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(assetsDir, name), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(launcherDir, 'assets', name));
            logger.info(`asset ${name} copied from ${assetsDir}`);
        }
    }
}
/**
 * Runs the install and build commands in the launcher folder with `variables` over the process
 * environment, each in a log group, after clearing the build output (the upstream webpack build
 * leaves stale files there). A failing command is an error with its exit code and last lines;
 * a build without `index.html` is an error.
 */
async function runBuild(options) {
    const { launcherDir, logger } = options;
    const outputDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(launcherDir, options.buildOutput);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(outputDir, { recursive: true, force: true });
    const env = {};
    for (const [key, value] of Object.entries(options.env ?? process.env))
        if (value !== undefined)
            env[key] = value;
    Object.assign(env, options.variables);
    for (const step of options.steps) {
        const [command, ...args] = step.argv;
        const shown = step.argv.join(' ');
        const result = await logger.group(`${step.input}: ${shown}`, async () => {
            try {
                return await options.run(command, args, { cwd: launcherDir, env, echo: true });
            }
            catch (error) {
                // @actions/exec throws when the program is not found at all.
                throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(step.input, `'${shown}' could not start: ${(0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`);
            }
        });
        if (result.exitCode !== 0) {
            const tail = (0,_tools_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .lastLines */ .w$)(`${result.stdout}\n${result.stderr}`, 15);
            // The command ran and failed: a build error (its output says why), named by its input.
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .BuildError */ .zS(`Input '${step.input}': '${shown}' failed with exit code ${result.exitCode}${tail ? `; last output:\n${tail}` : ''}`);
        }
    }
    await checkBuildOutput(outputDir, 'build-output');
}
/** A build output must hold index.html. */
async function checkBuildOutput(outputDir, input) {
    const index = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(outputDir, 'index.html')).catch(() => undefined);
    if (!index?.isFile()) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `the build left no index.html in ${outputDir}; check build-command and build-output`);
    }
}


/***/ }),

/***/ 2122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M6: () => (/* binding */ execRunner),
/* harmony export */   w$: () => (/* binding */ lastLines)
/* harmony export */ });
/* unused harmony exports childEnvironment, findOnPath */
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7187);
/* harmony import */ var _actions_io__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8701);


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
    const found = await io.which(tool, false);
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
