export const id = 398;
export const ids = [398];
export const modules = {

/***/ 42398:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildImagesStage: () => (/* binding */ buildImagesStage),
  connectRegistry: () => (/* binding */ connectRegistry),
  resolveBuilder: () => (/* binding */ resolveBuilder),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(97268);
// EXTERNAL MODULE: ./src/lib/inputs.ts
var lib_inputs = __webpack_require__(51662);
// EXTERNAL MODULE: ./src/lib/runner-temp.ts
var runner_temp = __webpack_require__(43940);
// EXTERNAL MODULE: ./src/lib/stage.ts
var stage = __webpack_require__(85637);
// EXTERNAL MODULE: ./src/tools/exec.ts
var exec = __webpack_require__(12122);
;// CONCATENATED MODULE: ./src/tools/image-builder.ts


/** A build that exited non-zero: the last output lines and the Dockerfile step that failed. */
class BuildFailedError extends errors/* ConfigurationError */.j1 {
    builder;
    step;
    tail;
    constructor(builder, step, tail) {
        super(`${builder} build failed${step ? ` at ${step}` : ''}:\n${tail}`);
        this.builder = builder;
        this.step = step;
        this.tail = tail;
    }
}
/** A push, tag or other builder command that exited non-zero. */
class BuilderCommandError extends errors/* ConfigurationError */.j1 {
    constructor(builder, what, output) {
        super(`${builder} ${what} failed:\n${(0,exec/* lastLines */.w$)(output, 15)}`);
    }
}
// docker's legacy builder prints `Step 3/5 : RUN false`; buildah and podman print `STEP 3/5: RUN false`.
const STEP = /^(?:Step|STEP) (\d+)\/(\d+) ?: ?(.*)$/;
/** The last Dockerfile step a build log announced, as `step N/M: INSTRUCTION`, if any. */
function failingStep(output) {
    let found;
    for (const raw of output.split(/\r?\n/)) {
        const match = STEP.exec(raw.trim());
        if (match)
            found = `step ${match[1]}/${match[2]}: ${match[3].trim()}`;
    }
    return found;
}
/** The error for a failed build from its combined output. */
function buildFailure(builder, output) {
    return new BuildFailedError(builder, failingStep(output), (0,exec/* lastLines */.w$)(output, 15));
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
    async build(request, options) {
        const result = await this.run(this.binary, buildahBuildArgs(this.storage, request, options));
        const log = `${result.stdout}\n${result.stderr}`;
        if (result.exitCode !== 0)
            throw buildFailure('buildah', log);
        return log;
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
    async build(request) {
        const result = await this.run(this.binary, dockerBuildArgs(request));
        const log = `${result.stdout}\n${result.stderr}`;
        if (result.exitCode !== 0)
            throw buildFailure('docker', log);
        return log;
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
    async build(request, options) {
        const result = await this.run(this.binary, podmanBuildArgs(request, options));
        const log = `${result.stdout}\n${result.stderr}`;
        if (result.exitCode !== 0)
            throw buildFailure('podman', log);
        return log;
    }
    async push(reference, options) {
        const result = await this.run(this.binary, podmanPushArgs(reference, options));
        if (result.exitCode !== 0)
            throw new BuilderCommandError('podman', `push ${reference}`, `${result.stdout}\n${result.stderr}`);
    }
}

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

;// CONCATENATED MODULE: ./src/actions/build-optimized-images/inputs.ts


const BUILDERS = ['docker', 'buildah', 'podman'];
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(:\d+)?$/;
const REGISTRY = /^[a-zA-Z0-9.-]+(?::\d{1,5})?(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$|^\[::1\](?::\d{1,5})?(?:\/[a-z0-9._-]+)*$/;
/** Splits the registry input into host/namespace and whether it is plain HTTP. */
function parseRegistry(value) {
    let rest = value.replace(/\/+$/, '');
    let insecure = false;
    if (rest.startsWith('http://')) {
        insecure = true;
        rest = rest.slice('http://'.length);
    }
    else if (rest.startsWith('https://')) {
        rest = rest.slice('https://'.length);
    }
    if (!REGISTRY.test(rest)) {
        throw new errors/* InputError */.dz('registry', `'${value}' is not a registry (expected host[:port][/namespace], e.g. registry.example.com:5000/library)`);
    }
    const host = rest.split('/')[0];
    return { registry: rest, insecure: insecure || LOOPBACK.test(host) };
}
/** `image=default` (or `image: default`) lines; `#` comments and blank lines skipped. */
function parseDefaultImages(text) {
    const mapping = new Map();
    if (!text)
        return mapping;
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const match = /^(\S+?)\s*(?:=|:\s)\s*(\S+)$/.exec(line);
        if (!match)
            throw new errors/* InputError */.dz('default-images', `line ${index + 1}: expected 'optimized/image=default/image:tag', got '${line}'`);
        mapping.set(match[1], match[2]);
    });
    return mapping;
}
/** Reads every input; the only place this action touches the runner's inputs. */
function getInputs(reader = new lib_inputs/* InputReader */.i_()) {
    const registryText = reader.optional('registry');
    const registry = registryText === undefined ? undefined : parseRegistry(registryText);
    const push = reader.boolean('push', true);
    if (push && !registry)
        throw new errors/* InputError */.dz('registry', 'is required when push is true');
    const version = reader.string('version', 'latest');
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(version)) {
        throw new errors/* InputError */.dz('version', `'${version}' is not a valid image tag (letters, digits, '_', '.', '-'; at most 128)`);
    }
    const builderText = reader.optional('builder');
    const builder = builderText === undefined ? undefined : reader.choice('builder', BUILDERS, 'docker');
    return {
        toolsDir: reader.string('tools-dir', 'deploy/docker/cp-tools/optimized'),
        registry: registry?.registry,
        registryInsecure: registry?.insecure ?? false,
        version,
        push,
        builder,
        buildArgs: reader.keyValues('build-args'),
        specEnv: reader.keyValues('spec-env'),
        include: reader.list('include'),
        maxParallel: reader.integer('max-parallel', 2, { min: 1, max: 32 }),
        defaultImages: parseDefaultImages(reader.optional('default-images')),
        build: reader.boolean('build', true),
        fallback: reader.boolean('fallback', true),
        failOnFallback: reader.boolean('fail-on-fallback', false),
        outputDir: reader.optional('output-dir'),
    };
}

;// CONCATENATED MODULE: ./src/actions/build-optimized-images/run.ts











/** The builder the input names, or the first of docker, buildah, podman on PATH. */
async function resolveBuilder(name) {
    const candidates = name ? [name] : BUILDERS;
    for (const candidate of candidates) {
        const binary = await (0,exec/* findOnPath */.aY)(candidate);
        if (!binary)
            continue;
        if (candidate === 'docker')
            return new Docker(exec/* execRunner */.M6, binary);
        if (candidate === 'buildah')
            return new Buildah(exec/* execRunner */.M6, { driver: 'vfs' }, binary);
        return new Podman(exec/* execRunner */.M6, binary);
    }
    throw new errors/* InputError */.dz('builder', name ? `${name} is not on PATH` : `none of ${BUILDERS.join(', ')} is on PATH`);
}
/** A client for the registry input, checked to answer before anything is built. */
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
            throw new errors/* InputError */.dz('registry', (0,errors/* errorMessage */.gJ)(error));
        throw error;
    }
    return client;
}
/** build-optimized-images as a stage: inputs -> tools -> core -> outputs and summary. */
const buildImagesStage = async ({ source, env, logger }) => {
    const inputs = getInputs(new lib_inputs/* InputReader */.i_(source));
    // The build (YAML, JSON Schema) loads once the inputs are known to be good: a bad input fails fast.
    const [{ buildOptimizedImages }, { TOOLS_MANIFEST_FILE, summaryRows }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(463), __webpack_require__.e(132)]).then(__webpack_require__.bind(__webpack_require__, 58132)), __webpack_require__.e(/* import() */ 954).then(__webpack_require__.bind(__webpack_require__, 17954))]);
    const builder = inputs.build ? await resolveBuilder(inputs.builder) : undefined;
    const registry = await connectRegistry(inputs);
    const outputDir = inputs.outputDir ?? (0,runner_temp/* workFolder */.k)(env, 'tools');
    const result = await buildOptimizedImages(inputs, { builder, registry, logger, env, outputDir });
    const [header, ...rows] = summaryRows(result.manifest);
    const counts = `${result.counts.built} built, ${result.counts.reused} reused, ${result.counts.fallback} fallback`;
    return {
        outputs: {
            'tools-manifest': result.outputDir,
            'tools-manifest-file': (0,external_node_path_.join)(result.outputDir, TOOLS_MANIFEST_FILE),
            images: JSON.stringify(result.manifest.tools.map((tool) => tool.ref)),
            built: String(result.counts.built),
            reused: String(result.counts.reused),
            fallback: String(result.counts.fallback),
        },
        summary: ['### Optimized tool images', '', `${counts}${builder ? ` (builder: ${builder.name})` : ''}`, '', (0,stage/* markdownTable */.Qj)(header, rows), ''].join('\n'),
    };
};
/** The step of the build-optimized-images action. */
async function run() {
    await (0,stage/* runStageAsStep */.WZ)(buildImagesStage);
}


