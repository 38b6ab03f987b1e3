export const id = 354;
export const ids = [354];
export const modules = {

/***/ 8354:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildDistWithLauncher: () => (/* binding */ buildDistWithLauncher),
  execute: () => (/* binding */ execute)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/lib/digest.ts
var lib_digest = __webpack_require__(8899);
// EXTERNAL MODULE: ./src/lib/distribution-layout.ts
var distribution_layout = __webpack_require__(14180);
// EXTERNAL MODULE: ./src/lib/output-folder.ts
var output_folder = __webpack_require__(19267);
// EXTERNAL MODULE: ./src/lib/runner-temp.ts
var runner_temp = __webpack_require__(43940);
// EXTERNAL MODULE: ./src/lib/safe-extract.ts
var safe_extract = __webpack_require__(75418);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./node_modules/tar/dist/esm/index.min.js
var index_min = __webpack_require__(98697);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(97268);
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
var exec = __webpack_require__(12122);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
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
                digests[path] = `${(stat.mode & 0o111) !== 0 ? 'x' : '-'}${await (0,lib_digest/* sha256File */.Q3)(full)}`;
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
            lockfiles[name] = (0,lib_digest/* sha256 */.sc)(text);
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
        const cache = await __webpack_require__.e(/* import() */ 131).then(__webpack_require__.bind(__webpack_require__, 57131));
        try {
            return (await cache.restoreCache([dir], key)) === key;
        }
        catch (error) {
            this.logger.warning(`could not restore the launcher build from the GitHub Actions cache: ${(0,errors/* errorMessage */.gJ)(error)}`);
            return false;
        }
    }
    async save(key, dir) {
        const cache = await __webpack_require__.e(/* import() */ 131).then(__webpack_require__.bind(__webpack_require__, 57131));
        try {
            await cache.saveCache([dir], key);
        }
        catch (error) {
            this.logger.warning(`could not save the launcher build to the GitHub Actions cache: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/actions/build-dist-with-launcher/distribution.ts






const isLauncherPath = (path) => path === distribution_layout/* LAUNCHER_DIR */.Fo || path.startsWith(`${distribution_layout/* LAUNCHER_DIR */.Fo}/`);
/**
 * Reads the `distribution` input: a .tgz is checked entry by entry and only then extracted into
 * `workDir`; a folder is checked the same way and read in place. Unsafe entries are refused
 * naming the entry, before anything is written to the output.
 */
async function readInputDistribution(path, workDir, limits = safe_extract/* DEFAULT_LIMITS */.dR) {
    const info = await (0,promises_.stat)(path).catch((error) => {
        throw new errors/* InputError */.dz('distribution', `${path} does not exist or cannot be read (${(0,errors/* errorCode */.CA)(error) ?? String(error)})`);
    });
    let paths;
    let root;
    try {
        if (info.isDirectory()) {
            paths = await (0,safe_extract/* checkFolder */.p$)(path, limits);
            root = path;
        }
        else {
            paths = await (0,safe_extract/* extractArchiveSafely */.MW)(path, workDir, limits);
            root = workDir;
        }
    }
    catch (error) {
        if (error instanceof safe_extract/* UnsafeEntryError */.vF)
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
        { type: 'file', path: distribution_layout/* SETTINGS_TEMPLATE_PATHS */.gZ.app, content: app },
        { type: 'file', path: distribution_layout/* SETTINGS_TEMPLATE_PATHS */.gZ.tool, content: tool },
    ];
}
/** The `quick-launcher/` tree: the built files under `www/` and the settings templates. */
async function launcherEntries(buildOutputDir) {
    return [
        { type: 'directory', path: distribution_layout/* LAUNCHER_DIR */.Fo },
        ...(await entriesOfFolder(buildOutputDir, distribution_layout/* LAUNCHER_WWW_DIR */.Pj)),
        ...(await settingsTemplates()),
    ];
}
/** Where a folder sits inside the work folder; kept here so tests and the core agree. */
function extractionDir(workDir) {
    return (0,external_node_path_.join)(workDir, 'input-distribution');
}

// EXTERNAL MODULE: ./src/actions/build-dist-with-launcher/launcher-build.ts
var launcher_build = __webpack_require__(28168);
// EXTERNAL MODULE: ./src/actions/build-dist-with-launcher/inputs.ts + 1 modules
var build_dist_with_launcher_inputs = __webpack_require__(60046);
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
    const digest = (0,lib_digest/* digestOf */.ol)({
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
    return (0,lib_digest/* digestOf */.ol)({ key, version: plan.version, mtime: plan.time.epoch, distribution: distributionPaths ?? null });
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
    return buildDistWithLauncher(inputs, { run: exec.execRunner, logger, cache, env });
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
            ? await readInputDistribution(inputs.distribution, extractionDir(work), deps.limits ?? safe_extract/* DEFAULT_LIMITS */.dR)
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
        const output = await output_folder/* StagedOutput */.W.open(inputs.outputDir, { kind: distribution_layout/* DISTRIBUTION_KIND */.yB, action: ACTION_NAME, inputsDigest }, 'output-dir');
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
                distributionSha256: await (0,lib_digest/* sha256File */.Q3)(distribution),
                launcherSha256: await (0,lib_digest/* sha256File */.Q3)(launcherArchive),
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

/***/ 28168:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkBuildOutput: () => (/* binding */ checkBuildOutput),
/* harmony export */   checkLauncherSource: () => (/* binding */ checkLauncherSource),
/* harmony export */   prepareAssets: () => (/* binding */ prepareAssets),
/* harmony export */   runBuild: () => (/* binding */ runBuild)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(97268);
/* harmony import */ var _tools_exec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(12122);




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
            const tail = (0,_tools_exec_js__WEBPACK_IMPORTED_MODULE_3__.lastLines)(`${result.stdout}\n${result.stderr}`, 15);
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


/***/ })

};
