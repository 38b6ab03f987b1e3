export const id = 132;
export const ids = [132,954];
export const modules = {

/***/ 58132:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ACTION: () => (/* binding */ ACTION),
  buildOptimizedImages: () => (/* binding */ buildOptimizedImages),
  defaultImageFor: () => (/* binding */ defaultImageFor),
  selectVariants: () => (/* binding */ selectVariants)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/lib/digest.ts
var lib_digest = __webpack_require__(8899);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(97268);
// EXTERNAL MODULE: ./src/lib/output-folder.ts
var output_folder = __webpack_require__(19267);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/actions/build-optimized-images/dockerfile.ts
/** Joins `\` continuations and drops comments, keeping the 1-based line each instruction starts on. */
function instructions(text) {
    const result = [];
    let current;
    text.split(/\r?\n/).forEach((raw, index) => {
        const trimmed = raw.trim();
        if (trimmed.startsWith('#') && !current)
            return;
        if (trimmed.startsWith('#'))
            return;
        const continued = trimmed.endsWith('\\');
        const body = continued ? trimmed.slice(0, -1) : trimmed;
        if (!current) {
            if (body === '')
                return;
            current = { line: index + 1, text: body };
        }
        else {
            current.text += ` ${body}`;
        }
        if (!continued) {
            result.push(current);
            current = undefined;
        }
    });
    if (current)
        result.push(current);
    return result;
}
/** Reads the ARG-before-FROM and FROM instructions of a Dockerfile. */
function readDockerfile(text) {
    const facts = { globalArgs: new Map(), froms: [], stages: new Set() };
    for (const instruction of instructions(text)) {
        const [keyword, ...words] = instruction.text.split(/\s+/);
        const upper = keyword.toUpperCase();
        if (upper === 'ARG' && facts.froms.length === 0) {
            for (const word of words) {
                const equals = word.indexOf('=');
                const name = equals < 0 ? word : word.slice(0, equals);
                const value = equals < 0 ? undefined : word.slice(equals + 1).replace(/^(["'])(.*)\1$/, '$2');
                facts.globalArgs.set(name, value);
            }
        }
        else if (upper === 'FROM') {
            const operands = words.filter((word) => !word.startsWith('--'));
            if (operands[0])
                facts.froms.push({ image: operands[0], line: instruction.line });
            if (operands[1]?.toUpperCase() === 'AS' && operands[2])
                facts.stages.add(operands[2]);
        }
    }
    return facts;
}
/** Substitutes `$NAME`, `${NAME}`, `${NAME:-default}` as Docker does in FROM; unset is empty. */
function substituteArgs(text, args) {
    return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (...match) => {
        const name = (match[1] ?? match[4]);
        const operator = match[2];
        const word = match[3] ?? '';
        const value = args.get(name);
        if (operator === '-')
            return value ? value : word;
        if (operator === '+')
            return value ? word : '';
        return value ?? '';
    });
}

// EXTERNAL MODULE: ./src/lib/json-position.ts
var json_position = __webpack_require__(39049);
;// CONCATENATED MODULE: ./src/actions/build-optimized-images/expand.ts


/** Looks names up in `first`, then in `env`; `CP_DOLLAR` is always `$` (upstream's escape). */
function variablesFrom(first, env) {
    return (name) => (name === 'CP_DOLLAR' ? '$' : (first.get(name) ?? env[name]));
}
const REFERENCE = /\$\{([^}]*)\}?/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Expands `${NAME}` in `text`, strictly: an unset variable or a malformed `${…}` is an error
 * naming the variable, the file and the line. A `$` not followed by `{` is left alone, and
 * `${CP_DOLLAR}` gives a literal `$` (as upstream's install-time envsubst does).
 */
function expandVariables(text, variables, file) {
    return text.replace(REFERENCE, (whole, name, offset) => {
        const { line, column } = (0,json_position/* positionOf */.df)(text, offset);
        if (!whole.endsWith('}') || !NAME.test(name)) {
            throw new errors/* FileError */.f6({ file, line, column }, `malformed variable reference '${whole.slice(0, 40)}' (expected \${NAME})`);
        }
        const value = variables(name);
        if (value === undefined) {
            throw new errors/* FileError */.f6({ file, line, column }, `variable ${name} is not set (give it in spec-env or the environment; \${CP_DOLLAR} gives a literal $)`);
        }
        return value;
    });
}

;// CONCATENATED MODULE: ./src/actions/build-optimized-images/reference.ts
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d{1,5})?$/;
/** True when `path` is a valid repository path (lowercase components joined by `/`). */
function isRepositoryPath(path) {
    return path.length <= 255 && path.split('/').every((part) => COMPONENT.test(part));
}
/** True when `tag` is a valid image tag. */
function isTag(tag) {
    return TAG.test(tag);
}
/** Parses an image reference, or returns undefined when it is not one. */
function parseReference(text) {
    let rest = text;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest))
            return undefined;
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            return undefined;
    }
    const parts = rest.split('/');
    let host;
    if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost' || parts[0].startsWith('['))) {
        host = parts.shift();
        if (!host || !HOST.test(host))
            return undefined;
    }
    const path = parts.join('/');
    if (!isRepositoryPath(path))
        return undefined;
    return { host, path, tag, digest };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var dist_ajv = __webpack_require__(42463);
