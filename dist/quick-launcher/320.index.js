export const id = 320;
export const ids = [320,954];
export const modules = {

/***/ 87320:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildOptimizedImages: () => (/* binding */ buildOptimizedImages),
  execute: () => (/* binding */ execute)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/lib/output-folder.ts
var output_folder = __webpack_require__(19267);
// EXTERNAL MODULE: ./src/lib/runner-temp.ts
var runner_temp = __webpack_require__(43940);
// EXTERNAL MODULE: ./src/lib/digest.ts
var lib_digest = __webpack_require__(8899);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(97268);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/lib/http-client.ts
var http_client = __webpack_require__(90207);
// EXTERNAL MODULE: ./src/lib/redact.ts
var redact = __webpack_require__(60310);
;// CONCATENATED MODULE: ./src/tools/registry.ts






/** The manifest media types a registry may hold for one image; asked for in this order. */
const MANIFEST_TYPES = [
    'application/vnd.docker.distribution.manifest.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.index.v1+json',
];
/** A registry that answered with an error, or did not answer at all. */
class RegistryError extends errors/* ConfigurationError */.j1 {
}
/** Credentials for `host` from the docker config that `docker login` writes, if any (never logged). */
async function dockerCredentials(host, env = process.env) {
    const dir = env.DOCKER_CONFIG ?? (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker');
    try {
        const config = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(dir, 'config.json'), 'utf8'));
        for (const [key, value] of Object.entries(config.auths ?? {})) {
            const keyHost = key.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
            if (keyHost === host && value.auth)
                return { basic: value.auth };
        }
    }
    catch {
        // No config (or an unreadable one) means anonymous access, as docker itself does.
    }
    return undefined;
}
function challengeParams(header) {
    const params = {};
    for (const match of header.matchAll(/(\w+)="([^"]*)"/g))
        params[match[1]] = match[2];
    return params;
}
/**
 * A small Docker Registry HTTP API v2 client: enough to ask whether a tag exists, read a digest
 * and retag an image server-side (GET the manifest, PUT it under another tag), so a reused image
 * is never pulled or rebuilt. Handles anonymous and `docker login` Basic/Bearer auth. It talks
 * through the actions' one HttpClient: HTTPS_PROXY/HTTP_PROXY/NO_PROXY honoured, a deadline and
 * a size cap on every answer, `http.ca` trusted for the registry's TLS.
 */
