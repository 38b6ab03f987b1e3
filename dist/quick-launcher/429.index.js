export const id = 429;
export const ids = [429,122];
export const modules = {

/***/ 90207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qq: () => (/* binding */ HttpClient),
/* harmony export */   Y4: () => (/* binding */ isCertificateError),
/* harmony export */   gO: () => (/* binding */ HttpLimitError)
/* harmony export */ });
/* unused harmony exports DEFAULT_DEADLINE_MS, DEFAULT_MAX_RESPONSE_BYTES */
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
        const virtual = spec.virtualHost;
        if (virtual !== undefined)
            headers.host = url.port === '' ? virtual : `${virtual}:${url.port}`;
        if (proxy === undefined || https || virtual !== undefined) {
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
            const request = send({
                method: spec.method,
                host: target.host,
                ...(target.port ? { port: target.port } : {}),
                path: target.path,
                headers,
                agent: target.agent,
                // SNI and the certificate check: the virtual host's name (https.Agent keeps its connections apart by it).
                ...(https && virtual !== undefined ? { servername: virtual } : {}),
            }, (response) => {
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
                agent = proxy === undefined ? new node_http__WEBPACK_IMPORTED_MODULE_0__.Agent(common) : new _https_tunnel_agent_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpTunnelAgent */ .KW(proxy, common);
            else if (proxy === undefined)
                agent = new node_https__WEBPACK_IMPORTED_MODULE_1__.Agent({ ...common, ...tls });
            else
                agent = new _https_tunnel_agent_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpsTunnelAgent */ .j5(proxy, { ...common, ...tls });
            this.agents.set(key, agent);
        }
        return agent;
    }
}


/***/ }),

/***/ 91913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KW: () => (/* binding */ HttpTunnelAgent),
/* harmony export */   Ng: () => (/* binding */ ProxyTunnelError),
/* harmony export */   j5: () => (/* binding */ HttpsTunnelAgent)
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
 * Opens a CONNECT tunnel through `proxy` to the host and port of `options`; `done` gets the raw
 * socket. Requests still waiting for the proxy are kept in `pending`, so an agent's destroy() ends them.
 */
function openTunnel(proxy, options, defaultPort, pending, done) {
    const host = String(options.host ?? options.hostname ?? 'localhost');
    const target = `${host.includes(':') ? `[${host}]` : host}:${options.port ?? defaultPort}`;
    const authorization = (0,_proxy_env_js__WEBPACK_IMPORTED_MODULE_3__/* .proxyAuthorization */ .YB)(proxy);
    const send = proxy.protocol === 'https:' ? node_https__WEBPACK_IMPORTED_MODULE_1__.request : node_http__WEBPACK_IMPORTED_MODULE_0__.request;
    const connectRequest = send({
        host: proxy.hostname.replace(/^\[|\]$/g, ''),
        port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
        method: 'CONNECT',
        path: target,
        headers: { host: target, ...(authorization ? { 'proxy-authorization': authorization } : {}) },
        agent: false,
        ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    });
    pending.add(connectRequest);
    connectRequest.once('close', () => pending.delete(connectRequest));
    connectRequest.once('connect', (response, socket, head) => {
        if (response.statusCode !== 200) {
            socket.destroy();
            done(new ProxyTunnelError((0,_proxy_env_js__WEBPACK_IMPORTED_MODULE_3__/* .describeProxy */ .GK)(proxy), target, response.statusCode ?? 0, ''));
            return;
        }
        if (head.length > 0)
            socket.unshift(head);
        done(null, socket);
    });
    connectRequest.once('timeout', () => connectRequest.destroy(Object.assign(new Error('proxy CONNECT timed out'), { code: 'ETIMEDOUT' })));
    connectRequest.once('error', (error) => done(new ProxyTunnelError((0,_proxy_env_js__WEBPACK_IMPORTED_MODULE_3__/* .describeProxy */ .GK)(proxy), target, 0, error.message)));
    connectRequest.end();
}
/**
 * An https Agent whose connections are CONNECT tunnels through an HTTP(S) proxy. The origin's TLS
 * is made inside the tunnel from the Agent's own options, so its `ca` and `rejectUnauthorized`
 * apply to the origin exactly as on a direct connection (and a request's `servername`, for SNI);
 * kept-alive tunnels are reused.
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
        openTunnel(this.proxy, options, 443, this.pending, (error, socket) => {
            if (error || !socket)
                return callback?.(error, socket);
            const tlsOptions = { ...options, socket, host };
            callback?.(null, (0,node_tls__WEBPACK_IMPORTED_MODULE_2__.connect)(tlsOptions));
        });
        return undefined;
    }
    destroy() {
        for (const connectRequest of this.pending)
            connectRequest.destroy();
        this.pending.clear();
        super.destroy();
    }
}
/**
 * An http Agent whose connections are CONNECT tunnels through a proxy: plain HTTP inside, for a
 * request whose Host header is not the address it connects to (HttpRequest.virtualHost), which
 * a forward proxy given an absolute URL would replace (RFC 9112 3.2.2).
 */
class HttpTunnelAgent extends node_http__WEBPACK_IMPORTED_MODULE_0__.Agent {
    proxy;
    pending = new Set();
    constructor(proxy, options) {
        super(options);
        this.proxy = proxy;
    }
    createConnection(options, callback) {
        openTunnel(this.proxy, options, 80, this.pending, (error, socket) => callback?.(error, socket));
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