/***/ }),

/***/ 90207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qq: () => (/* binding */ HttpClient),
/* harmony export */   Y4: () => (/* binding */ isCertificateError),
/* harmony export */   gO: () => (/* binding */ HttpLimitError)
/* harmony export */ });
/* unused harmony exports DEFAULT_DEADLINE_MS, DEFAULT_MAX_RESPONSE_BYTES, formatMs, formatBytes */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _https_tunnel_agent_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91913);
/* harmony import */ var _proxy_env_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(65473);




const DEFAULT_DEADLINE_MS = 60_000;
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
/** A request that ran past its deadline or whose answer was larger than allowed. */
class HttpLimitError extends Error {
    limit;
    value;
    name = 'HttpLimitError';
    constructor(limit, 
    /** The deadline in ms or the size in bytes. */
    value) {
        super(limit === 'deadline' ? `no complete answer within ${formatMs(value)}` : `the answer is larger than ${formatBytes(value)}`);
        this.limit = limit;
        this.value = value;
    }
}
/** Node's codes for a certificate the client does not trust or that does not fit the host. */
const CERTIFICATE_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME_MISMATCH/;
/** True when `error` says the peer's certificate was not trusted or did not match. */
function isCertificateError(error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    return CERTIFICATE_CODES.test(code) || (error instanceof Error && /certificate/i.test(error.message));
}
function formatMs(ms) {
    return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
function formatBytes(bytes) {
    return bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MiB` : `${bytes} bytes`;
}
/**
 * One HTTP(S) client for every call the actions make over the network: the proxy from the
 * environment (CONNECT tunnels for https, absolute-form requests for http, NO_PROXY honoured,
 * loopback always direct), the CA applied to the origin's TLS whichever way it is reached, an
 * overall deadline and a size cap on every answer, kept-alive sockets.
 */
class HttpClient {
    options;
    agents = new Map();
    deadlineMs;
    maxBytes;
    constructor(options = {}) {
        this.options = options;
        this.deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
        this.maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    }
    /** Sends one request and reads the whole answer (bounded); network errors reject with Node's error and code. */
    request(spec) {
        const url = new URL(spec.url);
        if (url.username !== '' || url.password !== '')
            return Promise.reject(new Error('credentials in a request URL are refused'));
        const { proxy } = (0,_proxy_env_js__WEBPACK_IMPORTED_MODULE_3__/* .proxyRoute */ .w7)(url, this.options.env ?? process.env);
        const https = url.protocol === 'https:';
        const headers = { ...spec.headers };
        let target;
        const host = url.hostname.replace(/^\[|\]$/g, '');
        if (proxy === undefined || https) {
            target = { host, port: url.port, path: url.pathname + url.search, agent: this.agentFor(https, proxy), secure: https };
        }
        else {
            // Plain http through a proxy: the absolute URL goes to the proxy, which forwards it.
            const authorization = (0,_proxy_env_js__WEBPACK_IMPORTED_MODULE_3__/* .proxyAuthorization */ .YB)(proxy);
            if (authorization)
                headers['proxy-authorization'] = authorization;
            headers.host = url.host;
            const proxyHttps = proxy.protocol === 'https:';
            target = { host: proxy.hostname.replace(/^\[|\]$/g, ''), port: proxy.port, path: url.href, agent: this.agentFor(proxyHttps, undefined, true), secure: proxyHttps };
        }
        return new Promise((resolve, reject) => {
            let settled = false;
            const fail = (error) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                reject(error);
                request.destroy();
            };
            const timer = setTimeout(() => fail(new HttpLimitError('deadline', this.deadlineMs)), this.deadlineMs);
            const send = target.secure ? node_https__WEBPACK_IMPORTED_MODULE_1__.request : node_http__WEBPACK_IMPORTED_MODULE_0__.request;
            const request = send({ method: spec.method, host: target.host, ...(target.port ? { port: target.port } : {}), path: target.path, headers, agent: target.agent }, (response) => {
                const declared = Number(response.headers['content-length']);
                if (Number.isFinite(declared) && declared > this.maxBytes) {
                    fail(new HttpLimitError('size', this.maxBytes));
                    return;
                }
                const chunks = [];
                let size = 0;
                response.on('data', (chunk) => {
                    size += chunk.length;
                    if (size > this.maxBytes)
                        fail(new HttpLimitError('size', this.maxBytes));
                    else
                        chunks.push(chunk);
                });
                response.once('error', fail);
                response.once('aborted', () => fail(Object.assign(new Error('the connection closed before the answer was complete'), { code: 'ECONNRESET' })));
                response.once('end', () => {
                    if (settled)
                        return;
                    settled = true;
                    clearTimeout(timer);
                    const responseHeaders = response.headers;
                    resolve({
                        status: response.statusCode ?? 0,
                        headers: responseHeaders,
                        body: Buffer.concat(chunks),
                        header: (name) => {
                            const value = responseHeaders[name.toLowerCase()];
                            return Array.isArray(value) ? value[0] : value;
                        },
                    });
                });
            });
            request.setTimeout(this.options.idleTimeoutMs ?? this.deadlineMs, () => fail(Object.assign(new Error('Request timeout: the connection was idle too long'), { code: 'ETIMEDOUT' })));
            request.once('error', fail);
            request.end(spec.body);
        });
    }
    /** Closes kept-alive sockets. */
    close() {
        for (const agent of this.agents.values())
            agent.destroy();
        this.agents.clear();
    }
    agentFor(https, proxy, toProxy = false) {
        const key = `${https ? 'https' : 'http'}|${proxy?.href ?? ''}|${toProxy ? 'proxy' : 'origin'}`;
        let agent = this.agents.get(key);
        if (agent === undefined) {
            const lookup = proxy === undefined && !toProxy && this.options.lookup !== undefined ? { lookup: this.options.lookup } : {};
            // `timeout` bounds the proxy's answer to CONNECT too: an open tunnel request never outlives the deadline by much.
            const common = { keepAlive: true, maxSockets: this.options.maxSockets ?? 64, timeout: this.options.idleTimeoutMs ?? this.deadlineMs, ...lookup };
            // The origin's trust settings; a proxy's own TLS is checked against the default roots.
            const tls = toProxy ? {} : { ...(this.options.ca !== undefined ? { ca: this.options.ca } : {}), rejectUnauthorized: this.options.insecure !== true };
            if (!https)
                agent = new node_http__WEBPACK_IMPORTED_MODULE_0__.Agent(common);
            else if (proxy === undefined)
                agent = new node_https__WEBPACK_IMPORTED_MODULE_1__.Agent({ ...common, ...tls });
            else
                agent = new _https_tunnel_agent_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpsTunnelAgent */ .j(proxy, { ...common, ...tls });
            this.agents.set(key, agent);
        }
        return agent;
    }
}


/***/ }),

/***/ 91913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ ProxyTunnelError),
/* harmony export */   j: () => (/* binding */ HttpsTunnelAgent)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(41692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _proxy_env_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(65473);




/** A proxy that refused the tunnel (HTTP 407, 403, 502 …) or could not be reached. */
class ProxyTunnelError extends Error {
    proxy;
    target;
    status;
    name = 'ProxyTunnelError';
    constructor(proxy, target, 
    /** The proxy's answer to CONNECT, 0 when none came. */
    status, detail) {
        super(`proxy ${proxy} ${status ? `refused CONNECT ${target} (HTTP ${status})` : `did not open a tunnel to ${target}: ${detail}`}`);
        this.proxy = proxy;
        this.target = target;
        this.status = status;
    }
}
/**
 * An https Agent whose connections are CONNECT tunnels through an HTTP(S) proxy. The origin's TLS
 * is made inside the tunnel from the Agent's own options, so its `ca` and `rejectUnauthorized`
 * apply to the origin exactly as on a direct connection; kept-alive tunnels are reused.
 */
class HttpsTunnelAgent extends node_https__WEBPACK_IMPORTED_MODULE_1__.Agent {
    proxy;
    /** CONNECT requests still waiting for the proxy; ended by destroy() so none outlives the client. */
    pending = new Set();
    constructor(proxy, options) {
        super(options);
        this.proxy = proxy;
    }
    createConnection(options, callback) {
        const host = String(options.host ?? options.hostname ?? 'localhost');
        const target = `${host.includes(':') ? `[${host}]` : host}:${options.port ?? 443}`;
        const done = (error, stream) => callback?.(error, stream);
        const authorization = (0,_proxy_env_js__WEBPACK_IMPORTED_MODULE_3__/* .proxyAuthorization */ .YB)(this.proxy);
        const send = this.proxy.protocol === 'https:' ? node_https__WEBPACK_IMPORTED_MODULE_1__.request : node_http__WEBPACK_IMPORTED_MODULE_0__.request;
        const connectRequest = send({
            host: this.proxy.hostname.replace(/^\[|\]$/g, ''),
            port: this.proxy.port || (this.proxy.protocol === 'https:' ? 443 : 80),
            method: 'CONNECT',
            path: target,
            headers: { host: target, ...(authorization ? { 'proxy-authorization': authorization } : {}) },
            agent: false,
            ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
        });
        this.pending.add(connectRequest);
        connectRequest.once('close', () => this.pending.delete(connectRequest));
        connectRequest.once('connect', (response, socket, head) => {
            if (response.statusCode !== 200) {
                socket.destroy();
                done(new ProxyTunnelError((0,_proxy_env_js__WEBPACK_IMPORTED_MODULE_3__/* .describeProxy */ .GK)(this.proxy), target, response.statusCode ?? 0, ''));
                return;
            }
            if (head.length > 0)
                socket.unshift(head);
            const tlsOptions = { ...options, socket, host };
            done(null, (0,node_tls__WEBPACK_IMPORTED_MODULE_2__.connect)(tlsOptions));
        });
        connectRequest.once('timeout', () => connectRequest.destroy(Object.assign(new Error('proxy CONNECT timed out'), { code: 'ETIMEDOUT' })));
        connectRequest.once('error', (error) => done(new ProxyTunnelError((0,_proxy_env_js__WEBPACK_IMPORTED_MODULE_3__/* .describeProxy */ .GK)(this.proxy), target, 0, error.message)));
        connectRequest.end();
        return undefined;
    }
    destroy() {
        for (const connectRequest of this.pending)
            connectRequest.destroy();
        this.pending.clear();
        super.destroy();
    }
}


/***/ }),

/***/ 65473:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GK: () => (/* binding */ describeProxy),
/* harmony export */   YB: () => (/* binding */ proxyAuthorization),
/* harmony export */   w7: () => (/* binding */ proxyRoute)
/* harmony export */ });
/* unused harmony exports isLoopbackHost, bypassesProxy */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(97268);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(60310);



function envValue(env, name) {
    for (const key of [name.toLowerCase(), name.toUpperCase()]) {
        const value = env[key]?.trim();
        if (value)
            return { name: key, value };
    }
    return undefined;
}
function bareHost(hostname) {
    return hostname.replace(/^\[|\]$/g, '').toLowerCase();
}
/** True for localhost, *.localhost, 127.0.0.0/8 and ::1. */
function isLoopbackHost(hostname) {
    const host = bareHost(hostname);
    if (host === 'localhost' || host.endsWith('.localhost'))
        return true;
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) === 4)
        return host.startsWith('127.');
    return host === '::1' || host === '0:0:0:0:0:0:0:1';
}
function defaultPort(url) {
    return url.port || (url.protocol === 'https:' ? '443' : '80');
}
/** True when one NO_PROXY entry exempts `url`. */
function matchesEntry(url, rawEntry) {
    let entry = rawEntry.toLowerCase();
    if (entry === '*')
        return true;
    let port;
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    if (bracketed) {
        entry = bracketed[1];
        port = bracketed[2];
    }
    else if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(entry) !== 6) {
        const withPort = /^(.*):(\d+)$/.exec(entry);
        if (withPort)
            [, entry, port] = withPort;
    }
    if (port !== undefined && port !== defaultPort(url))
        return false;
    const host = bareHost(url.hostname);
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(entry) !== 0)
        return host === entry;
    const suffix = entry.replace(/^\*?\./, '');
    return suffix !== '' && (host === suffix || host.endsWith(`.${suffix}`));
}
/** True when NO_PROXY (or loopback) says `url` is reached directly. */
function bypassesProxy(url, env = process.env) {
    if (isLoopbackHost(url.hostname))
        return true;
    const noProxy = envValue(env, 'no_proxy')?.value ?? '';
    return noProxy.split(/[\s,]+/).some((entry) => entry !== '' && matchesEntry(url, entry));
}
/** The proxy `url` goes through, per the environment; a proxy variable that is no http(s) URL is a ConfigurationError naming it. */
function proxyRoute(url, env = process.env) {
    const found = envValue(env, url.protocol === 'https:' ? 'https_proxy' : 'http_proxy');
    if (found === undefined || bypassesProxy(url, env))
        return {};
    let proxy;
    try {
        proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(found.value) ? found.value : `http://${found.value}`);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${found.name} is not a URL: ${(0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrlCredentials */ .dE)(found.value)}`);
    }
    if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${found.name}: only http:// and https:// proxies are supported, not ${proxy.protocol}//`);
    }
    return { proxy, variable: found.name };
}
/** The Proxy-Authorization header for a proxy URL with userinfo, if any. */
function proxyAuthorization(proxy) {
    if (proxy.username === '' && proxy.password === '')
        return undefined;
    const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    return `Basic ${Buffer.from(credentials).toString('base64')}`;
}
/** A proxy URL fit for a message: no userinfo, no path. */
function describeProxy(proxy) {
    return `${proxy.protocol}//${proxy.host}`;
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

/***/ 43940:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ runnerTemp),
/* harmony export */   k: () => (/* binding */ workFolder)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** The runner's temp folder (emptied after each job), else the OS temp folder. */
function runnerTemp(env = process.env) {
    return env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_0__.tmpdir)();
}
/** `<runner temp>/quick-launcher/<name>`: the default place of an action's output or cache folder. */
function workFolder(env, name) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(runnerTemp(env), 'quick-launcher', name);
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


/***/ })

};