;// CONCATENATED MODULE: ./src/actions/build-optimized-images/json-text.ts


/** JSON.parse with an error that names the file, line and column (1-based). */
function parseJsonText(text, file) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        const offset = Math.max(0, (0,json_position/* jsonErrorOffset */.O)(text));
        const { line, column } = (0,json_position/* positionOf */.df)(text, offset);
        const found = offset >= text.length ? 'end of file' : `'${text[offset]}'`;
        throw new errors/* FileError */.f6({ file, line, column }, `malformed JSON: unexpected ${found} (${error.message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*$/s, '')})`);
    }
}

;// CONCATENATED MODULE: ./src/actions/build-optimized-images/spec.ts






let validators;
function compiled() {
    if (!validators) {
        const schema = JSON.parse((0,external_node_fs_.readFileSync)(__webpack_require__.ab + "tool-spec.schema.json", 'utf8'));
        const ajv = new dist_ajv.Ajv({ allErrors: false, strict: true });
        const spec = ajv.compile(schema);
        const endpoint = ajv.getSchema(`${schema.$id}#/definitions/endpoint`);
        if (!endpoint)
            throw new Error('internal: tool-spec.schema.json has no #/definitions/endpoint');
        validators = { spec, endpoint };
    }
    return validators;
}
function describe(errors, prefix) {
    const error = errors?.[0];
    if (!error)
        return 'does not match the schema';
    const path = `${prefix}${error.instancePath}`.replace(/^\//, '') || '(top level)';
    const extra = error.keyword === 'additionalProperties' ? ` '${String(error.params.additionalProperty)}'` : '';
    return `${path.replaceAll('/', '.')}: ${error.message ?? 'is invalid'}${extra}`;
}
function lineOf(text, needle) {
    const offset = text.indexOf(needle);
    return offset < 0 ? undefined : (0,json_position/* positionOf */.df)(text, offset).line;
}
/**
 * Expands `${VAR}` in a spec.json text, parses it and checks it against the published schema,
 * then parses each endpoint string and checks that too. Every failure names the file (and the
 * line where there is one).
 */
function parseToolSpec(raw, file, variables) {
    const text = expandVariables(raw, variables, file);
    const value = parseJsonText(text, file);
    const { spec: validateSpec, endpoint: validateEndpoint } = compiled();
    if (!validateSpec(value)) {
        const error = validateSpec.errors?.[0];
        const key = error?.instancePath.split('/')[1];
        throw new errors/* FileError */.f6({ file, line: key ? lineOf(text, `"${key}"`) : undefined }, `not a valid tool spec: ${describe(validateSpec.errors, '')}`);
    }
    const spec = value;
    spec.endpoints.forEach((encoded, index) => {
        const line = lineOf(text, JSON.stringify(encoded));
        let endpoint;
        try {
            endpoint = JSON.parse(encoded);
        }
        catch {
            throw new errors/* FileError */.f6({ file, line }, `endpoints[${index}] is not a JSON-encoded endpoint: ${encoded.slice(0, 60)}`);
        }
        if (!validateEndpoint(endpoint)) {
            throw new errors/* FileError */.f6({ file, line }, `endpoints[${index}]: ${describe(validateEndpoint.errors, 'endpoint')}`);
        }
    });
    return spec;
}
/** The endpoints of a valid spec, parsed. */
function endpointsOf(spec) {
    return spec.endpoints.map((encoded) => JSON.parse(encoded));
}

;// CONCATENATED MODULE: ./src/actions/build-optimized-images/discover.ts








const IMAGES_FILE = 'images.yml';
async function exists(path) {
    try {
        return (await (0,promises_.stat)(path)).isFile();
    }
    catch {
        return false;
    }
}
async function readText(path) {
    try {
        return await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new errors/* FileError */.f6({ file: path }, (0,errors/* errorCode */.CA)(error) === 'ENOENT' ? 'is missing' : `cannot be read (${(0,errors/* errorCode */.CA)(error) ?? String(error)})`);
    }
}
function inside(root, path, file, line, what) {
    const full = (0,external_node_path_.resolve)(root, path);
    if (full !== root && !full.startsWith(root + external_node_path_.sep))
        throw new errors/* FileError */.f6({ file, line }, `${what} '${path}' leaves the tool folder`);
    return full;
}
/** Parses a tool's images.yml (already `${VAR}`-expanded) into raw variants. */
function parseImagesYml(text, file) {
    const lineCounter = new dist/* LineCounter */.HN();
    const document = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false });
    if (document.errors.length > 0) {
        const error = document.errors[0];
        const position = lineCounter.linePos(error.pos[0]);
        throw new errors/* FileError */.f6({ file, line: position.line, column: position.col }, `malformed YAML: ${error.message.split('\n')[0]}`);
    }
    const root = document.toJS();
    const images = root?.images;
    if (!Array.isArray(images) || images.length === 0)
        throw new errors/* FileError */.f6({ file }, "expected 'images:' with a list of variants");
    return images.map((entry, index) => {
        const node = document.getIn(['images', index], true);
        const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
        const fail = (detail) => {
            throw new errors/* FileError */.f6({ file, line }, `images[${index}]: ${detail}`);
        };
        if (!entry || typeof entry !== 'object' || Array.isArray(entry))
            return fail('expected a mapping with image, tags, build-args');
        const known = new Set(['name', 'image', 'tags', 'build-args', 'dockerfile', 'spec-dir']);
        const item = entry;
        for (const key of Object.keys(item))
            if (!known.has(key))
                fail(`unknown key '${key}' (known: ${[...known].join(', ')})`);
        if (typeof item.image !== 'string' || !isRepositoryPath(item.image))
            fail(`image '${String(item.image)}' is not a repository path such as optimized/jupyter`);
        const tags = item.tags === undefined ? undefined : item.tags;
        if (tags !== undefined && (!Array.isArray(tags) || tags.length === 0))
            fail('tags must be a non-empty list');
        const tagList = (tags ?? []).map(String);
        for (const tag of tagList)
            if (!isTag(tag))
                fail(`'${tag}' is not a valid tag`);
        const args = new Map();
        const rawArgs = item['build-args'];
        if (rawArgs !== undefined && rawArgs !== null) {
            if (typeof rawArgs !== 'object' || Array.isArray(rawArgs))
                fail('build-args must be a mapping of NAME: value');
            for (const [key, value] of Object.entries(rawArgs)) {
                if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key))
                    fail(`build arg '${key}' is not a valid name`);
                if (value === null || typeof value === 'object')
                    fail(`build arg ${key} must be a string`);
                args.set(key, `${value}`);
            }
        }
        for (const key of ['name', 'dockerfile', 'spec-dir']) {
            if (item[key] !== undefined && typeof item[key] !== 'string')
                fail(`${key} must be a string`);
        }
        return {
            name: item.name,
            image: item.image,
            tags: tagList,
            buildArgs: args,
            dockerfile: item.dockerfile ?? 'Dockerfile',
            specDir: item['spec-dir'] ?? '.',
            line,
        };
    });
}
/** The tool folders under `toolsDir` (hidden ones skipped), sorted. */
async function listTools(toolsDir) {
    let entries;
    try {
        entries = await (0,promises_.readdir)(toolsDir, { withFileTypes: true });
    }
    catch (error) {
        throw new errors/* InputError */.dz('tools-dir', `cannot read ${toolsDir} (${(0,errors/* errorCode */.CA)(error) ?? String(error)})`);
    }
    const tools = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name);
    if (tools.length === 0)
        throw new errors/* InputError */.dz('tools-dir', `${toolsDir} holds no tool folders`);
    return tools.sort();
}
/**
 * Reads one tool folder into its variants: images.yml (expanded with the spec variables and
 * VERSION) or the single default `optimized/<tool>:{version,latest}`; the Dockerfile of each
 * and the expanded, validated spec.json.
 */
