export const id = 335;
export const ids = [335];
export const modules = {

/***/ 9335:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  summaryMarkdown: () => (/* binding */ summaryMarkdown),
  writeRendered: () => (/* binding */ writeRendered)
});

// UNUSED EXPORTS: renderAndWrite

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/lib/digest.ts


/** Hex sha256 of a string or bytes. */
function sha256(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}
/** Hex sha256 of a file, streamed. */
async function sha256File(path) {
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
        files.push({ path, size: (await (0,promises_.lstat)(full)).size, sha256: await sha256File(full) });
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
        throw new errors/* InputError */.dz(input, `${dir} has no ${MANIFEST_FILE}; pass the output folder of the producing action`);
    if (manifest.kind !== kind) {
        throw new errors/* InputError */.dz(input, `${dir} holds '${manifest.kind}', expected '${kind}'`);
    }
    let actual;
    try {
        actual = await listFiles(dir);
    }
    catch (error) {
        if (error instanceof FolderEntryError)
            throw new errors/* InputError */.dz(input, `${(0,external_node_path_.join)(dir, error.path)}: ${error.message}`);
        throw error;
    }
    const listed = new Map(manifest.files.map((file) => [file.path, file]));
    for (const path of actual) {
        if (!listed.has(path))
            throw new errors/* InputError */.dz(input, `${(0,external_node_path_.join)(dir, path)} is not listed in ${MANIFEST_FILE}`);
    }
    const present = new Set(actual);
    for (const file of manifest.files) {
        const full = (0,external_node_path_.join)(dir, file.path);
        if (!present.has(file.path))
            throw new errors/* InputError */.dz(input, `${full} is listed in ${MANIFEST_FILE} but missing`);
        const size = (await (0,promises_.lstat)(full)).size;
        if (size !== file.size || (await sha256File(full)) !== file.sha256) {
            throw new errors/* InputError */.dz(input, `${full} does not match its sha256 in ${MANIFEST_FILE} (altered after it was produced)`);
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

;// CONCATENATED MODULE: ./src/lib/markdown.ts
/** A Markdown table; cells are escaped for pipes and line breaks. */
function markdownTable(header, rows) {
    const cell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
    return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.map(cell).join(' | ')} |`).join('\n');
}

// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 3 modules
var exec = __webpack_require__(7187);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(8701);
;// CONCATENATED MODULE: ./src/tools/exec.ts


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
    const result = await exec/* getExecOutput */.H(command, [...args], {
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
    const found = await io/* which */.K7(tool, false);
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
            throw new Error(`openssl could not make a test certificate (exit ${result.exitCode}): ${lastLines(result.stderr, 3)}`);
        }
    }
}

// EXTERNAL MODULE: ./src/actions/render-edge-config/install-config.ts
var install_config = __webpack_require__(2087);
// EXTERNAL MODULE: ./src/lib/edge-layout.ts
var edge_layout = __webpack_require__(7493);
// EXTERNAL MODULE: ./node_modules/handlebars/lib/index.js
var lib = __webpack_require__(8508);
var lib_default = /*#__PURE__*/__webpack_require__.n(lib);
;// CONCATENATED MODULE: ./src/lib/template.ts


/**
 * Handlebars with the settings every template of this project needs: strict (a variable the
 * context lacks is an error, not an empty string), no HTML escaping (values reaching nginx are
 * checked before rendering, and JSON goes through the `json` helper), and a `json` helper that
 * writes a value as JSON text.
 */
const engine = lib_default().create();
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
        return new errors/* InputError */.dz(source.input, what, {
            file: source.file,
            line: Number(missing[2]),
        });
    }
    const property = PROPERTY.exec(message);
    if (property) {
        // Strict lookup of a name on a text value: Handlebars' `in` check throws before it can locate.
        return new errors/* InputError */.dz(source.input, `unknown template variable '${property[1]}' (on a value, which has no names of its own)`, { file: source.file });
    }
    const helper = HELPER.exec(message);
    if (helper) {
        return new errors/* InputError */.dz(source.input, `unknown helper '${helper[1]}' (there are json and Handlebars' built-in helpers)`, {
            file: source.file,
            ...(helper[2] ? { line: Number(helper[2]) } : {}),
        });
    }
    const parse = PARSE.exec(message);
    if (parse) {
        const detail = message.split('\n').slice(-1)[0];
        return new errors/* InputError */.dz(source.input, `malformed template: ${detail}`, { file: source.file, line: Number(parse[1]) });
    }
    const located = LOCATED.exec(message);
    return new errors/* InputError */.dz(source.input, `malformed template: ${message.replace(LOCATED, '')}`, {
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

// EXTERNAL MODULE: ./src/actions/render-edge-config/request.ts + 1 modules
var render_edge_config_request = __webpack_require__(5417);
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
    const text = renderJsonTemplate(source, { ...context });
    let value;
    try {
        value = parseJson(text, source.file);
    }
    catch (error) {
        if (!(error instanceof JsonSyntaxError))
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
        const block = renderTemplate(templates.serverBlock, {
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
            version: PRODUCER_VERSION,
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
    const inputsDigest = digestOf({ request: { ...request, certDir: undefined }, templates });
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

// EXTERNAL MODULE: ./node_modules/tar/dist/esm/index.min.js
var index_min = __webpack_require__(8697);
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
const LAUNCHER_WWW_DIR = (/* unused pure expression or super */ null && (`${LAUNCHER_DIR}/www`));
/** The default settings templates that render-edge-config uses when no override is given. */
const SETTINGS_TEMPLATE_PATHS = {
    app: `${LAUNCHER_DIR}/templates/app-launcher.json.hbs`,
    tool: `${LAUNCHER_DIR}/templates/tool-launcher.json.hbs`,
};

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
        await tar.t({
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
        if (errorCode(error) === 'ENOENT')
            throw new ConfigurationError(`${archive} does not exist`);
        // Corrupt gzip or tar data: name the last good entry so the damage can be located.
        if (last === undefined)
            throw new UnsafeEntryError(archive, '(first entry)', `cannot be read: corrupt archive (${errorMessage(error)})`);
        throw new UnsafeEntryError(archive, last, `is truncated or followed by corrupt data (${errorMessage(error)})`);
    }
    if (refused)
        throw refused;
    return paths;
}
/** Checks a .tgz completely, then extracts it into `dest` (which must be empty or absent). */
async function extractArchiveSafely(archive, dest, limits = DEFAULT_LIMITS) {
    const paths = await checkArchive(archive, limits);
    await mkdir(dest, { recursive: true });
    await tar.x({ file: archive, cwd: dest, strict: true, preserveOwner: false });
    return paths;
}
/** Walks a folder given as a distribution and checks each entry the same way as an archive's. */
async function checkFolder(dir, limits = DEFAULT_LIMITS) {
    const checker = new EntryChecker(dir, limits);
    const paths = [];
    async function walk(relative) {
        for (const name of (await readdir(join(dir, relative))).sort()) {
            const path = relative === '' ? name : `${relative}/${name}`;
            const stat = await lstat(join(dir, path));
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
            const linkpath = type === 'SymbolicLink' ? await readlink(join(dir, path)) : undefined;
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
            stat = await (0,promises_.lstat)((0,external_node_path_.join)(dir, relative));
        }
        catch (error) {
            if ((0,errors/* errorCode */.CA)(error) === 'ENOENT' || (0,errors/* errorCode */.CA)(error) === 'ENOTDIR')
                return undefined;
            throw new UnsafeEntryError(dir, relative, `cannot be read (${(0,errors/* errorCode */.CA)(error) ?? (0,errors/* errorMessage */.gJ)(error)})`);
        }
        const type = typeOf(stat);
        if (type === 'SymbolicLink') {
            const target = await (0,promises_.readlink)((0,external_node_path_.join)(dir, relative));
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
    const handle = await (0,promises_.open)((0,external_node_path_.join)(dir, ...parts), external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW).catch((error) => {
        throw new UnsafeEntryError(dir, path, `cannot be read (${(0,errors/* errorCode */.CA)(error) ?? (0,errors/* errorMessage */.gJ)(error)})`);
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
        const content = await readTreeFile(distribution, entry);
        return content === undefined ? undefined : { text: content.toString('utf8'), input, file: (0,external_node_path_.join)(distribution, entry) };
    }
    catch (error) {
        if (error instanceof UnsafeEntryError)
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
    const entry = SETTINGS_TEMPLATE_PATHS[kind];
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
        if (!(await readManifest(distribution, input))) {
            throw new errors/* InputError */.dz(input, `${distribution} has neither ${entry} nor a build-dist-with-launcher manifest`);
        }
        const manifest = await verifyManifest(distribution, DISTRIBUTION_KIND, input);
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
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/lib/edge-nginx-conf.ts


const TEMPLATE = __webpack_require__.ab + "edge.conf.hbs";
/**
 * Renders the Edge's nginx.conf as far as external apps meet it (upstream nginx.conf:66-99 and
 * its main server at :230-251, with the external-locs of :247), used by render-edge-config's `nginx -t` and by the sandbox Edge.
 */
function renderEdgeNginxConf(conf) {
    return renderTemplate({ text: (0,external_node_fs_.readFileSync)(TEMPLATE, 'utf8'), input: 'edge.conf', file: '(built-in) edge.conf' }, {
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
    const nginx = await findOnPath('nginx');
    const openssl = await findOnPath('openssl');
    const choice = chooseValidation(mode, { nginx: nginx !== undefined, openssl: openssl !== undefined });
    if (choice.run && nginx && openssl)
        return { tools: { nginx: new Nginx(nginx, execRunner), openssl: new OpenSsl(openssl, execRunner) } };
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
    const manifest = await writeOutputFolder(inputs.outputDir, rendered.files, { kind: EDGE_CONFIG_KIND, action: 'render-edge-config', inputsDigest });
    return { rendered, manifest, nginxTest };
}
/** The job summary: hosts, their server blocks and certificates, every file with its digest. */
function summaryMarkdown(rendered, manifest, outputDir, nginxTest) {
    return [
        '### Quick Launcher: Edge configuration',
        '',
        markdownTable(['launcher', 'host', 'server block'], rendered.launchers.map((launcher) => [launcher.kind, `[${launcher.host}](https://${launcher.host}/)`, launcher.file])),
        '',
        `nginx -t: ${nginxTest}`,
        '',
        "Certificates are resolved on the Edge by its own rule (the longest `<suffix>-public-cert.pem` in `/etc/edge/pki` that ends the host, else `ssl-*.pem`) when the deploy installs the blocks.",
        '',
        markdownTable(['file', 'size', 'sha256'], manifest.files.map((file) => [file.path, String(file.size), file.sha256])),
        '',
        `Output folder: \`${outputDir}\``,
        '',
    ].join('\n');
}


/***/ })

};