class RegistryClient {
    endpoint;
    credentials;
    authorization;
    http;
    constructor(endpoint, credentials = undefined, http = {}) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.http = new http_client/* HttpClient */.Qq(http);
    }
    get base() {
        return `${this.endpoint.insecure ? 'http' : 'https'}://${this.endpoint.host}`;
    }
    /** Closes kept-alive sockets. */
    close() {
        this.http.close();
    }
    /** One request; a failure to get an answer is a RegistryError naming the URL. */
    async fetch(url, method, headers, body) {
        try {
            return await this.http.request({ method, url, headers, ...(body !== undefined ? { body } : {}) });
        }
        catch (error) {
            const shown = (0,redact/* redactUrlCredentials */.dE)(url.replace(/\?.*$/, ''));
            if (error instanceof http_client/* HttpLimitError */.gO)
                throw new RegistryError(`registry at ${shown}: ${error.message}`);
            const code = error.code;
            const hint = (0,http_client/* isCertificateError */.Y4)(error) ? ' (the registry\'s certificate is not trusted)' : '';
            throw new RegistryError(`cannot reach the registry at ${shown}: ${code && !/CERT|SELF_SIGNED|UNABLE_TO/.test(code) ? code : (0,errors/* errorMessage */.gJ)(error)}${hint}`);
        }
    }
    async send(path, init, scope) {
        const url = `${this.base}${path}`;
        const method = init.method ?? 'GET';
        const attempt = () => this.fetch(url, method, { ...init.headers, ...(this.authorization ? { authorization: this.authorization } : {}) }, init.body);
        let response = await attempt();
        if (response.status === 401) {
            await this.authenticate(response.header('www-authenticate') ?? '', scope);
            response = await attempt();
        }
        if (response.status === 401 || response.status === 403) {
            throw new RegistryError(`${this.endpoint.host} refused ${method} ${path} (HTTP ${response.status}); check the login (docker/login-action) and its rights`);
        }
        return response;
    }
    async authenticate(challenge, scope) {
        if (/^basic/i.test(challenge)) {
            if (!this.credentials)
                throw new RegistryError(`${this.endpoint.host} needs a login (run docker/login-action first)`);
            this.authorization = `Basic ${this.credentials.basic}`;
            return;
        }
        const params = challengeParams(challenge);
        if (!/^bearer/i.test(challenge) || !params.realm) {
            throw new RegistryError(`${this.endpoint.host} asked for an unsupported authentication: ${challenge.split(' ')[0] || 'none'}`);
        }
        let url;
        try {
            url = new URL(params.realm);
        }
        catch {
            throw new RegistryError(`${this.endpoint.host} named a token service that is not a URL: ${(0,redact/* redactUrlCredentials */.dE)(params.realm)}`);
        }
        if (params.service)
            url.searchParams.set('service', params.service);
        url.searchParams.set('scope', scope);
        const response = await this.fetch(url.href, 'GET', this.credentials ? { authorization: `Basic ${this.credentials.basic}` } : {});
        if (response.status !== 200)
            throw new RegistryError(`${this.endpoint.host}: token request refused (HTTP ${response.status})`);
        const body = jsonOf(response, `${this.endpoint.host}: the token service`);
        this.authorization = `Bearer ${body.token ?? body.access_token ?? ''}`;
    }
    /** Checks that the registry answers the v2 API (a 401 counts: it is there). */
    async ping() {
        const url = `${this.base}/v2/`;
        const response = await this.fetch(url, 'GET', {});
        if (response.status !== 200 && response.status !== 401) {
            throw new RegistryError(`${url} answered HTTP ${response.status}; is this a Docker registry (v2 API)?`);
        }
    }
    /** The manifest digest of `repository:tag`, or undefined when the tag does not exist. */
    async digest(repository, tag) {
        const response = await this.send(`/v2/${repository}/manifests/${tag}`, { method: 'HEAD', headers: { accept: MANIFEST_TYPES.join(', ') } }, `repository:${repository}:pull`);
        if (response.status === 404)
            return undefined;
        if (!ok(response))
            throw new RegistryError(`HEAD ${repository}:${tag} answered HTTP ${response.status}`);
        const digest = response.header('docker-content-digest');
        if (!digest)
            throw new RegistryError(`HEAD ${repository}:${tag} gave no Docker-Content-Digest`);
        return digest;
    }
    /** Points `repository:to` at the manifest of `repository:from`, server-side; returns the digest. */
    async retag(repository, from, to) {
        const scope = `repository:${repository}:pull,push`;
        const got = await this.send(`/v2/${repository}/manifests/${from}`, { headers: { accept: MANIFEST_TYPES.join(', ') } }, scope);
        if (!ok(got))
            throw new RegistryError(`GET ${repository}:${from} answered HTTP ${got.status}`);
        const type = got.header('content-type') ?? MANIFEST_TYPES[0];
        const put = await this.send(`/v2/${repository}/manifests/${to}`, { method: 'PUT', headers: { 'content-type': type, 'content-length': String(got.body.length) }, body: got.body }, scope);
        if (!ok(put))
            throw new RegistryError(`PUT ${repository}:${to} answered HTTP ${put.status}`);
        const digest = put.header('docker-content-digest');
        if (!digest)
            throw new RegistryError(`PUT ${repository}:${to} gave no Docker-Content-Digest`);
        return digest;
    }
    /** The tags of a repository ([] when it does not exist). */
    async tags(repository) {
        const response = await this.send(`/v2/${repository}/tags/list`, {}, `repository:${repository}:pull`);
        if (response.status === 404)
            return [];
        if (!ok(response))
            throw new RegistryError(`tags of ${repository} answered HTTP ${response.status}`);
        const body = jsonOf(response, `tags of ${repository}`);
        return (body.tags ?? []).sort();
    }
}
function ok(response) {
    return response.status >= 200 && response.status < 300;
}
/** The body as JSON; anything else is a RegistryError naming what was asked. */
function jsonOf(response, what) {
    try {
        return JSON.parse(response.body.toString('utf8'));
    }
    catch {
        throw new RegistryError(`${what} answered HTTP ${response.status} with a body that is not JSON (${response.header('content-type') ?? 'no Content-Type'})`);
    }
}

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

;// CONCATENATED MODULE: ./src/actions/build-optimized-images/base-images.ts





const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/**
 * The external bases of each variant (pure): its FROM images once the build args are in, less
 * the stages of its own Dockerfile, `scratch`, images pinned by digest (the digest is already in
 * the Dockerfile or the args, so in the tag) and the optimized images of this run (their content
 * tags are already in the child's). A name without a host is Docker Hub's, `library/` added.
 */
function externalBases(plan, prefix) {
    const ownImages = new Set(plan.map((planned) => planned.variant.image));
    const bases = new Map();
    for (const planned of plan) {
        const { dockerfileFacts: facts } = planned.variant;
        const args = new Map(facts.globalArgs);
        for (const [key, value] of planned.buildArgs)
            args.set(key, value);
        const found = [];
        for (const from of facts.froms) {
            if (facts.stages.has(from.image))
                continue;
            const image = substituteArgs(from.image, args);
            const reference = parseReference(image);
            if (!reference || reference.digest || image === 'scratch')
                continue;
            const full = reference.host ? `${reference.host}/${reference.path}` : reference.path;
            const own = prefix && `${full}/`.startsWith(prefix) ? full.slice(prefix.length) : reference.host ? undefined : reference.path;
            if (own !== undefined && ownImages.has(own))
                continue;
            const hub = !reference.host || DOCKER_HUB.has(reference.host);
            const repository = hub && !reference.path.includes('/') ? `library/${reference.path}` : reference.path;
            found.push({ reference: image, host: hub ? 'registry-1.docker.io' : reference.host, repository, tag: reference.tag ?? 'latest' });
        }
        bases.set(planned.variant.name, found);
    }
    return bases;
}
/**
 * Resolves bases through the Registry API (the action's HTTP client: proxies and CA honoured,
 * `docker login` credentials). The push registry's client is reused for its own host, so an
 * insecure (plain HTTP) registry stays reachable; other hosts are asked over HTTPS.
 */