async function discoverTool(toolsDir, tool, options) {
    const dir = (0,external_node_path_.resolve)(toolsDir, tool);
    const imagesFile = (0,external_node_path_.join)(dir, IMAGES_FILE);
    const hasImagesFile = await exists(imagesFile);
    let raws;
    if (hasImagesFile) {
        const withVersion = (name) => (name === 'VERSION' ? options.version : options.variables(name));
        raws = parseImagesYml(expandVariables(await readText(imagesFile), withVersion, imagesFile), imagesFile);
    }
    else {
        const image = `optimized/${tool}`;
        if (!isRepositoryPath(image))
            throw new errors/* FileError */.f6({ file: dir }, `folder name '${tool}' cannot be an image name (lowercase letters, digits, '.', '_', '-')`);
        raws = [{ image, tags: [], buildArgs: new Map(), dockerfile: 'Dockerfile', specDir: '.' }];
    }
    const variants = [];
    for (const raw of raws) {
        const origin = { file: hasImagesFile ? imagesFile : (0,external_node_path_.join)(dir, raw.dockerfile), line: raw.line };
        const dockerfile = inside(dir, raw.dockerfile, origin.file, raw.line, 'dockerfile');
        if (!(await exists(dockerfile)))
            throw new errors/* FileError */.f6({ file: dockerfile }, `is missing (tool '${tool}' needs a Dockerfile)`);
        const specDir = inside(dir, raw.specDir, origin.file, raw.line, 'spec-dir');
        const specFile = (0,external_node_path_.join)(specDir, 'spec.json');
        const spec = parseToolSpec(await readText(specFile), specFile, options.variables);
        const tags = raw.tags.length > 0 ? raw.tags : [options.version, 'latest'];
        variants.push({
            tool,
            name: raw.name ?? `${raw.image}:${tags[0]}`,
            image: raw.image,
            tags: [...new Set(tags)],
            buildArgs: raw.buildArgs,
            context: dir,
            dockerfile,
            dockerfileFacts: readDockerfile(await readText(dockerfile)),
            spec,
            specFile,
            icon: (await exists((0,external_node_path_.join)(specDir, 'icon.png'))) ? (0,external_node_path_.join)(specDir, 'icon.png') : undefined,
            readme: (await exists((0,external_node_path_.join)(specDir, 'README.md'))) ? (0,external_node_path_.join)(specDir, 'README.md') : undefined,
            origin,
        });
    }
    return variants;
}