function registryBaseResolver(pushRegistry) {
    const clients = new Map([[pushRegistry.endpoint.host, pushRegistry]]);
    return async (base) => {
        let client = clients.get(base.host);
        if (!client) {
            client = new RegistryClient({ host: base.host, insecure: false }, await dockerCredentials(base.host));
            clients.set(base.host, client);
        }
        return client.digest(base.repository, base.tag);
    };
}
/**
 * Each variant's context digest with the digests of its external bases folded in, so a base image
 * pushed anew under the same tag (a security update of `ubuntu:22.04`) gives a new content tag and
 * a rebuild. A base whose digest cannot be read leaves the digest as it was, with a warning: its
 * updates then need `rebuild: true`.
 */
async function withBaseDigests(contextDigests, bases, resolve, logger) {
    const resolved = new Map();
    const digestOf = (base) => {
        const key = `${base.host}/${base.repository}:${base.tag}`;
        let found = resolved.get(key);
        if (!found) {
            found = resolve(base).then((digest) => {
                if (!digest)
                    logger.warning(`Base image ${base.reference} was not found in its registry; its updates do not change the content tag (use rebuild: true)`);
                return digest;
            }, (error) => {
                logger.warning(`Base image ${base.reference}: its digest could not be read (${(0,errors/* errorMessage */.gJ)(error)}); its updates do not change the content tag (use rebuild: true)`);
                return undefined;
            });
            resolved.set(key, found);
        }
        return found;
    };
    const result = new Map(contextDigests);
    for (const [name, digest] of contextDigests) {
        const lines = [];
        for (const base of bases.get(name) ?? []) {
            const baseDigest = await digestOf(base);
            if (baseDigest)
                lines.push(`${base.reference} ${baseDigest}`);
        }
        if (lines.length > 0)
            result.set(name, (0,lib_digest/* sha256 */.sc)([digest, ...lines].join('\n')));
    }
    return result;
}

;// CONCATENATED MODULE: ./src/actions/build-optimized-images/build-log.ts
/**
 * The log of builds that run in parallel, one log group per build, groups never interleaved
 * (GitHub's log cannot show two open groups). Sections get the log in the order they were
 * opened: the first streams live; a build that starts while another holds the log keeps its
 * lines and shows them, then streams live, as soon as the earlier ones are done.
 */
class BuildLogs {
    logger;
    turn = Promise.resolve();
    constructor(logger) {
        this.logger = logger;
    }
    open(title) {
        const kept = [];
        let live = false;
        let closed = false;
        let finish = () => undefined;
        const finished = new Promise((resolve) => {
            finish = resolve;
        });
        this.turn = this.turn.then(() => this.logger.group(title, async () => {
            for (const line of kept.splice(0))
                this.logger.info(line);
            live = true;
            await finished;
        }));
        return {
            write: (line) => {
                if (closed)
                    return;
                if (live)
                    this.logger.info(line);
                else
                    kept.push(line);
            },
            close: () => {
                closed = true;
                finish();
            },
        };
    }
    /** Resolves once every section opened so far has been shown and closed. */
    drain() {
        return this.turn;
    }
}

;// CONCATENATED MODULE: ./src/actions/build-optimized-images/build-variants.ts


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
    const logs = new BuildLogs(logger);
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
        if (options.push && deps.registry && !options.rebuild) {
            const existing = await deps.registry.digest(repository, contentTag);
            if (existing) {
                const digest = await publish(planned, repository);
                logger.info(`${variant.name}: ${contentTag} is already in the registry; retagged, not rebuilt`);
                results.set(variant.name, { ...base, state: 'reused', digest: digest || existing });
                return;
            }
        }
        const builder = deps.builder;
        // Streamed into its own log group (BuildLogs keeps parallel builds' groups apart).
        const section = logs.open(`Building ${ref} (${plan.indexOf(planned) + 1}/${plan.length})`);
        try {
            await builder.build({
                context: variant.context,
                dockerfile: variant.dockerfile,
                tags: tags.map((tag) => `${options.prefix}${variant.image}:${tag}`),
                buildArgs: planned.buildArgs,
            }, { insecure: options.insecure }, (line) => section.write(line));
        }
        catch (error) {
            if (!(error instanceof errors/* ConfigurationError */.j1 || error instanceof errors/* BuildError */.zS || error instanceof errors/* EnvironmentError */.eG))
                throw error;
            if (!options.fallback)
                throw new errors/* BuildError */.zS(`Variant '${variant.name}': ${(0,errors/* errorMessage */.gJ)(error)}`, { cause: error });
            results.set(variant.name, fallBack(planned, (0,errors/* errorMessage */.gJ)(error).split('\n')[0].replace(/:$/, '')));
            return;
        }
        finally {
            section.close();
        }
        let digest = null;
        if (options.push && deps.registry) {
            await builder.push(`${options.prefix}${variant.image}:${contentTag}`, { insecure: options.insecure });
            digest = await publish(planned, repository);
        }
        results.set(variant.name, { ...base, state: 'built', digest });
    };
    try {
        await runOrdered(plan, (planned) => planned.variant.name, (planned) => planned.parents, options.maxParallel, one);
    }
    finally {
        await logs.drain();
    }
    return plan.map((planned) => results.get(planned.variant.name));
}