;// CONCATENATED MODULE: ./src/actions/build-optimized-images/context-digest.ts




/**
 * sha256 over every entry of a build context: path, kind, executable bit and content (a link's
 * target), in sorted order. The tool's images.yml is left out: it is the action's own metadata,
 * and each variant's tags and args are hashed on their own, so editing one variant's entry does
 * not rebuild its siblings.
 */
async function contextDigest(dir) {
    const lines = [];
    async function walk(relative) {
        const entries = (await (0,promises_.readdir)((0,external_node_path_.join)(dir, relative), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
        for (const entry of entries) {
            const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
            const full = (0,external_node_path_.join)(dir, path);
            if (path === IMAGES_FILE)
                continue;
            if (entry.isDirectory()) {
                lines.push(`d ${path}`);
                await walk(path);
            }
            else if (entry.isSymbolicLink()) {
                lines.push(`l ${path} ${await (0,promises_.readlink)(full)}`);
            }
            else if (entry.isFile()) {
                const executable = ((await (0,promises_.lstat)(full)).mode & 0o111) !== 0;
                lines.push(`f ${path} ${executable ? 'x' : '-'} ${await (0,lib_digest/* sha256File */.Q3)(full)}`);
            }
        }
    }
    await walk('');
    return (0,lib_digest/* sha256 */.sc)(lines.join('\n'));
}

;// CONCATENATED MODULE: ./src/actions/build-optimized-images/execute.ts

/** Runs `task` for every item once all its parents are done, at most `limit` at a time. */
async function runOrdered(items, key, parentsOf, limit, task) {
    const done = new Set();
    const started = new Set();
    let failure;
    let running = 0;
    await new Promise((resolveAll) => {
        const pump = () => {
            if (failure === undefined) {
                for (const item of items) {
                    if (running >= limit)
                        break;
                    const name = key(item);
                    if (started.has(name) || !parentsOf(item).every((parent) => done.has(parent)))
                        continue;
                    started.add(name);
                    running++;
                    task(item)
                        .then(() => done.add(name))
                        .catch((error) => {
                        failure ??= error;
                    })
                        .finally(() => {
                        running--;
                        pump();
                    });
                }
            }
            if (running === 0)
                resolveAll();
        };
        pump();
    });
    if (failure !== undefined)
        throw failure instanceof Error ? failure : new Error((0,errors/* errorMessage */.gJ)(failure));
}
/**
 * Builds, reuses or falls back each planned variant, parents first, `maxParallel` at a time.
 * A variant whose content tag is already in the registry is retagged there, never rebuilt.
 */
async function executePlan(plan, options, deps) {
    const results = new Map();
    const { logger } = deps;
    const fallBack = (planned, reason) => {
        const name = planned.variant.name;
        const defaultImage = options.defaultImageOf(planned);
        if (!defaultImage)
            throw new errors/* ConfigurationError */.j1(`Variant '${name}': ${reason}, and default-images maps no default image for ${planned.variant.image}`);
        if (options.failOnFallback)
            throw new errors/* ConfigurationError */.j1(`Variant '${name}' fell back to ${defaultImage} (fail-on-fallback is true): ${reason}`);
        logger.warning(`Variant '${name}' falls back to the default image ${defaultImage}: ${reason}`);
        return { planned, state: 'fallback', ref: defaultImage, tags: [], digest: null, defaultImage, reason };
    };
    const publish = async (planned, repository) => {
        const registry = deps.registry;
        let digest = '';
        for (const tag of planned.variant.tags)
            digest = await registry.retag(repository, planned.contentTag, tag);
        return digest;
    };
    const one = async (planned) => {
        const { variant, contentTag } = planned;
        const tags = [...variant.tags, contentTag];
        const ref = `${options.prefix}${variant.image}:${variant.tags[0]}`;
        const repository = `${options.namespace}${variant.image}`;
        const base = { planned, ref, tags, defaultImage: options.defaultImageOf(planned) };
        if (!options.build) {
            results.set(variant.name, fallBack(planned, 'build is false'));
            return;
        }
        const fallenParent = planned.parents.find((parent) => results.get(parent)?.state === 'fallback');
        if (fallenParent) {
            results.set(variant.name, fallBack(planned, `it is built FROM '${fallenParent}', which fell back`));
            return;
        }
        if (options.push && deps.registry) {
            const existing = await deps.registry.digest(repository, contentTag);
            if (existing) {
                const digest = await publish(planned, repository);
                logger.info(`${variant.name}: ${contentTag} is already in the registry; retagged, not rebuilt`);
                results.set(variant.name, { ...base, state: 'reused', digest: digest || existing });
                return;
            }
        }
        const builder = deps.builder;
        let log;
        try {
            log = await builder.build({
                context: variant.context,
                dockerfile: variant.dockerfile,
                tags: tags.map((tag) => `${options.prefix}${variant.image}:${tag}`),
                buildArgs: planned.buildArgs,
            }, { insecure: options.insecure });
        }
        catch (error) {
            if (!(error instanceof errors/* ConfigurationError */.j1))
                throw error;
            if (!options.fallback)
                throw new errors/* ConfigurationError */.j1(`Variant '${variant.name}': ${(0,errors/* errorMessage */.gJ)(error)}`);
            results.set(variant.name, fallBack(planned, (0,errors/* errorMessage */.gJ)(error).split('\n')[0].replace(/:$/, '')));
            return;
        }
        // Builds run in parallel; each log is printed whole once its build is done, so groups never interleave.
        await logger.group(`Built ${variant.name} (${contentTag})`, () => Promise.resolve(logger.info(log.trim())));
        let digest = null;
        if (options.push && deps.registry) {
            await builder.push(`${options.prefix}${variant.image}:${contentTag}`, { insecure: options.insecure });
            digest = await publish(planned, repository);
        }
        results.set(variant.name, { ...base, state: 'built', digest });
    };
    await runOrdered(plan, (planned) => planned.variant.name, (planned) => planned.parents, options.maxParallel, one);
    return plan.map((planned) => results.get(planned.variant.name));
}

;// CONCATENATED MODULE: ./src/actions/build-optimized-images/plan.ts




/** The variant an image reference names, if it names an optimized image of this run. */
function findOptimized(variants, repository, tag) {
    const sameImage = variants.filter((variant) => variant.image === repository);
    if (sameImage.length === 0)
        return undefined;
    return sameImage.find((variant) => variant.tags.includes(tag ?? 'latest')) ?? (tag ? undefined : sameImage[0]);
}
/** Orders variants parents-first; a cycle is an error naming every variant in it. */
function buildOrder(parentsOf, origins) {
    const order = [];
    const state = new Map();
    const visit = (name, path) => {
        if (state.get(name) === 'done')
            return;
        if (state.get(name) === 'visiting') {
            const cycle = [...path.slice(path.indexOf(name)), name];
            const variant = origins.get(name);
            throw new errors/* FileError */.f6({ file: variant?.dockerfile ?? name }, `FROM cycle between optimized images: ${cycle.join(' -> ')}`);
        }
        state.set(name, 'visiting');
        for (const parent of parentsOf.get(name) ?? [])
            visit(parent, [...path, name]);
        state.set(name, 'done');
        order.push(name);
    };
    for (const name of [...parentsOf.keys()].sort())
        visit(name, []);
    return order;
}
/**
 * Decides build args, parents and content tags of every variant, in build order (pure).
 * A build arg (or a Dockerfile ARG default) whose value names an optimized image of this run is
 * replaced by that image's content-tag reference, so a variant is always built on exactly the
 * parent of this run and its content tag changes whenever its parent's does.
 */
function planBuilds(variants, options) {
    const byName = new Map();
    const tagOwner = new Map();
    for (const variant of variants) {
        if (byName.has(variant.name))
            throw new errors/* FileError */.f6(variant.origin, `variant name '${variant.name}' is used twice`);
        byName.set(variant.name, variant);
        for (const tag of variant.tags) {
            const key = `${variant.image}:${tag}`;
            const owner = tagOwner.get(key);
            if (owner)
                throw new errors/* FileError */.f6(variant.origin, `${key} is produced by both '${owner}' and '${variant.name}'`);
            tagOwner.set(key, variant.name);
        }
    }
    const parentsOf = new Map();
    const logicalArgs = new Map();
    const parentArgs = new Map();
    for (const variant of variants) {
        const facts = variant.dockerfileFacts;
        const args = new Map(facts.globalArgs);
        for (const [key, value] of options.buildArgs)
            args.set(key, value);
        for (const [key, value] of variant.buildArgs)
            args.set(key, value);
        const parents = new Set();
        const viaArg = new Map();
        for (const [key, value] of args) {
            if (value === undefined)
                continue;
            const reference = parseReference(value);
            if (!reference || reference.digest)
                continue;
            const path = reference.host ? undefined : reference.path;
            const parent = path ? findOptimized(variants, path, reference.tag) : undefined;
            if (parent) {
                parents.add(parent.name);
                viaArg.set(key, parent.name);
            }
        }
        for (const from of facts.froms) {
            if (facts.stages.has(from.image))
                continue;
            const image = substituteArgs(from.image, args);
            const reference = parseReference(image);
            if (!reference) {
                throw new errors/* FileError */.f6({ file: variant.dockerfile, line: from.line }, `FROM '${image}' is not a valid image reference (variant '${variant.name}')`);
            }
            const fullPath = reference.host ? `${reference.host}/${reference.path}` : reference.path;
            const prefixed = options.prefix && `${fullPath}/`.startsWith(options.prefix) ? fullPath.slice(options.prefix.length) : undefined;
            const literal = prefixed ?? (reference.host ? undefined : reference.path);
            const parent = literal ? findOptimized(variants, literal, reference.tag) : undefined;
            if (!parent || [...viaArg.values()].includes(parent.name))
                continue;
            if (options.prefix && prefixed === undefined) {
                throw new errors/* FileError */.f6({ file: variant.dockerfile, line: from.line }, `FROM ${image} names the optimized image ${parent.image} without the registry; use ARG BASE_IMAGE=${parent.image} and FROM \${BASE_IMAGE} so it is resolved to this run's image`);
            }
            parents.add(parent.name);
        }
        parentsOf.set(variant.name, [...parents].sort());
        parentArgs.set(variant.name, new Map([...viaArg]));
        const given = new Map();
        for (const [key, value] of args)
            if (value !== undefined && (variant.buildArgs.has(key) || options.buildArgs.has(key) || viaArg.has(key)))
                given.set(key, value);
        logicalArgs.set(variant.name, given);
    }
    const order = buildOrder(parentsOf, byName);
    const planned = new Map();
    for (const name of order) {
        const variant = byName.get(name);
        if (!variant)
            throw new errors/* ConfigurationError */.j1(`internal: unknown variant ${name}`);
        const logical = new Map(logicalArgs.get(name));
        const real = new Map(logical);
        for (const [key, parentName] of parentArgs.get(name) ?? []) {
            const parent = planned.get(parentName);
            if (!parent)
                throw new errors/* ConfigurationError */.j1(`internal: ${parentName} planned after ${name}`);
            logical.set(key, `${parent.variant.image}:${parent.contentTag}`);
            real.set(key, `${options.prefix}${parent.variant.image}:${parent.contentTag}`);
        }
        const parents = parentsOf.get(name) ?? [];
        const digest = (0,lib_digest/* digestOf */.ol)({
            context: options.contextDigests.get(name),
            dockerfile: variant.dockerfile.slice(variant.context.length),
            args: Object.fromEntries(logical),
            parents: parents.map((parentName) => planned.get(parentName)?.contentTag),
        });
        planned.set(name, { variant, contentTag: `c-${digest.slice('sha256:'.length, 'sha256:'.length + 12)}`, buildArgs: real, parents });
    }
    return order.map((name) => planned.get(name));
}

// EXTERNAL MODULE: ./src/actions/build-optimized-images/tools-manifest.ts
var tools_manifest = __webpack_require__(17954);
;// CONCATENATED MODULE: ./src/actions/build-optimized-images/build.ts











const ACTION = 'build-optimized-images';
/** Keeps the variants `include` names (tool folder, image or variant name) and their parents. */
function selectVariants(plan, include) {
    if (include.length === 0)
        return [...plan];
    const byName = new Map(plan.map((planned) => [planned.variant.name, planned]));
    const wanted = new Set();
    for (const item of include) {
        const matches = plan.filter(({ variant }) => variant.tool === item || variant.image === item || variant.name === item);
        if (matches.length === 0)
            throw new errors/* InputError */.dz('include', `'${item}' names no tool folder, image or variant`);
        const add = (name) => {
            if (wanted.has(name))
                return;
            wanted.add(name);
            for (const parent of byName.get(name)?.parents ?? [])
                add(parent);
        };
        for (const match of matches)
            add(match.variant.name);
    }
    return plan.filter((planned) => wanted.has(planned.variant.name));
}
/** The default image of a variant: mapped by `image:tag` (any of its tags) or by `image`. */
function defaultImageFor(defaults, variant) {
    for (const tag of variant.tags) {
        const found = defaults.get(`${variant.image}:${tag}`);
        if (found)
            return found;
    }
    return defaults.get(variant.image);
}
/**
 * The whole action, given its tools: discover and check every tool (nothing is built or pushed
 * until all of it is valid), plan, build/reuse/fall back, and write the `tools` output folder.
 */
async function buildOptimizedImages(inputs, deps) {
    const { logger } = deps;
    for (const [image, reference] of inputs.defaultImages) {
        if (!parseReference(image))
            throw new errors/* InputError */.dz('default-images', `'${image}' is not an image name`);
        if (!parseReference(reference))
            throw new errors/* InputError */.dz('default-images', `'${reference}' (for ${image}) is not a valid image reference`);
    }
    const toolsDir = (0,external_node_path_.resolve)(inputs.toolsDir);
    const variables = variablesFrom(inputs.specEnv, deps.env);
    const variants = [];
    for (const tool of await listTools(toolsDir))
        variants.push(...(await discoverTool(toolsDir, tool, { version: inputs.version, variables })));
    const digests = new Map();
    const byContext = new Map();
    for (const variant of variants) {
        const digest = byContext.get(variant.context) ?? (await contextDigest(variant.context));
        byContext.set(variant.context, digest);
        digests.set(variant.name, digest);
    }
    const registry = inputs.registry ?? '';
    const prefix = registry ? `${registry}/` : '';
    const plan = selectVariants(planBuilds(variants, { prefix, buildArgs: inputs.buildArgs, contextDigests: digests }), inputs.include);
    const defaultImageOf = (planned) => defaultImageFor(inputs.defaultImages, planned.variant);
    if (!inputs.build) {
        const missing = plan.filter((planned) => !defaultImageOf(planned)).map((planned) => planned.variant.image);
        if (missing.length > 0)
            throw new errors/* InputError */.dz('default-images', `build is false, so every image needs a default; none for ${[...new Set(missing)].join(', ')}`);
        if (inputs.failOnFallback)
            throw new errors/* InputError */.dz('fail-on-fallback', 'is true while build is false: every variant would fall back');
    }
    logger.info(`${plan.length} variant(s): ${plan.map((planned) => `${planned.variant.name} (${planned.contentTag})`).join(', ')}`);
    const namespace = registry.includes('/') ? `${registry.slice(registry.indexOf('/') + 1)}/` : '';
    const results = await executePlan(plan, {
        prefix,
        namespace,
        push: inputs.push,
        insecure: inputs.registryInsecure,
        build: inputs.build,
        fallback: inputs.fallback,
        failOnFallback: inputs.failOnFallback,
        maxParallel: inputs.maxParallel,
        defaultImageOf,
    }, deps);
    const { manifest, files } = await (0,tools_manifest.toolsFolderFiles)(results, { registry, version: inputs.version });
    const inputsDigest = (0,lib_digest/* digestOf */.ol)({
        ...inputs,
        buildArgs: Object.fromEntries(inputs.buildArgs),
        specEnv: [...inputs.specEnv.keys()].sort(),
        defaultImages: Object.fromEntries(inputs.defaultImages),
        contentTags: plan.map((planned) => planned.contentTag),
    });
    await (0,output_folder/* writeOutputFolder */.n)(deps.outputDir, files, { kind: tools_manifest.TOOLS_KIND, action: ACTION, inputsDigest }, 'output-dir');
    const counts = { built: 0, reused: 0, fallback: 0 };
    for (const result of results)
        counts[result.state]++;
    return { manifest, outputDir: (0,external_node_path_.resolve)(deps.outputDir), results, counts };
}


/***/ }),