// EXTERNAL MODULE: ./src/tools/exec.ts
var exec = __webpack_require__(12122);
;// CONCATENATED MODULE: ./src/tools/image-builder.ts



/** A build that exited non-zero: where it failed, why (when the builder says), and the last output lines. */
class BuildFailedError extends errors/* BuildError */.zS {
    builder;
    step;
    tail;
    reason;
    location;
    constructor(builder, step, tail, reason, 
    /** The Dockerfile line BuildKit names (`Dockerfile:12`), for an annotation there. */
    location) {
        const where = location?.line !== undefined ? `${(0,external_node_path_.basename)(location.file)}:${location.line}${step ? ` (${step})` : ''}` : step;
        super(`${builder} build failed${where ? ` at ${where}` : ''}${reason ? `: ${reason}` : ''}:\n${tail}`);
        this.builder = builder;
        this.step = step;
        this.tail = tail;
        this.reason = reason;
        this.location = location;
    }
}
/** A push, tag or other builder command that exited non-zero. */
class BuilderCommandError extends errors/* ConfigurationError */.j1 {
    constructor(builder, what, output) {
        super(`${builder} ${what} failed:\n${(0,exec.lastLines)(output, 15)}`);
    }
}
// docker's legacy builder prints `Step 3/5 : RUN false`; buildah and podman print `STEP 3/5: RUN false`.
const STEP = /^(?:Step|STEP) (\d+)\/(\d+) ?: ?(.*)$/;
// BuildKit names the failing step ` > [2/3] RUN make:` (`[build 2/3]` in a named stage) in its error block.
const BUILDKIT_STEP = /^(?:#\d+ )?> \[(?:\S+ )?(\d+)\/(\d+)\] (.*?):?$/;
// BuildKit's last word: `ERROR: failed to solve: …` (buildx 0.20+: `ERROR: failed to build: failed to solve: …`).
const BUILDKIT_ERROR = /^(?:ERROR|error): (?:failed to build: )?failed to solve: (?:rpc error: code = \w+ desc = )?(.*)$/;
// Before its Dockerfile excerpt BuildKit prints the file and line alone: `Dockerfile:12`.
const BUILDKIT_LOCATION = /^(\S+):(\d+)$/;
// Progress and housekeeping lines that say nothing about why a build failed.
const NOISE = [/^#\d+ (?:DONE|CACHED|\[internal\]|sha256:|extracting|naming to|exporting|writing image|transferring)/, /^ ---> /, /^Removing intermediate container/, /^Sending build context/, /^DEPRECATED: The legacy builder/, /^ {12}(?:BuildKit|Install the buildx|https:\/\/docs\.docker\.com\/go\/buildx)/, /^-{8,}$/];
/** The last Dockerfile step a build log announced, as `step N/M: INSTRUCTION`, if any. */
function failingStep(output) {
    let found;
    for (const raw of output.split(/\r?\n/)) {
        const match = STEP.exec(raw.trim()) ?? BUILDKIT_STEP.exec(raw.trim());
        if (match)
            found = `step ${match[1]}/${match[2]}: ${match[3].trim()}`;
    }
    return found;
}
/** The last `count` lines of a build log that say something (progress and housekeeping left out). */
function meaningfulTail(output, count) {
    return (0,exec.lastLines)(output.split(/\r?\n/).filter((line) => !NOISE.some((pattern) => pattern.test(line))).join('\n'), count);
}
/**
 * The error for a failed build from its combined output. BuildKit's formats (`ERROR: failed to
 * solve: process "/bin/sh -c …" did not complete successfully: exit code: N`, `failed to compute
 * cache key: … not found`) give the reason and, when BuildKit prints it, the Dockerfile line.
 */
function buildFailure(builder, output, dockerfile) {
    const lines = output.split(/\r?\n/).map((line) => line.trim());
    let reason;
    let line;
    lines.forEach((text, index) => {
        const error = BUILDKIT_ERROR.exec(text);
        if (error)
            reason = error[1];
        const location = BUILDKIT_LOCATION.exec(text);
        if (location && /^-{8,}$/.test(lines[index + 1] ?? ''))
            line = Number(location[2]);
    });
    const location = dockerfile && line !== undefined ? { file: dockerfile, line } : undefined;
    return new BuildFailedError(builder, failingStep(output), meaningfulTail(output, 15), reason, location);
}
/** Splits streamed output into whole lines; `end()` gives the last one if it had no newline. */
function lineSplitter(onLine) {
    let pending = '';
    return {
        write(chunk) {
            const parts = (pending + chunk).split(/\r?\n/);
            pending = parts.pop() ?? '';
            for (const part of parts)
                onLine(part);
        },
        end() {
            if (pending !== '')
                onLine(pending);
            pending = '';
        },
    };
}
/**
 * Runs one build command, streaming its output line by line to `onLine` while it runs; resolves
 * to the whole log, or throws the BuildFailedError of its output.
 */
async function runBuild(run, builder, binary, args, request, onLine) {
    const stream = onLine ? lineSplitter(onLine) : undefined;
    const result = await run(binary, args, stream ? { onOutput: (chunk) => stream.write(chunk) } : {});
    stream?.end();
    const log = `${result.stdout}\n${result.stderr}`;
    if (result.exitCode !== 0)
        throw buildFailure(builder, log, request.dockerfile);
    return log;
}
/**
 * The flags buildah's `bud` and podman's `build` share (one CLI underneath): Docker v2s2 format,
 * `--tls-verify=false` to pull bases from an insecure registry, file, tags, build args, context.
 */
function ociBuildFlags(request, options) {
    return [
        '--format',
        'docker',
        ...(options.insecure ? ['--tls-verify=false'] : []),
        '--file',
        request.dockerfile,
        ...request.tags.flatMap((tag) => ['--tag', tag]),
        ...buildArgFlags(request.buildArgs),
        request.context,
    ];
}
/** `--build-arg KEY=VALUE` pairs in key order, so argv is stable. */
function buildArgFlags(buildArgs) {
    return [...buildArgs.keys()].sort().flatMap((key) => ['--build-arg', `${key}=${buildArgs.get(key) ?? ''}`]);
}

;// CONCATENATED MODULE: ./src/tools/buildah.ts

/** The global flags every buildah call takes. */
function buildahGlobalArgs(storage) {
    return [
        '--storage-driver',
        storage.driver,
        ...(storage.root ? ['--root', storage.root] : []),
        ...(storage.runroot ? ['--runroot', storage.runroot] : []),
    ];
}
/**
 * argv of `buildah bud`. Chroot isolation is the one that runs `RUN` without an OCI runtime or
 * cgroup v2 (see reference/test-infra.md); `--format docker` gives Docker v2s2 manifests, as
 * docker pushes them, so digests mean the same whichever builder made them.
 */
function buildahBuildArgs(storage, request, options) {
    return [
        ...buildahGlobalArgs(storage),
        'bud',
        '--isolation',
        'chroot',
        ...ociBuildFlags(request, options),
    ];
}
/** argv of `buildah push`. */
function buildahPushArgs(storage, reference, options) {
    return [...buildahGlobalArgs(storage), 'push', ...(options.insecure ? ['--tls-verify=false'] : []), reference];
}
/** buildah, daemonless. */
class Buildah {
    run;
    storage;
    binary;
    name = 'buildah';
    constructor(run, storage = { driver: 'vfs' }, binary = 'buildah') {
        this.run = run;
        this.storage = storage;
        this.binary = binary;
    }
    build(request, options, onLine) {
        return runBuild(this.run, 'buildah', this.binary, buildahBuildArgs(this.storage, request, options), request, onLine);
    }
    async push(reference, options) {
        const result = await this.run(this.binary, buildahPushArgs(this.storage, reference, options));
        if (result.exitCode !== 0)
            throw new BuilderCommandError('buildah', `push ${reference}`, `${result.stdout}\n${result.stderr}`);
    }
}

;// CONCATENATED MODULE: ./src/tools/docker.ts

/** argv of `docker build` (the legacy builder: the one Debian's engine has). */
function dockerBuildArgs(request) {
    return [
        'build',
        '--file',
        request.dockerfile,
        ...request.tags.flatMap((tag) => ['--tag', tag]),
        ...buildArgFlags(request.buildArgs),
        request.context,
    ];
}
/** argv of `docker push`; the engine decides TLS from its own insecure-registries setting. */
function dockerPushArgs(reference) {
    return ['push', reference];
}
/** The docker CLI (talks to the engine at DOCKER_HOST). */
class Docker {
    run;
    binary;
    name = 'docker';
    constructor(run, binary = 'docker') {
        this.run = run;
        this.binary = binary;
    }
    build(request, _options, onLine) {
        return runBuild(this.run, 'docker', this.binary, dockerBuildArgs(request), request, onLine);
    }
    async push(reference) {
        const result = await this.run(this.binary, dockerPushArgs(reference));
        if (result.exitCode !== 0)
            throw new BuilderCommandError('docker', `push ${reference}`, `${result.stdout}\n${result.stderr}`);
    }
}

;// CONCATENATED MODULE: ./src/tools/podman.ts

/** argv of `podman build`; `--tls-verify=false` lets it pull bases from an insecure registry. */
function podmanBuildArgs(request, options) {
    return [
        'build',
        ...ociBuildFlags(request, options),
    ];
}
/** argv of `podman push`. */
function podmanPushArgs(reference, options) {
    return ['push', ...(options.insecure ? ['--tls-verify=false'] : []), reference];
}
/** The podman CLI (daemonless, docker-compatible flags). */
class Podman {
    run;
    binary;
    name = 'podman';
    constructor(run, binary = 'podman') {
        this.run = run;
        this.binary = binary;
    }
    build(request, options, onLine) {
        return runBuild(this.run, 'podman', this.binary, podmanBuildArgs(request, options), request, onLine);
    }
    async push(reference, options) {
        const result = await this.run(this.binary, podmanPushArgs(reference, options));
        if (result.exitCode !== 0)
            throw new BuilderCommandError('podman', `push ${reference}`, `${result.stdout}\n${result.stderr}`);
    }
}

// EXTERNAL MODULE: ./src/actions/build-optimized-images/inputs.ts
var inputs = __webpack_require__(88356);
;// CONCATENATED MODULE: ./src/actions/build-optimized-images/connect.ts







/** The builder the input names, or the first of docker, buildah, podman on PATH. */
async function resolveBuilder(name) {
    const candidates = name ? [name] : inputs/* BUILDERS */.rV;
    for (const candidate of candidates) {
        const binary = await (0,exec.findOnPath)(candidate);
        if (!binary)
            continue;
        if (candidate === 'docker')
            return new Docker(exec.execRunner, binary);
        if (candidate === 'buildah')
            return new Buildah(exec.execRunner, { driver: 'vfs' }, binary);
        return new Podman(exec.execRunner, binary);
    }
    // A builder the input names is the user's choice; none at all is the runner's lack.
    if (name)
        throw new errors/* InputError */.dz('builder', `${name} is not on PATH`);
    throw new errors/* EnvironmentError */.eG(`Input 'builder': none of ${inputs/* BUILDERS */.rV.join(', ')} is on PATH`);
}
/** A client for the registry input, checked to answer before anything is built (an unreachable registry is an EnvironmentError). */
async function connectRegistry(inputs) {
    if (!inputs.push || !inputs.registry)
        return undefined;
    const host = inputs.registry.split('/')[0];
    const client = new RegistryClient({ host, insecure: inputs.registryInsecure }, await dockerCredentials(host));
    try {
        await client.ping();
    }
    catch (error) {
        if (error instanceof RegistryError)
            throw new errors/* EnvironmentError */.eG(`Input 'registry': ${(0,errors/* errorMessage */.gJ)(error)}`, { cause: error });
        throw error;
    }
    return client;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/lib/json.ts
var json = __webpack_require__(18453);
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
        const { line, column } = (0,json/* positionOf */.df)(text, offset);
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

;// CONCATENATED MODULE: ./src/actions/build-optimized-images/spec.ts



const SCHEMA = __webpack_require__.ab + "tool-spec.schema.json";
function lineOf(text, needle) {
    const offset = text.indexOf(needle);
    return offset < 0 ? undefined : (0,json/* positionOf */.df)(text, offset).line;
}
/**
 * Expands `${VAR}` in a spec.json text, parses it and checks it against the published schema,
 * then parses each endpoint string and checks that too. Every failure names the file (and the
 * line where there is one).
 */
async function parseToolSpec(raw, file, variables) {
    const text = expandVariables(raw, variables, file);
    const value = (0,json/* parseJson */.qF)(text, file);
    const schema = await (0,json/* loadSchema */.e$)(SCHEMA);
    const problem = schema.check(value);
    if (problem) {
        const key = problem.pointer.split('/')[1];
        throw new errors/* FileError */.f6({ file, line: key ? lineOf(text, `"${key}"`) : undefined }, `not a valid tool spec: ${problem.path}: ${problem.message}`);
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
        const invalid = schema.check(endpoint, '#/definitions/endpoint');
        if (invalid)
            throw new errors/* FileError */.f6({ file, line }, `endpoints[${index}]: endpoint${invalid.pointer.replaceAll('/', '.')}: ${invalid.message}`);
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
        const spec = await parseToolSpec(await readText(specFile), specFile, options.variables);
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

// EXTERNAL MODULE: ./node_modules/ignore/index.js
var ignore = __webpack_require__(70298);
var ignore_default = /*#__PURE__*/__webpack_require__.n(ignore);
;// CONCATENATED MODULE: ./src/actions/build-optimized-images/dockerignore.ts


/**
 * What a build context sends, by Docker's .dockerignore rules, with the `ignore` package (the
 * .gitignore matcher) doing the glob matching. Where .dockerignore differs from .gitignore this
 * adds Docker's behaviour on top (moby/buildkit frontend/dockerfile/dockerignore ReadAll and
 * moby/patternmatcher MatchesOrParentMatches):
 * - a `#` starts a comment only in column 1; lines are trimmed and cleaned like Go's
 *   filepath.Clean (`./a`, `a/../b`, a trailing `/`), and a leading `/` is dropped;
 * - every pattern is relative to the context root (`foo` is `./foo`, not `**\/foo` as in git),
 *   so each is anchored with a leading `/` before `ignore` sees it;
 * - a trailing `/` does not limit a pattern to directories (Clean removes it);
 * - the last pattern that matches a path *or one of its parent folders* decides, so `!` can
 *   re-include a file inside an excluded folder (git cannot). Each pattern is therefore its
 *   own `ignore` instance, asked whether it matches the path or a parent.
 * `**` in the middle of a name (`a**b`) is an ordinary `*` here (git's rule), unlike Docker.
 */
class Dockerignore {
    rules;
    constructor(text) {
        this.rules = [];
        for (const raw of text.split(/\r?\n/)) {
            if (raw.startsWith('#'))
                continue;
            let pattern = raw.trim();
            const include = pattern.startsWith('!');
            if (include)
                pattern = pattern.slice(1).trim();
            if (pattern === '')
                continue;
            pattern = external_node_path_.posix.normalize(pattern).replace(/\/+$/, '').replace(/^\/+/, '');
            // `.` and patterns above the context (`../x`) can match nothing inside it.
            if (pattern === '' || pattern === '.' || pattern === '..' || pattern.startsWith('../'))
                continue;
            this.rules.push({ matcher: ignore_default()().add(`/${pattern}`), include });
        }
    }
    /** True when any rule re-includes: an excluded folder must then still be walked. */
    get hasExceptions() {
        return this.rules.some((rule) => rule.include);
    }
    /** Whether the context leaves out `path` (relative, `/`-separated; folders end with `/`). */
    excludes(path) {
        let excluded = false;
        for (const rule of this.rules) {
            if (excluded !== rule.include)
                continue;
            if (rule.matcher.ignores(path))
                excluded = !rule.include;
        }
        return excluded;
    }
}

;// CONCATENATED MODULE: ./src/actions/build-optimized-images/context-digest.ts






/** The rules of the context's `.dockerignore`; undefined when there is none. */
async function readDockerignore(dir) {
    try {
        return new Dockerignore(await (0,promises_.readFile)((0,external_node_path_.join)(dir, '.dockerignore'), 'utf8'));
    }
    catch (error) {
        if ((0,errors/* errorCode */.CA)(error) === 'ENOENT')
            return undefined;
        throw error;
    }
}
async function isFile(path) {
    try {
        return (await (0,promises_.lstat)(path)).isFile();
    }
    catch {
        return false;
    }
}
/**
 * The ignore rules the content tag honours. buildah and podman read `.containerignore` before
 * `.dockerignore`, BuildKit reads `<Dockerfile>.dockerignore` first: when either is there, the
 * builder may send files `.dockerignore` leaves out, so no file is left out of the tag (a tag
 * that counts too much rebuilds once too often; one that counts too little reuses a stale image).
 */
async function contextRules(dir, dockerfile) {
    if ((await isFile((0,external_node_path_.join)(dir, '.containerignore'))) || (await isFile(`${dockerfile}.dockerignore`)))
        return undefined;
    return readDockerignore(dir);
}
/**
 * sha256 over what a build of `dockerfile` sends from its context: every entry the context's
 * `.dockerignore` keeps (path, kind, executable bit, content or a link's target, in sorted
 * order), plus the Dockerfile itself, which counts even when `.dockerignore` names it (the
 * builder always reads it; it is just not COPYable). The tool's images.yml is left out: it is the
 * action's own metadata, and each variant's tags and args are hashed on their own, so editing one
 * variant's entry does not rebuild its siblings.
 */
async function contextDigest(dir, dockerfile) {
    const rules = await contextRules(dir, dockerfile);
    const walkExcluded = rules?.hasExceptions ?? false;
    const lines = [];
    async function walk(folder) {
        const entries = (await (0,promises_.readdir)((0,external_node_path_.join)(dir, folder), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
        for (const entry of entries) {
            const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
            const full = (0,external_node_path_.join)(dir, path);
            if (path === IMAGES_FILE)
                continue;
            if (entry.isDirectory()) {
                const excluded = rules?.excludes(`${path}/`) ?? false;
                if (!excluded)
                    lines.push(`d ${path}`);
                // Docker walks into an excluded folder only when a `!` rule might re-include something in it.
                if (!excluded || walkExcluded)
                    await walk(path);
                continue;
            }
            if (rules?.excludes(path))
                continue;
            if (entry.isSymbolicLink()) {
                lines.push(`l ${path} ${await (0,promises_.readlink)(full)}`);
            }
            else if (entry.isFile()) {
                const executable = ((await (0,promises_.lstat)(full)).mode & 0o111) !== 0;
                lines.push(`f ${path} ${executable ? 'x' : '-'} ${await (0,lib_digest/* sha256File */.Q3)(full)}`);
            }
        }
    }
    await walk('');
    // Added only when excluded, so a context without .dockerignore keeps the tag it always had.
    const named = (0,external_node_path_.relative)(dir, dockerfile);
    if (rules?.excludes(named))
        lines.push(`dockerfile ${named} ${await (0,lib_digest/* sha256File */.Q3)(dockerfile)}`);
    return (0,lib_digest/* sha256 */.sc)(lines.join('\n'));
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
            throw new Error(`internal: unknown variant ${name}`);
        const logical = new Map(logicalArgs.get(name));
        const real = new Map(logical);
        for (const [key, parentName] of parentArgs.get(name) ?? []) {
            const parent = planned.get(parentName);
            if (!parent)
                throw new Error(`internal: ${parentName} planned after ${name}`);
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
/** Every `default-images` pair names an image and a valid reference. */
function checkDefaultImages(defaults) {
    for (const [image, reference] of defaults) {
        if (!parseReference(image))
            throw new errors/* InputError */.dz('default-images', `'${image}' is not an image name`);
        if (!parseReference(reference))
            throw new errors/* InputError */.dz('default-images', `'${reference}' (for ${image}) is not a valid image reference`);
    }
}
/** With `build: false` every variant falls back: each needs a default image, and `fail-on-fallback` cannot hold. */
function checkWithoutBuild(plan, inputs) {
    if (inputs.build)
        return;
    const missing = plan.filter((planned) => !defaultImageFor(inputs.defaultImages, planned.variant)).map((planned) => planned.variant.image);
    if (missing.length > 0)
        throw new errors/* InputError */.dz('default-images', `build is false, so every image needs a default; none for ${[...new Set(missing)].join(', ')}`);
    if (inputs.failOnFallback)
        throw new errors/* InputError */.dz('fail-on-fallback', 'is true while build is false: every variant would fall back');
}
/** The `registry` input as names: `prefix` of every image reference, `namespace` inside the registry for its API. */
function registryNames(registry) {
    const given = registry ?? '';
    return { prefix: given ? `${given}/` : '', namespace: given.includes('/') ? `${given.slice(given.indexOf('/') + 1)}/` : '' };
}
/** The tools folder's inputs digest: the inputs that shape it, and every content tag planned. */
function inputsDigestOf(inputs, plan) {
    return (0,lib_digest/* digestOf */.ol)({
        ...inputs,
        // Whether the step writes a job summary does not shape the folder.
        summary: undefined,
        buildArgs: Object.fromEntries(inputs.buildArgs),
        specEnv: [...inputs.specEnv.keys()].sort(),
        defaultImages: Object.fromEntries(inputs.defaultImages),
        contentTags: plan.map((planned) => planned.contentTag),
    });
}

// EXTERNAL MODULE: ./src/actions/build-optimized-images/tools-manifest.ts
var tools_manifest = __webpack_require__(17954);
;// CONCATENATED MODULE: ./src/actions/build-optimized-images/execute.ts











const ACTION = 'build-optimized-images';
/**
 * build-optimized-images' work once its inputs parsed, with the runner's tools: the builder the
 * input names (else the first on PATH) and the registry, checked to answer before anything is
 * built. `builder` is returned for the summary.
 */
async function execute(inputs, { env, logger }) {
    const builder = inputs.build ? await resolveBuilder(inputs.builder) : undefined;
    const registry = await connectRegistry(inputs);
    const result = await buildOptimizedImages(inputs, { builder, registry, logger, env, outputDir: inputs.outputDir ?? (0,runner_temp/* workFolder */.k)(env, 'tools') });
    return { ...result, ...(builder ? { builder } : {}) };
}
/**
 * The whole action, given its tools: discover and check every tool (nothing is built or pushed
 * until all of it is valid), plan, build/reuse/fall back, and write the `tools` output folder.
 */
async function buildOptimizedImages(inputs, deps) {
    const { logger } = deps;
    checkDefaultImages(inputs.defaultImages);
    const toolsDir = (0,external_node_path_.resolve)(inputs.toolsDir);
    const variables = variablesFrom(inputs.specEnv, deps.env);
    const variants = [];
    for (const tool of await listTools(toolsDir))
        variants.push(...(await discoverTool(toolsDir, tool, { version: inputs.version, variables })));
    const digests = new Map();
    const byContext = new Map();
    for (const variant of variants) {
        // Per context and Dockerfile: .dockerignore may leave out a sibling variant's Dockerfile.
        const key = `${variant.context}\0${variant.dockerfile}`;
        const digest = byContext.get(key) ?? (await contextDigest(variant.context, variant.dockerfile));
        byContext.set(key, digest);
        digests.set(variant.name, digest);
    }
    const { prefix, namespace } = registryNames(inputs.registry);
    const planOptions = { prefix, buildArgs: inputs.buildArgs, contextDigests: digests };
    let plan = selectVariants(planBuilds(variants, planOptions), inputs.include);
    // A content tag decides something only when it is looked up in the registry: only then do the
    // bases' digests count (planned again with them folded in; planning is pure and cheap).
    if (inputs.build && inputs.push && deps.registry) {
        const selected = new Set(plan.map((planned) => planned.variant.name));
        const bases = new Map([...externalBases(planBuilds(variants, planOptions), prefix)].filter(([name]) => selected.has(name)));
        const contextDigests = await withBaseDigests(digests, bases, registryBaseResolver(deps.registry), logger);
        plan = selectVariants(planBuilds(variants, { ...planOptions, contextDigests }), inputs.include);
    }
    const defaultImageOf = (planned) => defaultImageFor(inputs.defaultImages, planned.variant);
    checkWithoutBuild(plan, inputs);
    logger.info(`${plan.length} variant(s): ${plan.map((planned) => `${planned.variant.name} (${planned.contentTag})`).join(', ')}`);
    const results = await executePlan(plan, {
        prefix,
        namespace,
        push: inputs.push,
        insecure: inputs.registryInsecure,
        build: inputs.build,
        fallback: inputs.fallback,
        failOnFallback: inputs.failOnFallback,
        rebuild: inputs.rebuild,
        maxParallel: inputs.maxParallel,
        defaultImageOf,
    }, deps);
    const { manifest, files } = await (0,tools_manifest.toolsFolderFiles)(results, { registry: inputs.registry ?? '', version: inputs.version });
    await (0,output_folder/* writeOutputFolder */.n)(deps.outputDir, files, { kind: tools_manifest.TOOLS_KIND, action: ACTION, inputsDigest: inputsDigestOf(inputs, plan) }, 'output-dir');
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


/***/ })

};