/***/ 17954:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TOOLS_KIND: () => (/* binding */ TOOLS_KIND),
/* harmony export */   TOOLS_MANIFEST_FILE: () => (/* binding */ TOOLS_MANIFEST_FILE),
/* harmony export */   summaryRows: () => (/* binding */ summaryRows),
/* harmony export */   toolsFolderFiles: () => (/* binding */ toolsFolderFiles)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** The kind of the output folder (SPEC §2) that holds tools-manifest.json. */
const TOOLS_KIND = 'tools';
const TOOLS_MANIFEST_FILE = 'tools-manifest.json';
/** The file stem of a variant's icon/readme: the tool, or tool--<spec folder> for a per-variant spec. */
function assetStem(result) {
    const { variant } = result.planned;
    const specDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(variant.specFile);
    return specDir === variant.context ? variant.tool : `${variant.tool}--${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(specDir)}`;
}
/** Builds the tools manifest and every file of the output folder (icons, readmes, the manifest). */
async function toolsFolderFiles(results, header) {
    const files = new Map();
    const tools = [];
    for (const result of results) {
        const { variant, contentTag } = result.planned;
        const stem = assetStem(result);
        const entry = {
            tool: variant.tool,
            variant: variant.name,
            image: variant.image,
            ref: result.ref,
            tags: result.tags,
            ...(result.state === 'fallback' ? {} : { contentTag }),
            digest: result.digest,
            state: result.state,
            ...(result.defaultImage ? { defaultImage: result.defaultImage } : {}),
            ...(result.reason ? { reason: result.reason } : {}),
            spec: variant.spec,
            metadata: { ...(variant.spec.metadata ?? {}) },
        };
        if (variant.icon) {
            entry.icon = `icons/${stem}.png`;
            files.set(entry.icon, { path: entry.icon, content: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(variant.icon) });
        }
        if (variant.readme) {
            entry.readme = `readme/${stem}.md`;
            files.set(entry.readme, { path: entry.readme, content: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(variant.readme) });
        }
        tools.push(entry);
    }
    const manifest = { schema: 1, registry: header.registry, version: header.version, tools };
    files.set(TOOLS_MANIFEST_FILE, { path: TOOLS_MANIFEST_FILE, content: `${JSON.stringify(manifest, null, 2)}\n` });
    return { manifest, files: [...files.values()] };
}
/** Rows of the job summary table, header first. */
function summaryRows(manifest) {
    const rows = [['Variant', 'State', 'Image', 'Tags', 'Digest']];
    for (const tool of manifest.tools) {
        const state = tool.state === 'fallback' ? `⚠️ fallback (${tool.reason ?? ''})` : tool.state;
        rows.push([tool.variant, state, tool.ref, tool.tags.join(', '), tool.digest ? tool.digest.slice(0, 19) : '-']);
    }
    return rows;
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

/***/ 55634:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CS: () => (/* binding */ listFiles),
/* harmony export */   HN: () => (/* binding */ writeManifest),
/* harmony export */   TX: () => (/* binding */ verifyManifest),
/* harmony export */   WI: () => (/* binding */ readManifest),
/* harmony export */   h1: () => (/* binding */ MANIFEST_FILE)
/* harmony export */ });
/* unused harmony exports MANIFEST_SCHEMA, FolderEntryError, createManifest */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8899);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(97268);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(87471);





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
        producer: { name: _version_js__WEBPACK_IMPORTED_MODULE_4__/* .PRODUCER_NAME */ .n, action: header.action, version: _version_js__WEBPACK_IMPORTED_MODULE_4__/* .PRODUCER_VERSION */ .O },
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
        value = JSON.parse(text);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${path} is not valid JSON (${error.message})`);
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

/***/ 87471:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ PRODUCER_VERSION),
/* harmony export */   n: () => (/* binding */ PRODUCER_NAME)
/* harmony export */ });
/** The producer recorded in every manifest.json. Kept equal to package.json by a test. */
const PRODUCER_NAME = 'quick-launcher-actions';
const PRODUCER_VERSION = '1.0.0';


/***/ })

};
