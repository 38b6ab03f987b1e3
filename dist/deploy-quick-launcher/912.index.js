export const id = 912;
export const ids = [912,122];
export const modules = {

/***/ 912:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DeployRolloutError: () => (/* binding */ DeployRolloutError),
  RolloutError: () => (/* reexport */ RolloutError),
  deploy: () => (/* binding */ deploy)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/cloud-pipeline/errors.ts
var errors = __webpack_require__(9087);
;// CONCATENATED MODULE: ./src/cloud-pipeline/folders.ts

/** Folders: `GET /folder/{id}/load`. */
class FoldersApi {
    api;
    constructor(api) {
        this.api = api;
    }
    /** True when the folder exists (upstream drops a home template's parentFolderId otherwise, `DataStorageManager.java:509-511`). */
    async exists(id) {
        try {
            await this.api.request('GET', `/folder/${id}/load`);
            return true;
        }
        catch (error) {
            if (error instanceof errors/* CloudPipelineError */.U && error.notFound)
                return false;
            throw error;
        }
    }
}

;// CONCATENATED MODULE: ./src/cloud-pipeline/answer.ts

function unexpected(call, detail) {
    return new errors/* CloudPipelineError */.U(call.method, call.path, 200, `unexpected answer: ${detail}`);
}
const describe = (value) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value);
/** The payload as an object (`what` names it in the error). */
function objectOf(call, value, what) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw unexpected(call, `${what} should be an object, got ${describe(value)}`);
    return value;
}
/** The payload as a list; absent (an empty list under NON_EMPTY) is []. */
function listOf(call, value, what, item) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        throw unexpected(call, `${what} should be a list, got ${describe(value)}`);
    return value.map(item);
}
function numberIn(call, object, field, what) {
    const value = object[field];
    if (typeof value !== 'number' || !Number.isFinite(value))
        throw unexpected(call, `${what}.${field} should be a number, got ${describe(value)}`);
    return value;
}
function stringIn(call, object, field, what) {
    const value = object[field];
    if (typeof value !== 'string' || value === '')
        throw unexpected(call, `${what}.${field} should be a non-empty string, got ${describe(value)}`);
    return value;
}
function optionalNumberIn(call, object, field, what) {
    return object[field] === undefined || object[field] === null ? undefined : numberIn(call, object, field, what);
}
function optionalStringIn(call, object, field, what) {
    const value = object[field];
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'string')
        throw unexpected(call, `${what}.${field} should be a string, got ${describe(value)}`);
    return value;
}
function roleOf(call, value, what = 'role') {
    const role = objectOf(call, value, what);
    return { ...role, id: numberIn(call, role, 'id', what), name: stringIn(call, role, 'name', what) };
}
/** A PipelineUser; `roles`, `groups` and `defaultStorageId` may be absent. */
function userOf(call, value, what = 'user') {
    const user = objectOf(call, value, what);
    const defaultStorageId = optionalNumberIn(call, user, 'defaultStorageId', what);
    const normalized = {
        ...user,
        id: numberIn(call, user, 'id', what),
        userName: stringIn(call, user, 'userName', what),
        roles: listOf(call, user.roles, `${what}.roles`, (role, index) => roleOf(call, role, `${what}.roles[${index}]`)),
        groups: listOf(call, user.groups, `${what}.groups`, (group) => String(group)),
    };
    if (defaultStorageId === undefined)
        delete normalized.defaultStorageId;
    else
        normalized.defaultStorageId = defaultStorageId;
    return normalized;
}
function storageOf(call, value, what = 'storage') {
    const storage = objectOf(call, value, what);
    return {
        ...storage,
        id: numberIn(call, storage, 'id', what),
        name: stringIn(call, storage, 'name', what),
        path: optionalStringIn(call, storage, 'path', what) ?? '',
        owner: optionalStringIn(call, storage, 'owner', what),
    };
}
/** A Tool, every field kept (an update sends it back whole); `hasIcon` false when absent. */
function toolOf(call, value, what = 'tool') {
    const tool = objectOf(call, value, what);
    return {
        ...tool,
        id: numberIn(call, tool, 'id', what),
        image: stringIn(call, tool, 'image', what),
        registry: optionalStringIn(call, tool, 'registry', what) ?? '',
        registryId: optionalNumberIn(call, tool, 'registryId', what),
        hasIcon: tool.hasIcon === true,
    };
}

;// CONCATENATED MODULE: ./src/cloud-pipeline/metadata.ts

/** Metadata: `POST /metadata/load` (a read), `POST /metadata/updateKeys` (merge keys). */
class MetadataApi {
    api;
    constructor(api) {
        this.api = api;
    }
    /** The metadata of one entity as key -> value ({} when it has none: the API then returns no entry). */
    async load(entityId, entityClass) {
        const call = { method: 'POST', path: '/metadata/load' };
        const entries = listOf(call, await this.api.request(call.method, call.path, { body: [{ entityId, entityClass }] }), 'metadata', (entry, index) => {
            const item = objectOf(call, entry, `metadata[${index}]`);
            const entity = item.entity === undefined ? {} : objectOf(call, item.entity, `metadata[${index}].entity`);
            const data = item.data === undefined ? {} : objectOf(call, item.data, `metadata[${index}].data`);
            return { entity, data };
        });
        return entries.find((entry) => entry.entity.entityId === entityId)?.data ?? {};
    }
    /**
     * Merges string keys into an entity's metadata. The body is built as an object and serialized
     * by JSON.stringify, never by string concatenation (the upstream branch's jq bug, reference §4.2).
     */
    updateKeys(entityId, entityClass, values) {
        const data = {};
        for (const [key, value] of Object.entries(values))
            data[key] = { type: 'string', value };
        return this.api.request('POST', '/metadata/updateKeys', { body: { entity: { entityId, entityClass }, data } });
    }
}

;// CONCATENATED MODULE: ./src/cloud-pipeline/preferences.ts

/** System preferences: `GET /preferences`, `POST /preferences` (an array body). */
class PreferencesApi {
    api;
    constructor(api) {
        this.api = api;
    }
    /** Stored preferences and every system preference at its default (those have no createdDate, and no value when null). */
    async list() {
        const call = { method: 'GET', path: '/preferences' };
        return listOf(call, await this.api.request(call.method, call.path), 'preferences', (entry, index) => {
            const preference = objectOf(call, entry, `preferences[${index}]`);
            return {
                ...preference,
                name: stringIn(call, preference, 'name', `preferences[${index}]`),
                value: optionalStringIn(call, preference, 'value', `preferences[${index}]`) ?? '',
                visible: preference.visible === true,
            };
        });
    }
    /** Creates or updates the given preferences in one call (Preference fields only). */
    update(preferences) {
        const body = preferences.map(({ name, value, visible, type, preferenceGroup, description }) => ({ name, value, visible, type, preferenceGroup, description }));
        return this.api.request('POST', '/preferences', { body });
    }
}

;// CONCATENATED MODULE: ./src/cloud-pipeline/roles.ts

/** Roles and groups: `/role/loadAll`, `/role/{id}/assign`. */
class RolesApi {
    api;
    constructor(api) {
        this.api = api;
    }
    /** Every role (`GET /role/loadAll?loadUsers=false`). */
    async list() {
        const call = { method: 'GET', path: '/role/loadAll' };
        return listOf(call, await this.api.request(call.method, call.path, { query: { loadUsers: false } }), 'roles', (role, index) => roleOf(call, role, `roles[${index}]`));
    }
    /** Adds users to a role (`POST /role/{id}/assign?userIds=`). */
    assign(roleId, userIds) {
        return this.api.request('POST', `/role/${roleId}/assign`, { query: { userIds: userIds.join(',') } });
    }
}

;// CONCATENATED MODULE: ./src/cloud-pipeline/storages.ts


/** Entries asked for per page of a listing. */
const PAGE_SIZE = 1000;
/** Data storages: `/datastorage/find`, `/datastorage/save`, `/datastorage/{id}/list[/page]`, `/grant`, `/grant/owner`. */
class StoragesApi {
    api;
    constructor(api) {
        this.api = api;
    }
    /** The storage with this id or name, or undefined (`GET /datastorage/find?id=`). */
    async find(idOrName) {
        const call = { method: 'GET', path: '/datastorage/find' };
        try {
            return storageOf(call, await this.api.request(call.method, call.path, { query: { id: idOrName } }));
        }
        catch (error) {
            if (error instanceof errors/* CloudPipelineError */.U && error.notFound)
                return undefined;
            throw error;
        }
    }
    /**
     * Creates a storage (`POST /datastorage/save?cloud=true`; `cloud` also creates the bucket). The
     * body must name `serviceType` or `type` and a `path` (`DataStorageManager.java:421-426`,
     * `ProviderUtils.java:59-68`). The API answers `{entity, actionStatus}`.
     */
    async create(storage, options = {}) {
        const call = { method: 'POST', path: '/datastorage/save' };
        const payload = objectOf(call, await this.api.request(call.method, call.path, { query: { cloud: options.cloud ?? true }, body: storage }), 'payload');
        return storageOf(call, payload.entity, 'payload.entity');
    }
    /**
     * Every item directly under `path` ('' for the root), page by page
     * (`GET /datastorage/{id}/list/page`): the unpaged listing of an NFS storage stops at 1000
     * entries (`NFSStorageProvider.java:94, 243`).
     */
    async list(id, path = '') {
        const call = { method: 'GET', path: `/datastorage/${id}/list/page` };
        const items = [];
        let marker;
        for (;;) {
            const page = objectOf(call, (await this.api.request(call.method, call.path, { query: { path: path === '' ? undefined : path, showVersion: false, pageSize: PAGE_SIZE, marker } })) ?? {}, 'listing');
            items.push(...listOf(call, page.results, 'listing.results', (entry, index) => {
                const item = objectOf(call, entry, `listing.results[${index}]`);
                const where = `results[${index}]`;
                return { ...item, name: stringIn(call, item, 'name', where), path: optionalStringIn(call, item, 'path', where) ?? '', type: item.type === 'Folder' ? 'Folder' : 'File' };
            }));
            marker = optionalStringIn(call, page, 'nextPageMarker', 'listing');
            if (marker === undefined)
                return items;
        }
    }
    /** Creates folders, parents listed before children (`POST /datastorage/{id}/list`). */
    createFolders(id, paths) {
        const body = paths.map((path) => ({ path, type: 'Folder', action: 'Create' }));
        return this.api.request('POST', `/datastorage/${id}/list`, { body });
    }
    /** Makes `userName` the storage's owner (`POST /grant/owner`), as upstream does for home storages. */
    setOwner(id, userName) {
        return this.api.request('POST', '/grant/owner', { query: { id, aclClass: 'DATA_STORAGE', userName } });
    }
    /** Grants `mask` on a storage (`POST /grant`, a PermissionGrantVO), as a home template's permissions are applied. */
    grant(id, permission) {
        return this.api.request('POST', '/grant', { body: { aclClass: 'DATA_STORAGE', id, userName: permission.userName, mask: permission.mask, principal: permission.principal ?? true } });
    }
}

;// CONCATENATED MODULE: ./src/cloud-pipeline/tools.ts


const ICON_TYPES = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif' };
/** Tools: `/tool/load`, `/tool/register`, `/tool/update`, `/tool/{id}/icon`, `/toolGroup`. */
class ToolsApi {
    api;
    constructor(api) {
        this.api = api;
    }
    /** The tool for `registry` + `image` (no tag), or undefined (`GET /tool/load`). */
    async load(registry, image) {
        const call = { method: 'GET', path: '/tool/load' };
        try {
            return toolOf(call, await this.api.request(call.method, call.path, { query: { registry, image } }));
        }
        catch (error) {
            if (error instanceof errors/* CloudPipelineError */.U && error.notFound)
                return undefined;
            throw error;
        }
    }
    /** The tool group `<registry>/<group>`, or undefined (`GET /toolGroup?id=`). */
    async group(registry, group) {
        const call = { method: 'GET', path: '/toolGroup' };
        try {
            const found = objectOf(call, await this.api.request(call.method, call.path, { query: { id: `${registry}/${group}` } }), 'tool group');
            return { ...found, id: numberIn(call, found, 'id', 'tool group'), registryId: numberIn(call, found, 'registryId', 'tool group'), name: typeof found.name === 'string' ? found.name : group };
        }
        catch (error) {
            if (error instanceof errors/* CloudPipelineError */.U && error.notFound)
                return undefined;
            throw error;
        }
    }
    /** `POST /tool/register`: needs image, cpu, ram and toolGroupId, and the image tagged in the registry (`ToolManager.java:148-181`). */
    async register(tool) {
        const call = { method: 'POST', path: '/tool/register' };
        return toolOf(call, await this.api.request(call.method, call.path, { body: tool }));
    }
    /**
     * `POST /tool/update` replaces instanceType, disk, descriptions, labels, endpoints,
     * defaultCommand, allowSensitive and allowCommit (`ToolManager.java:200-226`): send the whole
     * loaded tool with the desired fields laid over it.
     */
    async update(tool) {
        const call = { method: 'POST', path: '/tool/update' };
        return toolOf(call, await this.api.request(call.method, call.path, { body: tool }));
    }
    /**
     * The icon's bytes (`GET /tool/{id}/icon`). Ask only when the tool's `hasIcon` is true: without
     * an icon the API answers HTTP 200 with a JSON ERROR (`ToolManager.java:783-786`), reported here
     * as an error, never taken for the icon.
     */
    icon(id) {
        return this.api.request('GET', `/tool/${id}/icon`, { raw: true });
    }
    /** Uploads the icon as multipart (`file` field) as the upstream installer does; jpg/jpeg/png/gif only. */
    setIcon(id, filename, content) {
        const contentType = ICON_TYPES[filename.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
        return this.api.request('POST', `/tool/${id}/icon`, { multipart: { field: 'file', filename, contentType, content } });
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/lib/errors.ts
var lib_errors = __webpack_require__(7268);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: ./src/lib/redact.ts
var redact = __webpack_require__(310);
;// CONCATENATED MODULE: ./src/lib/proxy-env.ts



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
    if ((0,external_node_net_.isIP)(host) === 4)
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
    else if ((0,external_node_net_.isIP)(entry) !== 6) {
        const withPort = /^(.*):(\d+)$/.exec(entry);
        if (withPort)
            [, entry, port] = withPort;
    }
    if (port !== undefined && port !== defaultPort(url))
        return false;
    const host = bareHost(url.hostname);
    if ((0,external_node_net_.isIP)(entry) !== 0)
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
        throw new lib_errors/* ConfigurationError */.j1(`${found.name} is not a URL: ${(0,redact/* redactUrlCredentials */.dE)(found.value)}`);
    }
    if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
        throw new lib_errors/* ConfigurationError */.j1(`${found.name}: only http:// and https:// proxies are supported, not ${proxy.protocol}//`);
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

;// CONCATENATED MODULE: ./src/lib/https-tunnel-agent.ts




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
    const authorization = proxyAuthorization(proxy);
    const send = proxy.protocol === 'https:' ? external_node_https_.request : external_node_http_.request;
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
            done(new ProxyTunnelError(describeProxy(proxy), target, response.statusCode ?? 0, ''));
            return;
        }
        if (head.length > 0)
            socket.unshift(head);
        done(null, socket);
    });
    connectRequest.once('timeout', () => connectRequest.destroy(Object.assign(new Error('proxy CONNECT timed out'), { code: 'ETIMEDOUT' })));
    connectRequest.once('error', (error) => done(new ProxyTunnelError(describeProxy(proxy), target, 0, error.message)));
    connectRequest.end();
}
/**
 * An https Agent whose connections are CONNECT tunnels through an HTTP(S) proxy. The origin's TLS
 * is made inside the tunnel from the Agent's own options, so its `ca` and `rejectUnauthorized`
 * apply to the origin exactly as on a direct connection (and a request's `servername`, for SNI);
 * kept-alive tunnels are reused.
 */
class HttpsTunnelAgent extends external_node_https_.Agent {
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
            callback?.(null, (0,external_node_tls_.connect)(tlsOptions));
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
class HttpTunnelAgent extends external_node_http_.Agent {
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

;// CONCATENATED MODULE: ./src/lib/http-client.ts




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
        const { proxy } = proxyRoute(url, this.options.env ?? process.env);
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
            const authorization = proxyAuthorization(proxy);
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
            const send = target.secure ? external_node_https_.request : external_node_http_.request;
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
                agent = proxy === undefined ? new external_node_http_.Agent(common) : new HttpTunnelAgent(proxy, common);
            else if (proxy === undefined)
                agent = new external_node_https_.Agent({ ...common, ...tls });
            else
                agent = new HttpsTunnelAgent(proxy, { ...common, ...tls });
            this.agents.set(key, agent);
        }
        return agent;
    }
}

// EXTERNAL MODULE: ./src/cloud-pipeline/api-url.ts
var api_url = __webpack_require__(8678);
;// CONCATENATED MODULE: ./src/cloud-pipeline/retry.ts
const DEFAULT_RETRY = { attempts: 6, baseDelayMs: 250, maxDelayMs: 15_000 };
/** HTTP statuses that say "try again later" rather than "your request is wrong". */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const RETRYABLE_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN', 'UND_ERR_SOCKET']);
/** True for a transport failure worth retrying: a reset or dropped connection, or a timeout. */
function isRetryableNetworkError(error) {
    if (typeof error !== 'object' || error === null)
        return false;
    const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
    const message = error instanceof Error ? error.message : '';
    return RETRYABLE_CODES.has(code) || /socket hang up|Request timeout|ECONNRESET/i.test(message);
}
/**
 * Parses a Retry-After header (seconds or an HTTP date) into ms; undefined when absent or
 * unreadable.
 */
function parseRetryAfter(value, now = Date.now()) {
    if (value === undefined || value.trim() === '')
        return undefined;
    if (/^\d+(\.\d+)?$/.test(value.trim()))
        return Math.round(Number(value) * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/**
 * The wait before retry number `retry` (1-based): the server's Retry-After when it gave one,
 * otherwise exponential backoff with full jitter (`random` is injectable for tests).
 */
function retryDelay(policy, retry, retryAfterMs, random = Math.random) {
    if (retryAfterMs !== undefined)
        return Math.min(retryAfterMs, policy.maxDelayMs);
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

;// CONCATENATED MODULE: ./src/cloud-pipeline/transport.ts









/** How much of an answer an error quotes, counted after redaction. */
const QUOTE_CHARS = 200;
/**
 * The HTTP layer of the Cloud Pipeline client: bearer auth, TLS options and the proxy from the
 * environment (through the shared HttpClient), a deadline and a size cap per attempt, retries of
 * 429/502/503/504 and connection resets (POSTs included: every write the provisioning makes is
 * idempotent), and the `{status, message, payload}` envelope.
 */
class ApiTransport {
    options;
    stats = { requests: 0, retries: 0 };
    base;
    http;
    policy;
    constructor(options) {
        this.options = options;
        (0,api_url/* checkApiUrl */.S)(options.url);
        this.base = options.url.replace(/\/+$/, '');
        this.policy = { ...DEFAULT_RETRY, ...options.retry };
        let ca;
        if (options.caFile !== undefined) {
            try {
                ca = (0,external_node_fs_.readFileSync)(options.caFile, 'utf8');
            }
            catch (error) {
                throw new lib_errors/* ConfigurationError */.j1(`CA file ${options.caFile} (api-ca) cannot be read: ${(0,lib_errors/* errorMessage */.gJ)(error)}`);
            }
        }
        const deadlineMs = options.deadlineMs ?? 60_000;
        this.http = new HttpClient({
            ...(ca !== undefined ? { ca } : {}),
            insecure: options.insecure === true,
            deadlineMs,
            idleTimeoutMs: options.timeoutMs ?? deadlineMs,
            ...(options.maxResponseBytes !== undefined ? { maxResponseBytes: options.maxResponseBytes } : {}),
            maxSockets: options.maxSockets ?? 64,
            ...(options.env !== undefined ? { env: options.env } : {}),
        });
    }
    /** Closes kept-alive sockets. */
    dispose() {
        this.http.close();
    }
    /** Sends one call (retrying as the policy allows) and returns the envelope's payload. */
    async request(method, path, spec = {}) {
        const url = this.urlOf(path, spec.query);
        for (let attempt = 1;; attempt++) {
            this.stats.requests++;
            let retryAfter;
            let failure;
            try {
                const response = await this.http.request({ method, url, ...this.bodyOf(spec) });
                const { status, body: buffer } = response;
                const json = /json/i.test(response.header('content-type') ?? '');
                // A raw answer (an icon) that comes back as JSON is the API's ERROR envelope, never the content.
                if (spec.raw === true && status > 0 && status < 400 && !json)
                    return buffer;
                const text = buffer.toString('utf8');
                if (status === 401 || status === 403)
                    throw new errors/* CloudPipelineAuthError */._(method, path, status);
                if (!RETRYABLE_STATUSES.has(status))
                    return this.unwrap(method, path, response, text);
                retryAfter = parseRetryAfter(response.header('retry-after'));
                failure = new errors/* CloudPipelineError */.U(method, path, status, this.messageOf(text));
            }
            catch (error) {
                if (error instanceof errors/* CloudPipelineError */.U || error instanceof errors/* CloudPipelineAuthError */._)
                    throw error;
                // A proxy's 502/503/504 to CONNECT is the same "try again later" as the API's own.
                const busyProxy = error instanceof ProxyTunnelError && RETRYABLE_STATUSES.has(error.status);
                if (!busyProxy && !isRetryableNetworkError(error))
                    throw new errors/* CloudPipelineError */.U(method, path, 0, this.explain(error));
                failure = new errors/* CloudPipelineError */.U(method, path, 0, this.redact((0,lib_errors/* errorMessage */.gJ)(error)));
            }
            if (attempt >= this.policy.attempts)
                throw failure;
            const wait = retryDelay(this.policy, attempt, retryAfter);
            this.stats.retries++;
            this.options.logger?.debug(`${method} ${path}: ${failure.apiMessage}; retry ${attempt} in ${wait} ms`);
            await (0,external_node_timers_promises_.setTimeout)(wait);
        }
    }
    /** A failure that is not retried, with what to do about it. */
    explain(error) {
        const message = this.redact((0,lib_errors/* errorMessage */.gJ)(error).replace(/^Error: /, ''));
        const api = `api-url ${this.redact(this.base)}`;
        if (error instanceof HttpLimitError) {
            return error.limit === 'deadline'
                ? `${message} from ${api} (the API answers too slowly, or a proxy holds the connection)`
                : `${message} from ${api} (is api-url the API's /pipeline/restapi address?)`;
        }
        if (isCertificateError(error))
            return `${message} (set 'api-ca' to the PEM file of the CA that signed the certificate of ${api}, or 'api-insecure')`;
        if (error instanceof ProxyTunnelError)
            return `${message} (the proxy from HTTPS_PROXY; list the API's host in NO_PROXY to reach ${api} directly)`;
        return `${message} (is ${api} reachable?)`;
    }
    urlOf(path, query) {
        const url = new URL(this.base + path);
        for (const [key, value] of Object.entries(query ?? {})) {
            if (value !== undefined)
                url.searchParams.set(key, String(value));
        }
        return url.href;
    }
    bodyOf(spec) {
        const headers = { Authorization: `Bearer ${this.options.token}`, Accept: 'application/json' };
        if (spec.multipart) {
            const boundary = `----quick-launcher-${Math.random().toString(16).slice(2)}`;
            const part = spec.multipart;
            const body = Buffer.concat([
                Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.field}"; filename="${part.filename}"\r\n` +
                    `Content-Type: ${part.contentType}\r\n\r\n`),
                part.content,
                Buffer.from(`\r\n--${boundary}--\r\n`),
            ]);
            headers['Content-Type'] = `multipart/form-data; boundary=${boundary}`;
            headers['Content-Length'] = body.length;
            return { headers, body };
        }
        if (spec.body !== undefined) {
            const body = JSON.stringify(spec.body);
            headers['Content-Type'] = 'application/json';
            headers['Content-Length'] = Buffer.byteLength(body);
            return { headers, body };
        }
        return { headers };
    }
    unwrap(method, path, response, text) {
        const { status } = response;
        let envelope;
        try {
            envelope = JSON.parse(text);
        }
        catch {
            const type = response.header('content-type') ?? 'no Content-Type';
            throw new errors/* CloudPipelineError */.U(method, path, status, `not a JSON answer from api-url ${this.redact(this.base)} (${type}; a login page or a proxy's error page?): ${this.quote(text)}`);
        }
        if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
            throw new errors/* CloudPipelineError */.U(method, path, status, `unexpected answer: not a {status, payload} envelope: ${this.quote(text)}`);
        }
        // Result.status is OK, INFO, WARN or ERROR (controller/Result.java, ResultStatus.java): only ERROR fails.
        if (status >= 400 || envelope.status === 'ERROR' || !['OK', 'INFO', 'WARN'].includes(String(envelope.status))) {
            throw new errors/* CloudPipelineError */.U(method, path, status, this.redact(typeof envelope.message === 'string' && envelope.message !== '' ? envelope.message : `HTTP ${status}, status ${String(envelope.status)}`));
        }
        // NON_EMPTY (JsonMapper.java:76): an empty payload is left out; callers read absent as empty.
        return envelope.payload;
    }
    /** Belt and braces: an API that echoes the token (or its base64) back still never gets it into our errors; URLs lose their userinfo. */
    redact(text) {
        return (0,redact/* redactUrlCredentials */.dE)((0,redact/* redactSecrets */.fp)(text, [this.options.token]));
    }
    /** The first characters of an answer, redacted BEFORE the cut so a secret cut in two cannot escape. */
    quote(text) {
        return (0,redact/* truncate */.xv)(this.redact(text), QUOTE_CHARS) || 'an empty answer';
    }
    /** The API's message from a retryable answer, or the start of its body. */
    messageOf(text) {
        try {
            const envelope = JSON.parse(text);
            if (typeof envelope.message === 'string')
                return this.redact(envelope.message);
        }
        catch {
            // not JSON: a proxy's error page, quoted below
        }
        return (0,redact/* truncate */.xv)(this.redact(text), QUOTE_CHARS) || 'no message';
    }
}

;// CONCATENATED MODULE: ./src/cloud-pipeline/users.ts


/** Users: `/user`, `/users`, `/user/{id}`, `/user/{id}/update`, `/user/token`, `/whoami`. */
class UsersApi {
    api;
    constructor(api) {
        this.api = api;
    }
    /**
     * The user called `name` (the API compares names case-insensitively), or undefined when there
     * is none (`GET /user?name=`; an all-digit name would be read as an id, so none is sent).
     */
    async find(name) {
        const call = { method: 'GET', path: '/user' };
        try {
            const user = userOf(call, await this.api.request(call.method, call.path, { query: { name } }));
            return user.userName.toUpperCase() === name.trim().toUpperCase() ? user : undefined;
        }
        catch (error) {
            if (error instanceof errors/* CloudPipelineError */.U && error.notFound)
                return undefined;
            throw error;
        }
    }
    /** Every user (`GET /users`). */
    async list() {
        const call = { method: 'GET', path: '/users' };
        return listOf(call, await this.api.request(call.method, call.path), 'users', (user, index) => userOf(call, user, `users[${index}]`));
    }
    async get(id) {
        const call = { method: 'GET', path: `/user/${id}` };
        return userOf(call, await this.api.request(call.method, call.path));
    }
    /** `POST /user`: the API upper-cases the name; with `storage.user.home.auto` it also creates the home storage. */
    async create(user) {
        const call = { method: 'POST', path: '/user' };
        return userOf(call, await this.api.request(call.method, call.path, { body: user }));
    }
    /** `PUT /user/{id}`: only defaultStorageId is used, and an absent one clears it (`UserManager.java:407-415`). */
    async update(id, user) {
        const call = { method: 'PUT', path: `/user/${id}` };
        return userOf(call, await this.api.request(call.method, call.path, { body: user }));
    }
    /** Replaces every role of the user (`POST /user/{id}/update?roleIds=`); ROLE_USER is not re-added. */
    async setRoles(id, roleIds) {
        const call = { method: 'POST', path: `/user/${id}/update` };
        return userOf(call, await this.api.request(call.method, call.path, { query: { roleIds: roleIds.join(',') } }));
    }
    /** A token for `name` (admin only), or for the caller when no name is given. Keep it secret. */
    async token(name, expirationSeconds) {
        const call = { method: 'GET', path: '/user/token' };
        const payload = objectOf(call, await this.api.request(call.method, call.path, { query: { name, expiration: expirationSeconds } }), 'token');
        return stringIn(call, payload, 'token', 'payload');
    }
    /** The user the token belongs to. */
    async whoami() {
        const call = { method: 'GET', path: '/whoami' };
        return userOf(call, await this.api.request(call.method, call.path));
    }
}

;// CONCATENATED MODULE: ./src/cloud-pipeline/client.ts








/** The typed Cloud Pipeline REST client: one object per concept over one transport. */
class CloudPipelineClient {
    options;
    users;
    roles;
    storages;
    preferences;
    tools;
    metadata;
    folders;
    transport;
    constructor(options) {
        this.options = options;
        this.transport = new ApiTransport(options);
        this.folders = new FoldersApi(this.transport);
        this.users = new UsersApi(this.transport);
        this.roles = new RolesApi(this.transport);
        this.storages = new StoragesApi(this.transport);
        this.preferences = new PreferencesApi(this.transport);
        this.tools = new ToolsApi(this.transport);
        this.metadata = new MetadataApi(this.transport);
    }
    /** Requests sent and retries made so far. */
    get stats() {
        return { ...this.transport.stats };
    }
    /** A client for the same API with another token (e.g. to check what a user's token reaches); close it when done. */
    withToken(token) {
        return new CloudPipelineClient({ ...this.options, token });
    }
    /** Closes kept-alive sockets; call when done. */
    close() {
        this.transport.dispose();
    }
}
/** Creates a client; `logger` receives retry notes at debug level. */
function createCloudPipelineClient(options) {
    return new CloudPipelineClient(options);
}

;// CONCATENATED MODULE: ./src/cloud-pipeline/index.ts





// EXTERNAL MODULE: ./src/tools/exec.ts
var exec = __webpack_require__(2122);
;// CONCATENATED MODULE: ./src/tools/kubectl.ts

function ref(object) {
    return `${object.kind}/${object.name}`;
}
/** The connection flags, in a stable order, for every call. */
function connectionArgs(connection) {
    const args = [];
    if (connection.kubeconfig)
        args.push(`--kubeconfig=${connection.kubeconfig}`);
    if (connection.context)
        args.push(`--context=${connection.context}`);
    if (connection.namespace)
        args.push(`--namespace=${connection.namespace}`);
    if (connection.cacheDir)
        args.push(`--cache-dir=${connection.cacheDir}`);
    if (connection.requestTimeout)
        args.push(`--request-timeout=${connection.requestTimeout}`);
    return args;
}
/**
 * `apply -f -` (the manifest comes on stdin). `--validate=false` always: schema validation needs
 * the server's real OpenAPI documents, which a minimal or aggregated API server may not serve, and
 * the objects are built by code, not typed by hand.
 */
function applyArgs(options = {}) {
    const args = ['apply', '-f', '-', '--validate=false'];
    if (options.dryRun)
        args.push(`--dry-run=${options.dryRun}`);
    return args;
}
/** `create -f -` (used for the Lease: creation must fail when another deploy holds it). */
function createArgs() {
    return ['create', '-f', '-', '--validate=false'];
}
/** `replace -f -` (optimistic: the object carries its resourceVersion, a conflict is an error). */
function replaceArgs() {
    return ['replace', '-f', '-', '--validate=false'];
}
/** `get <kind>[/<name>] -o json`, optionally filtered by a label selector. */
function getArgs(target) {
    if ('name' in target)
        return ['get', ref(target), '-o', 'json'];
    const args = ['get', target.kind, '-o', 'json'];
    if (target.selector)
        args.push(`--selector=${target.selector}`);
    return args;
}
/** `get <kind>/<name>... -o json --ignore-not-found`: several objects in one call (a List; missing ones left out). */
function getEachArgs(targets) {
    return ['get', ...targets.map(ref), '-o', 'json', '--ignore-not-found'];
}
/**
 * `diff -f -` (client-side: kubectl computes the patch and asks the server for a dry run, which
 * every version since 1.13 serves): exit 0 = no difference, 1 = differences, >1 = error.
 */
function diffArgs() {
    return ['diff', '-f', '-'];
}
/** `delete <kind>/<name>...`. */
function deleteArgs(objects, options = {}) {
    const args = ['delete', ...objects.map(ref)];
    if (options.ignoreNotFound)
        args.push('--ignore-not-found');
    if (options.wait !== undefined)
        args.push(`--wait=${String(options.wait)}`);
    return args;
}
/**
 * `delete <kind> --selector=<s>`: every object of a kind with those labels (the pods a deleted
 * Job leaves to the garbage collector). `--wait=true` returns once they are gone, which works the
 * same on every kubectl, unlike `--cascade=foreground` (a boolean flag before kubectl 1.20).
 */
function deleteSelectorArgs(kind, selector, options = {}) {
    const args = ['delete', kind, `--selector=${selector}`];
    if (options.ignoreNotFound)
        args.push('--ignore-not-found');
    if (options.wait !== undefined)
        args.push(`--wait=${String(options.wait)}`);
    return args;
}
/** `version -o json`: the client's and the server's version in one call. */
function versionArgs() {
    return ['version', '-o', 'json'];
}
/** `exec <pod> [-i] [--container=<c>] -- <argv...>`. */
function execArgs(options) {
    if (options.command.length === 0)
        throw new Error('kubectl exec needs a command');
    const args = ['exec', options.pod];
    if (options.stdin)
        args.push('-i');
    if (options.container)
        args.push(`--container=${options.container}`);
    return [...args, '--', ...options.command];
}
function rolloutRestartArgs(target) {
    return ['rollout', 'restart', ref(target)];
}
function rolloutStatusArgs(target, options = {}) {
    const args = ['rollout', 'status', ref(target), '--watch=true'];
    if (options.timeout)
        args.push(`--timeout=${options.timeout}`);
    return args;
}
function waitArgs(target, options) {
    const args = ['wait', ref(target), `--for=${options.for}`];
    if (options.timeout)
        args.push(`--timeout=${options.timeout}`);
    return args;
}
function logsArgs(target, options = {}) {
    const args = ['logs', ref(target)];
    if (options.container)
        args.push(`--container=${options.container}`);
    if (options.tail !== undefined)
        args.push(`--tail=${options.tail}`);
    return args;
}
function describeArgs(target) {
    return ['describe', ref(target)];
}
/** `annotate <kind>/<name> k=v --overwrite`. */
function annotateArgs(target, annotations) {
    return ['annotate', ref(target), ...Object.entries(annotations).map(([key, value]) => `${key}=${value}`), '--overwrite'];
}
/** `auth can-i <verb> <resource>[.<group>][/<name>] [--subresource=<sub>]`: exit 0 = yes, 1 = no. */
function authCanIArgs(check) {
    const target = `${check.resource}${check.group ? `.${check.group}` : ''}${check.name ? `/${check.name}` : ''}`;
    return ['auth', 'can-i', check.verb, target, ...(check.subresource ? [`--subresource=${check.subresource}`] : [])];
}
/** A kubectl call that exited non-zero: the verb and kubectl's last stderr lines. */
class KubectlError extends Error {
    verb;
    exitCode;
    stderr;
    name = 'KubectlError';
    constructor(verb, exitCode, stderr) {
        super(`kubectl ${verb} failed (exit ${exitCode}): ${(0,exec.lastLines)(stderr, 5) || 'no output'}`);
        this.verb = verb;
        this.exitCode = exitCode;
        this.stderr = stderr;
    }
    /** kubectl's "Error from server (NotFound)". */
    get notFound() {
        return /\(NotFound\)|not found/i.test(this.stderr);
    }
    /** RBAC: "Error from server (Forbidden)". */
    get forbidden() {
        return /\(Forbidden\)|forbidden/i.test(this.stderr);
    }
    get alreadyExists() {
        return /\(AlreadyExists\)|already exists/i.test(this.stderr);
    }
    get conflict() {
        return /\(Conflict\)|the object has been modified/i.test(this.stderr);
    }
}
/** Exit codes a command run by `kubectl exec` may report (kubectl exits with the command's code). */
const EXEC_EXIT_CODES = Array.from({ length: 255 }, (_value, index) => index + 1);
/** kubectl bound to one binary, one connection and one CommandRunner. */
class Kubectl {
    binary;
    connection;
    runner;
    constructor(binary, connection, runner) {
        this.binary = binary;
        this.connection = connection;
        this.runner = runner;
    }
    /** The one place that runs kubectl; a non-zero exit (not listed as ok) is a KubectlError. */
    async execute(args, options = {}) {
        const commandOptions = options.input === undefined ? {} : { input: Buffer.from(options.input) };
        const connection = options.longRunning ? { ...this.connection, requestTimeout: undefined } : this.connection;
        // The flags go before a `--` (exec): what follows it is the command's own argv.
        const split = args.indexOf('--');
        const argv = split < 0 ? [...args, ...connectionArgs(connection)] : [...args.slice(0, split), ...connectionArgs(connection), ...args.slice(split)];
        const result = await this.runner(this.binary, argv, commandOptions);
        if (result.exitCode !== 0 && !(options.okExitCodes ?? []).includes(result.exitCode)) {
            throw new KubectlError(args.slice(0, args[0] === 'rollout' ? 2 : 1).join(' '), result.exitCode, result.stderr);
        }
        return result;
    }
    async apply(manifest, options = {}) {
        return (await this.execute(applyArgs(options), { input: manifest })).stdout;
    }
    async create(manifest) {
        return (await this.execute(createArgs(), { input: manifest })).stdout;
    }
    async replace(manifest) {
        return (await this.execute(replaceArgs(), { input: manifest })).stdout;
    }
    /** The object as JSON, or undefined when it does not exist. */
    async get(target) {
        try {
            return JSON.parse((await this.execute(getArgs(target))).stdout);
        }
        catch (error) {
            if (error instanceof KubectlError && error.notFound)
                return undefined;
            throw error;
        }
    }
    /**
     * Several named objects in one kubectl call (one process start instead of one each), by
     * `kind/name` (kind as given, lower-case); a missing object is absent from the map.
     */
    async getEach(targets) {
        const found = new Map();
        if (targets.length === 0)
            return found;
        const stdout = (await this.execute(getEachArgs(targets))).stdout.trim();
        if (stdout === '')
            return found;
        const parsed = JSON.parse(stdout);
        for (const item of parsed.items ?? [parsed])
            found.set(`${(item.kind ?? '').toLowerCase()}/${item.metadata?.name ?? ''}`, item);
        return found;
    }
    /** The `items` of a list. */
    async list(kind, selector) {
        const list = JSON.parse((await this.execute(getArgs({ kind, selector }))).stdout);
        return list.items ?? [];
    }
    /** The diff text; empty when the cluster already matches. */
    async diff(manifest) {
        return (await this.execute(diffArgs(), { input: manifest, okExitCodes: [1] })).stdout;
    }
    async delete(objects, options = {}) {
        if (objects.length > 0)
            await this.execute(deleteArgs(objects, options));
    }
    async deleteSelected(kind, selector, options = {}) {
        await this.execute(deleteSelectorArgs(kind, selector, options));
    }
    /** The client's and the server's `gitVersion` (e.g. `v1.15.4`); the server's absent if it did not answer. */
    async version() {
        const result = await this.execute(versionArgs(), { okExitCodes: [1] });
        const parsed = JSON.parse(result.stdout || '{}');
        if (!parsed.serverVersion && result.exitCode !== 0)
            throw new KubectlError('version', result.exitCode, result.stderr);
        return { ...(parsed.clientVersion?.gitVersion ? { client: parsed.clientVersion.gitVersion } : {}), ...(parsed.serverVersion?.gitVersion ? { server: parsed.serverVersion.gitVersion } : {}) };
    }
    /**
     * Runs a command in a container; resolves with its exit code and output whatever the code
     * (the caller decides what a non-zero exit means). A refused or failed session is a KubectlError.
     */
    async exec(options) {
        const result = await this.execute(execArgs(options), { ...(options.input !== undefined ? { input: options.input } : {}), okExitCodes: EXEC_EXIT_CODES, longRunning: true });
        // kubectl exits with the command's own code and says so; any other non-zero exit is kubectl's
        // (refused, no such pod, the session broke).
        if (result.exitCode !== 0 && !/command terminated with exit code \d+/.test(result.stderr)) {
            throw new KubectlError('exec', result.exitCode, result.stderr);
        }
        return result;
    }
    async rolloutRestart(target) {
        await this.execute(rolloutRestartArgs(target));
    }
    async rolloutStatus(target, options = {}) {
        return (await this.execute(rolloutStatusArgs(target, options), { longRunning: true })).stdout;
    }
    async wait(target, options) {
        await this.execute(waitArgs(target, options), { longRunning: true });
    }
    async logs(target, options = {}) {
        return (await this.execute(logsArgs(target, options))).stdout;
    }
    async describe(target) {
        return (await this.execute(describeArgs(target))).stdout;
    }
    /** Whether the kubeconfig's identity may do it (a SelfSubjectAccessReview). */
    async canI(check) {
        return (await this.execute(authCanIArgs(check), { okExitCodes: [1] })).exitCode === 0;
    }
    async annotate(target, annotations) {
        await this.execute(annotateArgs(target, annotations));
    }
}

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/app-config-storage.ts
/**
 * The app launcher's `appConfigStorage` (where its folder applications live). The settings
 * template's default, `user_default_storage`, is resolved by the launcher for the apps' owner;
 * the list page passes no user, so the owner is `{userName: serviceUser}` with no
 * `defaultStorageId` and the placeholder stays unresolved: nothing is listed
 * (quick-launcher-app `src/models/parse-storage-placeholder.js:1-26`,
 * `src/models/fetch-folder-applications.js:155-192`). The deploy writes the service user's
 * default storage id in its place; a number the user gave is kept.
 */
/** The placeholder the launcher resolves from the owner's `defaultStorageId` (matched case-insensitively upstream). */
const PLACEHOLDER = /^user_default_storage$/i;
/** The hosts of app-launcher entries (`applicationsMode: folder`) whose appConfigStorage is the placeholder. */
function placeholderHosts(settings) {
    return Object.entries(settings)
        .filter(([, entry]) => entry?.applicationsMode === 'folder' && typeof entry.appConfigStorage === 'string' && PLACEHOLDER.test(entry.appConfigStorage))
        .map(([host]) => host);
}
/** Replaces the placeholder with `storageId` in place (a numeric value is left alone) and returns the hosts changed. */
function resolveAppConfigStorage(settings, storageId) {
    if (storageId === undefined)
        return [];
    const hosts = placeholderHosts(settings);
    for (const host of hosts) {
        const entry = settings[host];
        if (entry)
            entry.appConfigStorage = storageId;
    }
    return hosts;
}
/** The appConfigStorage of the first app-launcher entry of a settings text, when numeric (what the live Edge was given). */
function storageInSettings(text) {
    if (!text)
        return undefined;
    try {
        const settings = JSON.parse(text);
        for (const entry of Object.values(settings)) {
            const value = entry?.appConfigStorage;
            if (entry?.applicationsMode === 'folder' && typeof value === 'number' && Number.isInteger(value))
                return value;
        }
    }
    catch {
        return undefined;
    }
    return undefined;
}

// EXTERNAL MODULE: ./node_modules/tar/dist/esm/index.min.js
var index_min = __webpack_require__(8697);
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

// EXTERNAL MODULE: ./src/lib/edge-layout.ts
var edge_layout = __webpack_require__(7493);
// EXTERNAL MODULE: ./src/lib/json.ts
var json = __webpack_require__(8453);
// EXTERNAL MODULE: ./src/lib/digest.ts
var digest = __webpack_require__(8899);
;// CONCATENATED MODULE: ./src/lib/manifest.ts






/**
 * The hand-off between jobs (SPEC §2): every action writes its output folder with a
 * `manifest.json` listing each file with its size and sha256, and a consumer verifies the
 * folder against it before using anything in it.
 */
const MANIFEST_FILE = 'manifest.json';
const MANIFEST_SCHEMA = 1;
/** A folder entry that a hand-off folder may not hold. */
class FolderEntryError extends lib_errors/* ConfigurationError */.j1 {
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
        const full = join(dir, path);
        files.push({ path, size: (await lstat(full)).size, sha256: await sha256File(full) });
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
    await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
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
        if ((0,lib_errors/* errorCode */.CA)(error) === 'ENOENT')
            return undefined;
        throw new lib_errors/* InputError */.dz(input, `cannot read ${path}: ${(0,lib_errors/* errorCode */.CA)(error) ?? String(error)}`);
    }
    let value;
    try {
        value = (0,json/* parseJson */.qF)(text, path);
    }
    catch (error) {
        if (!(error instanceof json/* JsonSyntaxError */.q3))
            throw error;
        const { line, column } = error.location;
        throw new lib_errors/* InputError */.dz(input, `${path} is not valid JSON at line ${line}, column ${column}: ${error.detail}`);
    }
    if (!isManifest(value))
        throw new lib_errors/* InputError */.dz(input, `${path} is not a quick-launcher-actions manifest`);
    const schema = value.schema;
    if (schema !== MANIFEST_SCHEMA) {
        throw new lib_errors/* InputError */.dz(input, `${path} has schema ${JSON.stringify(schema)}; this version reads schema ${MANIFEST_SCHEMA}`);
    }
    const seen = new Set();
    for (const file of value.files) {
        const problem = entryPathProblem(file.path);
        if (problem)
            throw new lib_errors/* InputError */.dz(input, `${path} lists ${JSON.stringify(file.path)}, which ${problem}`);
        if (seen.has(file.path))
            throw new lib_errors/* InputError */.dz(input, `${path} lists ${JSON.stringify(file.path)} twice`);
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
        throw new lib_errors/* InputError */.dz(input, `${dir} has no ${MANIFEST_FILE}; pass the output folder of the producing action`);
    if (manifest.kind !== kind) {
        throw new lib_errors/* InputError */.dz(input, `${dir} holds '${manifest.kind}', expected '${kind}'`);
    }
    let actual;
    try {
        actual = await listFiles(dir);
    }
    catch (error) {
        if (error instanceof FolderEntryError)
            throw new lib_errors/* InputError */.dz(input, `${(0,external_node_path_.join)(dir, error.path)}: ${error.message}`);
        throw error;
    }
    const listed = new Map(manifest.files.map((file) => [file.path, file]));
    for (const path of actual) {
        if (!listed.has(path))
            throw new lib_errors/* InputError */.dz(input, `${(0,external_node_path_.join)(dir, path)} is not listed in ${MANIFEST_FILE}`);
    }
    const present = new Set(actual);
    for (const file of manifest.files) {
        const full = (0,external_node_path_.join)(dir, file.path);
        if (!present.has(file.path))
            throw new lib_errors/* InputError */.dz(input, `${full} is listed in ${MANIFEST_FILE} but missing`);
        const size = (await (0,promises_.lstat)(full)).size;
        if (size !== file.size || (await (0,digest/* sha256File */.Q3)(full)) !== file.sha256) {
            throw new lib_errors/* InputError */.dz(input, `${full} does not match its sha256 in ${MANIFEST_FILE} (altered after it was produced)`);
        }
    }
    return manifest;
}

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/collect.ts









/** The edge-config folder's sub-folder that mirrors the Edge's external-apps folder. */
const APPS_DIR = 'external-apps';
const SETTINGS = `${APPS_DIR}/${edge_layout/* EDGE_RELATIVE */.PZ.settings}`;
/**
 * Puts the anonymous user's token into every app-launcher entry (`applicationsMode: folder`) of
 * the hostname-keyed settings as `anonymousAccess.token`, and `appConfigStorage` (the service
 * user's default storage) where the settings hold `user_default_storage`. Pure; the result is a secret.
 */
function withAnonymousToken(settingsText, token, appConfigStorage) {
    let settings;
    try {
        settings = (0,json/* parseJson */.qF)(settingsText, SETTINGS);
    }
    catch (error) {
        if (!(error instanceof json/* JsonSyntaxError */.q3))
            throw error;
        const { line, column } = error.location;
        throw new lib_errors/* InputError */.dz('edge-config', `${SETTINGS} is not valid JSON at line ${line}, column ${column}: ${error.detail}`);
    }
    if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
        throw new lib_errors/* InputError */.dz('edge-config', `${SETTINGS} must be an object keyed by launcher host`);
    }
    const hosts = [];
    if (token !== undefined) {
        for (const [host, entry] of Object.entries(settings)) {
            if (entry?.applicationsMode !== 'folder')
                continue;
            const access = typeof entry.anonymousAccess === 'object' && entry.anonymousAccess !== null ? entry.anonymousAccess : {};
            entry.anonymousAccess = { ...access, token };
            hosts.push(host);
        }
    }
    const storageHosts = resolveAppConfigStorage(settings, appConfigStorage);
    return { text: `${JSON.stringify(settings, null, 2)}\n`, hosts, storageHosts };
}
/** The launcher hosts of the edge-config settings whose `appConfigStorage` is `user_default_storage`. */
async function placeholderStorageHosts(edgeConfigDir) {
    const text = (await (0,promises_.readFile)((0,external_node_path_.join)(edgeConfigDir, SETTINGS))).toString('utf8');
    return placeholderHosts(JSON.parse(withAnonymousToken(text, undefined).text));
}
/** The launcher's built files from the distribution folder's launcher archive (`quick-launcher/www/**`). */
async function launcherFiles(distributionDir) {
    const names = await (0,promises_.readdir)(distributionDir);
    const archive = names.find((name) => /^quick-launcher\..+\.tgz$/.test(name)) ?? names.find((name) => /^cloud-pipeline\..+\.tgz$/.test(name));
    if (!archive)
        throw new lib_errors/* InputError */.dz('distribution', `${distributionDir} holds no quick-launcher.<version>.tgz or cloud-pipeline.<version>.tgz`);
    const files = [];
    const prefix = `${LAUNCHER_WWW_DIR}/`;
    const refused = [];
    await index_min.t({
        file: (0,external_node_path_.join)(distributionDir, archive),
        strict: true,
        filter: (path) => path.replace(/^\.\//, '').startsWith(prefix),
        onReadEntry: (entry) => {
            const path = entry.path.replace(/^\.\//, '');
            if (entry.type === 'Directory') {
                entry.resume();
                return;
            }
            if (entry.type !== 'File') {
                refused.push(`${path} is a ${entry.type}, not a regular file`);
                entry.resume();
                return;
            }
            const chunks = [];
            entry.on('data', (chunk) => chunks.push(chunk));
            entry.on('end', () => files.push({ path, content: Buffer.concat(chunks), secret: false, input: 'distribution' }));
        },
    });
    if (refused.length > 0)
        throw new lib_errors/* InputError */.dz('distribution', `${archive}: ${refused[0]}`);
    if (!files.some((file) => file.path === `${prefix}index.html`)) {
        throw new lib_errors/* InputError */.dz('distribution', `${archive} has no ${prefix}index.html: is it the output of build-dist-with-launcher?`);
    }
    return files;
}
async function walk(dir, relative = '') {
    const found = [];
    for (const entry of await (0,promises_.readdir)((0,external_node_path_.join)(dir, relative), { withFileTypes: true })) {
        const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
        if (entry.isDirectory())
            found.push(...(await walk(dir, path)));
        else
            found.push(path);
    }
    return found;
}
/**
 * The edge-config files the rollout installs: the settings, exactly one server block
 * `<host>.srv.conf` per launcher host the settings name (the file sync-routes inserts run routes
 * into, sync-routes.py:79,237-242), and what lies in the launcher's folder. A host without its
 * block, or any other file at the top of external-apps (an old `<host>.conf`: nginx would warn
 * "conflicting server name" and the run routes would land in a second block), is an InputError.
 */
function checkEdgeConfigFiles(paths, hosts) {
    const blocks = new Set(hosts.map((host) => (0,edge_layout/* serverBlockName */.wX)(host)));
    for (const host of hosts) {
        if (!paths.includes((0,edge_layout/* serverBlockName */.wX)(host))) {
            throw new lib_errors/* InputError */.dz('edge-config', `${APPS_DIR}/${(0,edge_layout/* serverBlockName */.wX)(host)} is missing: ${edge_layout/* EDGE_RELATIVE */.PZ.settings} names the launcher host ${host}, and the Edge needs its server block`);
        }
    }
    for (const path of paths) {
        if (path.startsWith(`${edge_layout/* EDGE_LAUNCHER_DIR */.Vq}/`) || blocks.has(path))
            continue;
        throw new lib_errors/* InputError */.dz('edge-config', `${APPS_DIR}/${path} is not the server block of a launcher host in ${edge_layout/* EDGE_RELATIVE */.PZ.settings} (expected ${[...blocks].join(', ') || 'none'}); render the folder again with this version of render-edge-config`);
    }
}
/**
 * Everything the Edge rollout installs, verified against the producers' manifests first: the
 * rendered server blocks and settings (with the anonymous token, so always a Secret) from the
 * edge-config folder, and the launcher from the distribution folder. Paths are relative to the
 * Edge's host folder.
 */
async function collectPayloadFiles(options, logger) {
    await verifyManifest(options.edgeConfigDir, 'edge-config', 'edge-config');
    await verifyManifest(options.distributionDir, 'distribution', 'distribution');
    const paths = await walk((0,external_node_path_.join)(options.edgeConfigDir, APPS_DIR));
    const settingsPath = edge_layout/* EDGE_RELATIVE */.PZ.settings;
    if (!paths.includes(settingsPath))
        throw new lib_errors/* InputError */.dz('edge-config', `${options.edgeConfigDir} has no ${SETTINGS}`);
    const settings = withAnonymousToken((await (0,promises_.readFile)((0,external_node_path_.join)(options.edgeConfigDir, APPS_DIR, settingsPath))).toString('utf8'), options.anonymousToken, options.appConfigStorage);
    checkEdgeConfigFiles(paths, Object.keys(JSON.parse(settings.text)));
    if (options.anonymousToken !== undefined) {
        logger.info(settings.hosts.length > 0 ? `anonymous token set for ${settings.hosts.join(', ')}` : 'no app launcher in the settings: the anonymous token is not used');
    }
    if (settings.storageHosts.length > 0)
        logger.info(`appConfigStorage: user_default_storage set to storage ${options.appConfigStorage ?? ''} for ${settings.storageHosts.join(', ')}`);
    const files = [{ path: settingsPath, content: Buffer.from(settings.text), secret: true, input: 'edge-config' }];
    for (const path of paths.filter((candidate) => candidate !== settingsPath)) {
        files.push({ path, content: await (0,promises_.readFile)((0,external_node_path_.join)(options.edgeConfigDir, APPS_DIR, path)), secret: false, input: 'edge-config' });
    }
    const launcher = await launcherFiles(options.distributionDir);
    logger.info(`${files.length} files from edge-config, ${launcher.length} launcher files from the distribution`);
    return [...files, ...launcher];
}

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/edge-volumes.ts

/**
 * Where the Edge reads its external apps, found in the live Deployment rather than assumed
 * (docs/upstream-contract.md#the-deploy): the classic and AWS-native Edges mount the folder read-only
 * at /etc/nginx/ext/external-apps and `init` copies it to /etc/nginx/external-apps at each start
 * (cp-edge-dpl.yaml:71-73, cp-edge-dpl-awsn.yaml:78-81, init:147-151); an additional region mounts
 * the host folder read-write straight at /etc/nginx/external-apps (cp-edge-dpl-additional-region.yaml:77-78).
 */
const COPY_MOUNT = '/etc/nginx/ext/external-apps';
const LIVE_DIR = '/etc/nginx/external-apps';
/** The Edge's certificates (cp-edge-dpl.yaml:65-67), copied to /etc/edge/pki at start (init:158-168). */
const PKI_MOUNT = '/opt/edge/pki';
function trimSlash(path) {
    return path.replace(/\/+$/, '') || '/';
}
function joinPath(base, sub) {
    return sub ? `${trimSlash(base)}/${sub.replace(/^\/+/, '')}` : trimSlash(base);
}
/** The volume behind one mount of the container, as a source the Job can mount; undefined if none or unusable. */
function sourceOf(mount, volumes) {
    const volume = volumes.find((candidate) => candidate.name === mount.name);
    if (volume?.hostPath?.path)
        return { kind: 'hostPath', path: joinPath(volume.hostPath.path, mount.subPath) };
    if (volume?.persistentVolumeClaim?.claimName) {
        return { kind: 'pvc', claimName: volume.persistentVolumeClaim.claimName, ...(mount.subPath ? { subPath: mount.subPath } : {}) };
    }
    return undefined;
}
/** How a source reads in the log: `hostPath /opt/edge/external-apps`, `PVC cp-system-pvc subPath edge/external-apps`. */
function describeSource(source) {
    return source.kind === 'hostPath' ? `hostPath ${source.path}` : `PVC ${source.claimName}${source.subPath ? ` subPath ${source.subPath}` : ''}`;
}
/**
 * Finds the Edge container's external-apps and pki volumes (pure). `expectedHostPath` is the
 * `edge-host-path` input: only a hint (the live Deployment wins; a different hostPath is a
 * warning). No usable volume at either mount path is an InputError naming `edge-host-path`.
 */
function findEdgeVolumes(container, volumes, expectedHostPath) {
    const mounts = container.volumeMounts ?? [];
    for (const [mountPath, layout] of [
        [COPY_MOUNT, 'copy'],
        [LIVE_DIR, 'direct'],
    ]) {
        const mount = mounts.find((candidate) => candidate.mountPath !== undefined && trimSlash(candidate.mountPath) === mountPath);
        if (!mount)
            continue;
        const apps = sourceOf(mount, volumes);
        if (!apps) {
            throw new lib_errors/* InputError */.dz('edge-host-path', `the Edge mounts volume '${mount.name ?? ''}' at ${mountPath}, but it is neither a hostPath nor a persistentVolumeClaim; the installer cannot reach it`);
        }
        const warning = apps.kind === 'hostPath' && trimSlash(expectedHostPath) !== apps.path
            ? `'edge-host-path' is ${expectedHostPath}, but the Edge mounts hostPath ${apps.path} at ${mountPath}: the deploy installs into ${apps.path}, where the Edge reads`
            : undefined;
        const pkiMount = mounts.find((candidate) => candidate.mountPath !== undefined && trimSlash(candidate.mountPath) === PKI_MOUNT);
        const pki = pkiMount ? sourceOf(pkiMount, volumes) : undefined;
        return { layout, mountPath, apps, ...(pki ? { pki } : {}), ...(warning ? { warning } : {}) };
    }
    throw new lib_errors/* InputError */.dz('edge-host-path', `the Edge container mounts nothing at ${COPY_MOUNT} or ${LIVE_DIR} (its mounts: ${mounts.map((mount) => mount.mountPath).join(', ') || 'none'}); the deploy cannot tell where the Edge reads its external apps`);
}

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/payload.ts


const DEFAULT_PAYLOAD_LIMITS = {
    chunkBytes: 512 * 1024,
    objectBytes: 900 * 1024,
    fileBytes: 64 * 1024 * 1024,
    totalBytes: 256 * 1024 * 1024,
};
/** The characters a payload path may use: nothing the installer script would need to quote. */
const SAFE_PATH = /^[A-Za-z0-9._@+-]+(?:\/[A-Za-z0-9._@+-]+)*$/;
function checkPath(file) {
    const parts = file.path.split('/');
    if (!SAFE_PATH.test(file.path) || parts.includes('..') || parts.includes('.') || parts[0] === '.quick-launcher') {
        throw new lib_errors/* InputError */.dz(file.input, `'${file.path}' cannot be installed: file names may use only letters, digits and . _ @ + -`);
    }
}
function encodedSize(bytes) {
    return 4 * Math.ceil(bytes / 3);
}
function payload_formatBytes(bytes) {
    return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}
/** Packs files into chunked objects and computes the index and its digest. */
function packPayload(files, target, limits = DEFAULT_PAYLOAD_LIMITS) {
    if (encodedSize(limits.chunkBytes) > limits.objectBytes) {
        throw new lib_errors/* ConfigurationError */.j1(`a chunk of ${limits.chunkBytes} bytes does not fit an object of ${limits.objectBytes} encoded bytes`);
    }
    const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const seen = new Set();
    let totalBytes = 0;
    for (const file of sorted) {
        checkPath(file);
        if (seen.has(file.path))
            throw new lib_errors/* InputError */.dz(file.input, `'${file.path}' is given twice`);
        seen.add(file.path);
        if (file.content.length > limits.fileBytes) {
            throw new lib_errors/* InputError */.dz(file.input, `'${file.path}' is ${payload_formatBytes(file.content.length)}, over the ${payload_formatBytes(limits.fileBytes)} limit of one file`);
        }
        totalBytes += file.content.length;
    }
    if (totalBytes > limits.totalBytes) {
        throw new lib_errors/* ConfigurationError */.j1(`the payload is ${payload_formatBytes(totalBytes)} in ${sorted.length} files, over the ${payload_formatBytes(limits.totalBytes)} limit`);
    }
    const objects = [];
    const open = { cm: undefined, secret: undefined };
    const counts = { cm: 0, secret: 0 };
    const place = (secret, key, bytes) => {
        const kind = secret ? 'secret' : 'cm';
        let object = open[kind];
        const size = encodedSize(bytes.length) + key.length;
        if (!object || object.encodedBytes + size > limits.objectBytes) {
            object = { id: `${kind}-${counts[kind]++}`, secret, data: {}, encodedBytes: 0 };
            objects.push(object);
            open[kind] = object;
        }
        object.data[key] = bytes;
        object.encodedBytes += size;
        return object.id;
    };
    const indexed = sorted.map((file, fileNumber) => {
        const chunks = [];
        for (let offset = 0, part = 0; offset < file.content.length; offset += limits.chunkBytes, part++) {
            const bytes = file.content.subarray(offset, offset + limits.chunkBytes);
            const key = `f${String(fileNumber).padStart(5, '0')}.c${String(part).padStart(4, '0')}`;
            chunks.push({ object: place(file.secret, key, bytes), key, sha256: (0,digest/* sha256 */.sc)(bytes), size: bytes.length });
        }
        return { path: file.path, size: file.content.length, sha256: (0,digest/* sha256 */.sc)(file.content), secret: file.secret, chunks };
    });
    const index = { schema: 1, hostPath: target.hostPath, installer: target.installer, files: indexed };
    const lines = ['# quick-launcher payload index: file <sha256> <path>, then its chunks in order'];
    for (const file of indexed) {
        lines.push(`file ${file.sha256} ${file.path}`);
        for (const chunk of file.chunks)
            lines.push(`chunk ${chunk.sha256} ${chunk.object}/${chunk.key}`);
    }
    return { index, digest: (0,digest/* digestOf */.ol)(index), objects, installerIndex: `${lines.join('\n')}\n`, totalBytes };
}
/** The short form of a digest used in object names and labels (12 hex digits). */
function shortDigest(digest) {
    return digest.replace(/^sha256:/, '').slice(0, 12);
}

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/objects.ts

/**
 * The Kubernetes objects of a rollout, built as typed values and serialized to JSON for
 * `kubectl apply -f -` (no YAML templating, so no value can change a manifest's structure).
 */
const MANAGED_BY = 'quick-launcher-actions';
const LABEL_MANAGED_BY = 'app.kubernetes.io/managed-by';
const LABEL_DIGEST = 'quick-launcher.cloud-pipeline/digest';
const LABEL_COMPONENT = 'app.kubernetes.io/component';
/** On the Edge deployment: the content digest that is live. */
const ANNOTATION_DIGEST = 'quick-launcher.cloud-pipeline/content-digest';
/** Where the Job mounts things (the sandbox's node simulator rewrites these paths too). */
const MOUNT = { host: '/quick-launcher/host', index: '/quick-launcher/index', payload: '/quick-launcher/payload', certs: '/etc/edge/pki' };
/** Names derived from the content digest: the same content always has the same objects. */
function objectNames(prefix, digest) {
    const short = shortDigest(digest);
    return {
        index: `${prefix}-${short}-index`,
        object: (id) => `${prefix}-${short}-${id}`,
        job: (mode) => `${prefix}-${mode}-${short}`,
    };
}
function labels(digest, component) {
    return { [LABEL_MANAGED_BY]: MANAGED_BY, [LABEL_DIGEST]: shortDigest(digest), [LABEL_COMPONENT]: component };
}
/** The payload objects: the index ConfigMap (index, script), then one ConfigMap/Secret per chunk group. */
function payloadObjects(payload, options) {
    const names = objectNames(options.prefix, payload.digest);
    const index = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: names.index, namespace: options.namespace, labels: labels(payload.digest, 'payload') },
        data: { index: payload.installerIndex, 'install.sh': options.script, 'index.json': JSON.stringify(payload.index) },
    };
    const chunks = payload.objects.map((object) => {
        const data = Object.fromEntries(Object.entries(object.data).map(([key, bytes]) => [key, bytes.toString('base64')]));
        const metadata = { name: names.object(object.id), namespace: options.namespace, labels: labels(payload.digest, 'payload') };
        return object.secret
            ? { apiVersion: 'v1', kind: 'Secret', metadata, type: 'Opaque', data }
            : { apiVersion: 'v1', kind: 'ConfigMap', metadata, binaryData: data };
    });
    return [index, ...chunks];
}
/** A Job volume and its mount for a source the Edge uses. */
function mountOf(name, source, mountPath, readOnly) {
    if (source.kind === 'hostPath') {
        return { volume: { name, hostPath: { path: source.path, ...(readOnly ? {} : { type: 'DirectoryOrCreate' }) } }, mount: { name, mountPath, ...(readOnly ? { readOnly } : {}) } };
    }
    return {
        volume: { name, persistentVolumeClaim: { claimName: source.claimName, ...(readOnly ? { readOnly } : {}) } },
        mount: { name, mountPath, ...(source.subPath ? { subPath: source.subPath } : {}), ...(readOnly ? { readOnly } : {}) },
    };
}
/** The installer (or restore) Job for a payload, on the Edge's node with the Edge's volumes. */
function installerJob(payload, options) {
    const names = objectNames(options.prefix, payload.digest);
    const payloadIds = options.mode === 'install' ? payload.objects.map((object) => object.id) : [];
    const host = mountOf('host', options.apps, MOUNT.host, false);
    const volumes = [
        host.volume,
        { name: 'index', configMap: { name: names.index } },
        ...payload.objects
            .filter((object) => payloadIds.includes(object.id))
            .map((object) => (object.secret ? { name: object.id, secret: { secretName: names.object(object.id) } } : { name: object.id, configMap: { name: names.object(object.id) } })),
    ];
    const mounts = [
        host.mount,
        { name: 'index', mountPath: MOUNT.index, readOnly: true },
        ...payloadIds.map((id) => ({ name: id, mountPath: `${MOUNT.payload}/${id}`, readOnly: true })),
    ];
    if (options.pki) {
        const pki = mountOf('certs', options.pki, MOUNT.certs, true);
        volumes.push(pki.volume);
        mounts.push(pki.mount);
    }
    const env = [
        { name: 'QL_HOST', value: MOUNT.host },
        { name: 'QL_INDEX', value: `${MOUNT.index}/index` },
        { name: 'QL_PAYLOAD_DIRS', value: payloadIds.map((id) => `${MOUNT.payload}/${id}`).join(' ') },
        { name: 'QL_DIGEST', value: payload.digest },
        { name: 'QL_KEEP', value: String(options.keepBackups) },
        { name: 'QL_PKI', value: MOUNT.certs },
        { name: 'QL_KEEP_ROUTES', value: options.keepRoutes ? '1' : '0' },
    ];
    const podLabels = { ...labels(payload.digest, `installer-${options.mode}`) };
    return {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: names.job(options.mode), namespace: options.namespace, labels: podLabels },
        spec: {
            backoffLimit: 0,
            activeDeadlineSeconds: options.activeDeadlineSeconds,
            // Dropped by 1.15 servers (TTLAfterFinished off); the deploy removes old Jobs itself.
            ttlSecondsAfterFinished: 86400,
            template: {
                metadata: { labels: podLabels },
                spec: {
                    restartPolicy: 'Never',
                    ...(options.nodeName ? { nodeName: options.nodeName } : { nodeSelector: options.nodeSelector }),
                    ...(options.tolerations && options.tolerations.length > 0 ? { tolerations: options.tolerations } : {}),
                    ...(options.imagePullSecrets && options.imagePullSecrets.length > 0 ? { imagePullSecrets: options.imagePullSecrets } : {}),
                    containers: [
                        {
                            name: 'installer',
                            image: options.image,
                            command: ['sh', `${MOUNT.index}/install.sh`, options.mode],
                            env,
                            volumeMounts: mounts,
                        },
                    ],
                    volumes,
                },
            },
        },
    };
}
/** A `coordination.k8s.io` Lease held by one deploy. */
function leaseObject(options) {
    const micro = options.now.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
    return {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: {
            name: options.name,
            namespace: options.namespace,
            labels: { [LABEL_MANAGED_BY]: MANAGED_BY },
            ...(options.resourceVersion ? { resourceVersion: options.resourceVersion } : {}),
        },
        spec: { holderIdentity: options.holder, leaseDurationSeconds: options.durationSeconds, acquireTime: options.acquireTime ?? micro, renewTime: micro },
    };
}
/** Objects as one `kind: List` JSON document for a single kubectl call (the dry run's diff). */
function listDocument(objects) {
    return JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects });
}

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/edge.ts






/**
 * A 403 from RBAC: the user's mistake (the deploy's service account lacks a verb), worded with
 * the API server's own message and where to find the Role that grants what the deploy needs.
 */
function forbidden(error) {
    const line = error.stderr.split(/\r?\n/).find((text) => /forbidden/i.test(text)) ?? (0,exec.lastLines)(error.stderr, 1);
    return new lib_errors/* ConfigurationError */.j1(`the cluster refused 'kubectl ${error.verb}': ${line.replace(/^Error from server \(Forbidden\):\s*/, '').replace(/^error when \w+ "STDIN":\s*/, '')}. ` +
        'Grant the deploy the Role in examples/rbac/quick-launcher-deployer.yaml (see docs/deploy-quick-launcher.md).');
}
/** Runs a kubectl step, turning a 403 into a clear configuration error. */
async function guarded(fn) {
    try {
        return await fn();
    }
    catch (error) {
        if (error instanceof KubectlError && error.forbidden)
            throw forbidden(error);
        throw error;
    }
}
/**
 * Reads the Edge deployment: its live digest, image, scheduling and volumes; a missing one names
 * the input. `expectedHostPath` is the `edge-host-path` hint (see findEdgeVolumes).
 */
async function readEdge(kubectl, name, namespace, expectedHostPath = edge_layout/* DEFAULT_EDGE_HOST_PATH */.DV) {
    const deployment = await guarded(() => kubectl.get({ kind: 'deployment', name }));
    if (!deployment) {
        throw new lib_errors/* InputError */.dz('edge-deployment', `deployment '${name}' was not found in namespace '${namespace}' (check 'namespace' and 'context')`);
    }
    const pod = deployment.spec?.template?.spec;
    const containers = pod?.containers ?? [];
    const container = containers.find((candidate) => candidate.name === name) ?? containers[0];
    if (!container?.image)
        throw new lib_errors/* InputError */.dz('edge-deployment', `deployment '${name}' has no container image to run the installer with; set 'installer-image'`);
    const digest = deployment.metadata?.annotations?.[ANNOTATION_DIGEST];
    return {
        name,
        ...(digest ? { digest } : {}),
        image: container.image,
        container: container.name ?? name,
        tolerations: pod?.tolerations ?? [],
        imagePullSecrets: pod?.imagePullSecrets ?? [],
        selector: deployment.spec?.selector?.matchLabels ?? {},
        volumes: findEdgeVolumes(container, pod?.volumes ?? [], expectedHostPath),
    };
}
/**
 * What went wrong with the Edge rollout, for the error: `kubectl describe` of the deployment and
 * the warning events of the deployment and its pods. Best effort: diagnostics never hide the
 * failure they describe.
 */
async function edgeDiagnostics(kubectl, name) {
    const parts = [];
    try {
        parts.push((0,exec.lastLines)(await kubectl.describe({ kind: 'deployment', name }), 25));
    }
    catch (error) {
        parts.push(`(kubectl describe failed: ${error instanceof Error ? error.message : String(error)})`);
    }
    try {
        const events = (await kubectl.list('events'))
            .filter((event) => event.involvedObject?.name?.startsWith(name) && event.type !== 'Normal')
            .slice(-10)
            .map((event) => `${event.involvedObject?.kind ?? ''}/${event.involvedObject?.name ?? ''}: ${event.reason ?? ''} ${event.message ?? ''}`);
        if (events.length > 0)
            parts.push(`Events:\n${events.join('\n')}`);
    }
    catch {
        // events are optional in the error text
    }
    return parts.join('\n');
}

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
        return new lib_errors/* InputError */.dz(source.input, what, {
            file: source.file,
            line: Number(missing[2]),
        });
    }
    const property = PROPERTY.exec(message);
    if (property) {
        // Strict lookup of a name on a text value: Handlebars' `in` check throws before it can locate.
        return new lib_errors/* InputError */.dz(source.input, `unknown template variable '${property[1]}' (on a value, which has no names of its own)`, { file: source.file });
    }
    const helper = HELPER.exec(message);
    if (helper) {
        return new lib_errors/* InputError */.dz(source.input, `unknown helper '${helper[1]}' (there are json and Handlebars' built-in helpers)`, {
            file: source.file,
            ...(helper[2] ? { line: Number(helper[2]) } : {}),
        });
    }
    const parse = PARSE.exec(message);
    if (parse) {
        const detail = message.split('\n').slice(-1)[0];
        return new lib_errors/* InputError */.dz(source.input, `malformed template: ${detail}`, { file: source.file, line: Number(parse[1]) });
    }
    const located = LOCATED.exec(message);
    return new lib_errors/* InputError */.dz(source.input, `malformed template: ${message.replace(LOCATED, '')}`, {
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

;// CONCATENATED MODULE: ./src/lib/version.ts
/** The producer recorded in every manifest.json. Kept equal to package.json by a test. */
const version_PRODUCER_NAME = 'quick-launcher-actions';
const version_PRODUCER_VERSION = '1.0.0';

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/installer.ts




/** The installer script's template (one literal URL, so ncc ships it next to the bundle). */
const TEMPLATE = __webpack_require__.ab + "install.sh.hbs";
/** Backups kept on the node when QL_KEEP is not set. */
const DEFAULT_KEEP_BACKUPS = 3;
/** Installer exit codes (see the script's header) and what they mean, for error messages. */
const INSTALLER_EXIT_CODES = {
    2: 'the installer was called wrongly (usage)',
    3: 'a payload checksum did not match (nothing was changed)',
    4: 'nginx -t rejected the new server blocks (nothing was changed)',
    5: 'a file operation failed on the node',
    6: 'there was no backup to restore',
    7: 'the node holds other content than expected',
    8: 'a launcher file would replace a file of another external app (nothing was changed)',
};
/** Renders the POSIX sh installer that the Job runs on the Edge node. */
function renderInstaller(options = {}) {
    const text = renderTemplate({ text: (0,external_node_fs_.readFileSync)(TEMPLATE, 'utf8'), input: 'installer template', file: 'templates/installer/install.sh.hbs' }, { producer: version_PRODUCER_NAME, version: version_PRODUCER_VERSION, keep: options.keep ?? DEFAULT_KEEP_BACKUPS });
    return { text, sha256: (0,digest/* sha256 */.sc)(text) };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 2 modules
var tool_cache = __webpack_require__(9805);
;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/kubectl-binary.ts






const VERSION = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
/** dl.k8s.io's arch names. */
function kubectlArch(nodeArch = (0,external_node_os_.arch)()) {
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
        const found = await (0,exec.findOnPath)('kubectl');
        if (!found) {
            // No input named a kubectl: the runner lacks one (not the user's mistake).
            throw new lib_errors/* EnvironmentError */.eG("kubectl is not on PATH; install it or set the input 'kubectl-version' to download one");
        }
        logger.info(`Using kubectl on PATH: ${found}`);
        return found;
    }
    if (!VERSION.test(source.version)) {
        throw new lib_errors/* InputError */.dz('kubectl-version', `'${source.version}' is not a version like v1.32.4`);
    }
    let mirror;
    try {
        mirror = new URL(source.mirror);
    }
    catch {
        throw new lib_errors/* InputError */.dz('kubectl-mirror', `'${source.mirror}' is not a URL`);
    }
    if (mirror.protocol !== 'https:' && mirror.protocol !== 'http:') {
        throw new lib_errors/* InputError */.dz('kubectl-mirror', `'${source.mirror}' must be an http(s) URL`);
    }
    const version = source.version.startsWith('v') ? source.version : `v${source.version}`;
    const arch = kubectlArch(source.arch);
    const cached = tool_cache/* find */.I6('kubectl', version.slice(1), arch);
    if (cached) {
        logger.info(`Using cached kubectl ${version} (${arch})`);
        return `${cached}/kubectl`;
    }
    const url = kubectlUrl(source.mirror, version, arch);
    logger.info(`Downloading kubectl ${version} (${arch}) from ${url}`);
    let binary;
    let checksumFile;
    try {
        binary = await tool_cache/* downloadTool */.bq(url);
        checksumFile = await tool_cache/* downloadTool */.bq(`${url}.sha256`);
    }
    catch (error) {
        throw new lib_errors/* InputError */.dz('kubectl-version', `cannot download kubectl ${version} for ${arch} from ${url}: ${(0,lib_errors/* errorMessage */.gJ)(error)}`);
    }
    const expected = (await (0,promises_.readFile)(checksumFile, 'utf8')).trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    if (!/^[0-9a-f]{64}$/.test(expected)) {
        throw new lib_errors/* InputError */.dz('kubectl-mirror', `${url}.sha256 does not hold a sha256 checksum`);
    }
    const actual = await (0,digest/* sha256File */.Q3)(binary);
    if (actual !== expected) {
        throw new lib_errors/* InputError */.dz('kubectl-mirror', `kubectl from ${url} has sha256 ${actual}, but ${url}.sha256 says ${expected}; refusing to run it`);
    }
    await (0,promises_.chmod)(binary, 0o755);
    const dir = await tool_cache/* cacheFile */.NJ(binary, 'kubectl', 'kubectl', version.slice(1), arch);
    return `${dir}/kubectl`;
}

// EXTERNAL MODULE: ./src/actions/deploy-quick-launcher/kubeconfig.ts + 1 modules
var deploy_quick_launcher_kubeconfig = __webpack_require__(3848);
;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/live-token.ts

/**
 * What the Edge serves now: its payload's index and the anonymous token in its settings. The
 * live token is kept while it stays valid (plan.ts `chooseAnonymousToken`), so an unchanged
 * redeploy stays a no-op although the API issues a new token on every call.
 */
const SETTINGS_PATH = 'quick-launcher/settings.json';
/** The live payload (digest from the Edge's annotation): its index and settings file; undefined when its index is gone. */
async function readLivePayload(kubectl, prefix, digest) {
    const names = objectNames(prefix, digest);
    // The settings hold the token, so they are packed into the Secrets, from secret-0 on: that one
    // is read with the index in one kubectl call (every redeploy reads these); the index says if
    // other objects are needed.
    const first = await kubectl.getEach([
        { kind: 'configmap', name: names.index },
        { kind: 'secret', name: names.object('secret-0') },
    ]);
    const indexText = first.get(`configmap/${names.index}`)?.data?.['index.json'];
    if (!indexText)
        return undefined;
    const index = JSON.parse(indexText);
    const file = index.files.find((entry) => entry.path === SETTINGS_PATH);
    if (!file)
        return { index };
    const firstSecret = first.get(`secret/${names.object('secret-0')}`);
    const objects = new Map(firstSecret ? [['secret-0', firstSecret.data ?? {}]] : []);
    const parts = [];
    for (const chunk of file.chunks) {
        if (!objects.has(chunk.object)) {
            const kind = chunk.object.startsWith('secret-') ? 'secret' : 'configmap';
            const object = await kubectl.get({ kind, name: names.object(chunk.object) });
            objects.set(chunk.object, (kind === 'secret' ? object?.data : object?.binaryData) ?? {});
        }
        const encoded = objects.get(chunk.object)?.[chunk.key];
        if (encoded === undefined)
            return { index };
        parts.push(Buffer.from(encoded, 'base64'));
    }
    return { index, settings: Buffer.concat(parts).toString('utf8') };
}
/** The anonymous token of the first app-launcher entry of a settings text. */
function tokenInSettings(text) {
    if (!text)
        return undefined;
    try {
        const settings = JSON.parse(text);
        for (const entry of Object.values(settings)) {
            const token = entry?.anonymousAccess?.token;
            if (entry?.applicationsMode === 'folder' && typeof token === 'string' && token !== '')
                return token;
        }
    }
    catch {
        return undefined;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/permissions.ts

/** Everything the Edge rollout does in its namespace, as the Role in examples/rbac grants it. */
function requiredPermissions(edgeDeployment) {
    const each = (verbs, permission) => verbs.map((verb) => ({ verb, ...permission }));
    return [
        ...each(['get', 'patch'], { resource: 'deployments', group: 'apps', name: edgeDeployment }),
        ...each(['list', 'watch'], { resource: 'deployments', group: 'apps' }),
        ...each(['list'], { resource: 'replicasets', group: 'apps' }),
        ...each(['get', 'list', 'create', 'delete'], { resource: 'configmaps' }),
        ...each(['get', 'list', 'create', 'delete'], { resource: 'secrets' }),
        ...each(['list'], { resource: 'services' }),
        ...each(['get', 'list', 'create', 'delete'], { resource: 'jobs', group: 'batch' }),
        ...each(['get', 'list', 'delete'], { resource: 'pods' }),
        ...each(['get'], { resource: 'pods', subresource: 'log' }),
        ...each(['list'], { resource: 'events' }),
        ...each(['get', 'create', 'update', 'delete'], { resource: 'leases', group: 'coordination.k8s.io' }),
    ];
}
/**
 * Granted or not, the deploy works: `create pods/exec` selects the reload path (no Edge restart);
 * without it the Edge is restarted.
 */
const EXEC_PERMISSION = { verb: 'create', resource: 'pods', subresource: 'exec' };
/** `get pods/exec`: the WebSocket exec of kubectl 1.30+ is a GET, which servers before 1.35 authorize as `get` (kubernetes/kubernetes#134577). */
const OPTIONAL_PERMISSIONS = [EXEC_PERMISSION, { verb: 'get', resource: 'pods', subresource: 'exec' }];
function permissions_describe(permission) {
    const resource = `${permission.resource}${permission.subresource ? `/${permission.subresource}` : ''}${permission.group ? `.${permission.group}` : ''}`;
    return `${permission.verb} ${resource}${permission.name ? ` '${permission.name}'` : ''}`;
}
/**
 * Asks the API server (`kubectl auth can-i`) for every permission the rollout needs before
 * anything is changed, so that missing RBAC fails the step with the whole list and nothing
 * half-done, instead of at the first refused call.
 */
async function checkPermissions(kubectl, edgeDeployment, namespace, logger) {
    const permissions = requiredPermissions(edgeDeployment);
    const answers = await Promise.all(permissions.map((permission) => kubectl.canI(permission)));
    const missing = permissions.filter((_permission, index) => !answers[index]);
    if (missing.length > 0) {
        throw new lib_errors/* ConfigurationError */.j1(`the kubeconfig's identity may not ${missing.map(permissions_describe).join(', ')} in namespace '${namespace}'. ` +
            'Grant it the Role in examples/rbac/quick-launcher-deployer.yaml (see docs/deploy-quick-launcher.md); nothing was changed.');
    }
    logger.info(`RBAC: the ${permissions.length} permissions the rollout needs are granted in namespace '${namespace}'`);
}

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/file-changes.ts
/**
 * The files that differ between the payload the Edge serves and the new one, by path and sha256,
 * sorted by path. Without a live index (a first deploy, or its objects gone) every file is added.
 * Only paths and sizes: the content of a secret file (the settings) never reaches the summary.
 */
function fileChanges(live, next) {
    const before = new Map((live?.files ?? []).map((file) => [file.path, file]));
    const changes = [];
    for (const file of next.files) {
        const old = before.get(file.path);
        if (!old)
            changes.push({ path: file.path, change: 'added', size: file.size });
        else if (old.sha256 !== file.sha256)
            changes.push({ path: file.path, change: 'changed', size: file.size });
        before.delete(file.path);
    }
    for (const file of before.values())
        changes.push({ path: file.path, change: 'removed', size: file.size });
    return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/plan.ts

/*
 * The deploy's decisions, apart from the I/O that execute.ts does between them (pure,
 * table-tested in __tests__/actions/deploy-quick-launcher/plan.test.ts): whether a rollout comes
 * (so RBAC is checked before anything changes), what goes into the launcher settings (the
 * anonymous token, the app launcher's storage), which files change on the Edge, the rollout's
 * settings, and how that rollout goes (planRollout, from the cluster as observed).
 */
const OBJECT_PREFIX = 'quick-launcher';
const LEASE_NAME = 'quick-launcher-deploy';
/** The user that owns published apps (its default storage is the app launcher's); upstream's name when system-users gives none. */
function serviceUserOf(users) {
    return users.find((user) => user.kind === 'service')?.name ?? 'SHINY_PORTAL';
}
/** The user whose token gives anonymous access, when system-users has one. */
function anonymousUserOf(users) {
    return users.find((user) => user.kind === 'anonymous')?.name;
}
/**
 * Whether the deploy checks RBAC before it provisions: a rollout is coming (the payload differs,
 * or a storage id will replace a placeholder the Edge still serves), so a missing permission
 * must fail now, having changed nothing. A dry run changes nothing and checks nothing.
 */
function checksPermissions(facts) {
    const storageComing = facts.placeholders.length > 0 && facts.liveStorage === undefined && facts.provisions;
    return !facts.dryRun && (facts.plannedDigest !== facts.liveDigest || storageComing);
}
/** The plan's line for the settings' `user_default_storage` of `hosts`. */
function storageChange(hosts, storageId, serviceUser, dryRun, provisioned) {
    const where = hosts.join(', ');
    const verb = dryRun ? 'would be set' : 'set';
    if (storageId !== undefined)
        return { hosts, storageId, note: `user_default_storage ${verb} to storage ${storageId}, the default storage of ${serviceUser}, for ${where}` };
    const note = dryRun && provisioned
        ? `user_default_storage would be set to the default storage ${serviceUser} gets in this run, for ${where}`
        : `user_default_storage left unresolved for ${where}: ${serviceUser} has no default storage${provisioned ? '' : " (give 'api-url' to provision it, or set appConfigStorage to a storage id)"}; the app launcher lists no applications`;
    return { hosts, note };
}
/** The claims of a JWT (`exp`, `sub`), or undefined for a token that is not a JWT. */
function jwtClaims(token) {
    const parts = token.split('.');
    if (parts.length !== 3)
        return undefined;
    try {
        const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
        return { ...(typeof claims.exp === 'number' ? { exp: claims.exp } : {}), ...(typeof claims.sub === 'string' ? { sub: claims.sub } : {}) };
    }
    catch {
        return undefined;
    }
}
/**
 * Which token goes into the settings: the live one while it is valid for at least
 * `renewBeforeSeconds` more and belongs to `user` (a token without readable claims counts as
 * valid), else the fresh one. The API issues a new token on every `/user/token` call: put
 * straight into the settings it would change the digest on every run, and an unchanged
 * redeploy would never be a no-op.
 */
function chooseAnonymousToken(live, fresh, options) {
    if (live === undefined)
        return fresh;
    if (fresh === undefined)
        return live;
    const claims = jwtClaims(live);
    if (claims?.exp !== undefined && claims.exp - options.now.getTime() / 1000 < (options.renewBeforeSeconds ?? 7 * 24 * 3600))
        return fresh;
    if (claims?.sub !== undefined && options.user !== undefined && claims.sub.toUpperCase() !== options.user.toUpperCase())
        return fresh;
    return live;
}
function planSettings(facts) {
    const user = anonymousUserOf(facts.systemUsers);
    const token = chooseAnonymousToken(facts.liveToken, facts.freshToken, { now: facts.now, ...(user ? { user } : {}) });
    const appConfigStorage = facts.placeholders.length > 0
        ? storageChange(facts.placeholders, facts.storageId, serviceUserOf(facts.systemUsers), facts.dryRun, facts.provisions)
        : undefined;
    return {
        ...(token !== undefined ? { token } : {}),
        keptLiveToken: token !== undefined && token === facts.liveToken && facts.freshToken !== undefined,
        ...(appConfigStorage ? { appConfigStorage } : {}),
    };
}
/** The launcher hosts of a settings text (its keys), the app launcher's (`applicationsMode: folder`) first. */
function hostsOf(settings) {
    if (!settings)
        return [];
    const entries = Object.entries(JSON.parse(settings));
    const isApp = ([, entry]) => entry?.applicationsMode === 'folder';
    return [...entries.filter(isApp), ...entries.filter((entry) => !isApp(entry))].map(([host]) => host);
}
/** The files the deploy adds, changes or removes on the Edge: none when the Edge serves this digest. */
function changingFiles(live, payload) {
    return live.digest === payload.digest ? [] : fileChanges(live.index, payload.index);
}
/**
 * The rollout's settings from the inputs (the smoke check, I/O, is added by execute.ts). The
 * installer Job gets at least 2 minutes, even under a shorter rollout timeout.
 */
function rolloutSettings(inputs, run) {
    const poll = run.pollMs ? { pollMs: run.pollMs } : {};
    return {
        namespace: inputs.namespace,
        deployment: inputs.edgeDeployment,
        nodeSelector: inputs.edgeNodeSelector,
        hostPath: inputs.edgeHostPath,
        ...(inputs.installerImage ? { installerImage: inputs.installerImage } : {}),
        rolloutTimeout: `${inputs.rolloutTimeoutSeconds}s`,
        jobTimeoutSeconds: Math.max(120, inputs.rolloutTimeoutSeconds),
        keepBackups: run.keepBackups,
        prefix: OBJECT_PREFIX,
        lease: { name: LEASE_NAME, holder: run.holder, durationSeconds: 60, timeoutSeconds: inputs.lockTimeoutSeconds, ...poll },
        dryRun: inputs.dryRun,
        liveEdge: run.liveEdge,
        ...poll,
    };
}
/** `v1.15.4` → 15 (the minor), `v1.30.2-eks-1234` → 30. */
function minorOf(version) {
    const match = /^v?1\.(\d+)/.exec(version ?? '');
    return match ? Number(match[1]) : undefined;
}
/** Why an unchanged redeploy is a no-op (the rollout's step line and the plan's reason). */
function unchangedReason(digest) {
    return `the Edge already serves content ${digest}`;
}
/** kubectl supports one minor version either side of the server (the Kubernetes version skew policy). */
function skewWarning(client, server) {
    const [c, s] = [minorOf(client), minorOf(server)];
    if (c === undefined || s === undefined || Math.abs(c - s) <= 1)
        return undefined;
    return `kubectl ${client ?? ''} is ${Math.abs(c - s)} minor versions from the server's ${server ?? ''} (supported: ±1); set 'kubectl-version' to v1.${s}.x`;
}
function planRollout(facts, digest) {
    const { edge, pods } = facts;
    const layout = edge.volumes.layout;
    const warnings = [];
    const skew = skewWarning(facts.clientVersion, facts.serverVersion);
    if (skew)
        warnings.push(skew);
    const nodes = [...new Set(pods.map((pod) => pod.nodeName).filter((node) => node !== undefined))];
    if (edge.volumes.apps.kind === 'hostPath' && nodes.length > 1) {
        warnings.push(`the Edge runs on ${nodes.length} nodes (${nodes.join(', ')}) with a hostPath folder each; the installer writes the one on ${nodes[0]}`);
    }
    const base = { layout, ...(nodes[0] ? { node: nodes[0] } : {}), warnings };
    if (edge.digest === digest)
        return { ...base, noop: true, switch: 'reload', reason: unchangedReason(digest), keepRoutes: false, pods: [] };
    if (pods.length === 0)
        return { ...base, noop: false, switch: 'restart', reason: 'no running Edge pod to reload', keepRoutes: false, pods: [] };
    if (!facts.canExec) {
        return { ...base, noop: false, switch: 'restart', reason: 'pods/exec is not granted, so the Edge cannot be reloaded in place', keepRoutes: false, pods: [] };
    }
    return {
        ...base,
        noop: false,
        switch: 'reload',
        reason: layout === 'copy'
            ? `pods/exec is granted: the files are copied into ${pods.length} running Edge container(s) and nginx reloaded, no restart`
            : `pods/exec is granted: the Edge reads the host folder directly, nginx is tested and reloaded in ${pods.length} container(s), no restart`,
        keepRoutes: layout === 'direct',
        pods: pods.map((pod) => pod.name),
    };
}

// EXTERNAL MODULE: ./src/actions/deploy-quick-launcher/provision/provision.ts + 7 modules
var provision = __webpack_require__(6180);
// EXTERNAL MODULE: ./src/actions/deploy-quick-launcher/provision/hierarchy.ts
var hierarchy = __webpack_require__(8723);
// EXTERNAL MODULE: ./src/actions/deploy-quick-launcher/provision/parse-inputs.ts
var parse_inputs = __webpack_require__(25);
;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/provision/tools-manifest.ts






/** The file build-optimized-images writes into its `tools` output folder. */
const TOOLS_MANIFEST_FILE = 'tools-manifest.json';
const SCHEMA = __webpack_require__.ab + "tools-manifest.schema.json";
/** Splits an image reference into registry host and repository path, dropping tag and digest. */
function splitImageRef(ref, defaultRegistry) {
    const withoutDigest = ref.split('@')[0] ?? ref;
    const slash = withoutDigest.lastIndexOf('/');
    const colon = withoutDigest.lastIndexOf(':');
    const untagged = colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
    const [first = '', ...rest] = untagged.split('/');
    if (rest.length > 0 && (first.includes('.') || first.includes(':') || first === 'localhost'))
        return { registry: first, image: rest.join('/') };
    const [host = '', ...namespace] = defaultRegistry.split('/');
    return { registry: host, image: [...namespace, untagged].join('/') };
}
/**
 * Reads and checks a `tools` hand-off folder (manifest.json verified, tools-manifest.json against
 * schemas/tools-manifest.schema.json, endpoint strings parsed, icon/readme inside the folder) and
 * returns the tools to register. Variants sharing one image become one tool (the first wins).
 */
async function readToolsManifest(dir, input = 'tools-manifest') {
    await verifyManifest(dir, 'tools', input);
    const file = (0,external_node_path_.join)(dir, TOOLS_MANIFEST_FILE);
    const text = await (0,promises_.readFile)(file, 'utf8').catch((error) => {
        throw new lib_errors/* InputError */.dz(input, `${TOOLS_MANIFEST_FILE} cannot be read: ${(0,lib_errors/* errorMessage */.gJ)(error)}`, { file });
    });
    let manifest;
    try {
        manifest = (0,json/* parseJson */.qF)(text, file);
    }
    catch (error) {
        if (!(error instanceof json/* JsonSyntaxError */.q3))
            throw error;
        throw new lib_errors/* InputError */.dz(input, `not valid JSON: ${error.detail}`, error.location);
    }
    const schema = await (0,json/* loadSchema */.e$)(SCHEMA);
    const problem = schema.check(manifest);
    if (problem)
        throw new lib_errors/* InputError */.dz(input, `${problem.path}: ${problem.message} (${schema.name})`, { file });
    const tools = new Map();
    for (const [index, entry] of manifest.tools.entries()) {
        const where = `tools.${index} (${entry.tool})`;
        entry.spec.endpoints.forEach((endpoint, n) => {
            try {
                JSON.parse(endpoint);
            }
            catch {
                throw new lib_errors/* InputError */.dz(input, `${where}: spec.endpoints.${n} is not a JSON string: ${endpoint}`, { file });
            }
        });
        const { registry, image } = splitImageRef(entry.ref, manifest.registry);
        if (registry === '')
            throw new lib_errors/* InputError */.dz(input, `${where}: no registry in ref '${entry.ref}' and the manifest's registry is empty`, { file });
        const label = `${registry}/${image}`;
        if (tools.has(label))
            continue;
        const disk = entry.spec.disk_size === undefined ? undefined : Number(entry.spec.disk_size);
        const fields = {
            image,
            registry,
            shortDescription: entry.spec.short_description,
            endpoints: entry.spec.endpoints,
            ...(disk !== undefined && Number.isFinite(disk) ? { disk } : {}),
            ...(entry.spec.default_command !== undefined ? { defaultCommand: entry.spec.default_command } : {}),
            ...(entry.spec.instance_type !== undefined ? { instanceType: entry.spec.instance_type } : {}),
        };
        if (entry.readme)
            fields.description = await readInside(dir, entry.readme, input, where).then((b) => b.toString('utf8'));
        const icon = entry.icon ? await readInside(dir, entry.icon, input, where) : undefined;
        tools.set(label, {
            label,
            fields,
            ...(icon && entry.icon ? { icon: { filename: entry.icon.split('/').pop() ?? 'icon.png', content: icon, sha256: (0,digest/* sha256 */.sc)(icon) } } : {}),
            metadata: { ...entry.spec.metadata, ...entry.metadata },
        });
    }
    return [...tools.values()];
}
async function readInside(dir, relative, input, where) {
    const path = (0,external_node_path_.normalize)((0,external_node_path_.join)(dir, relative));
    if (!path.startsWith((0,external_node_path_.normalize)(dir) + external_node_path_.sep))
        throw new lib_errors/* InputError */.dz(input, `${where}: '${relative}' points outside the folder`);
    return (0,promises_.readFile)(path).catch((error) => {
        throw new lib_errors/* InputError */.dz(input, `${where}: '${relative}' cannot be read: ${(0,lib_errors/* errorMessage */.gJ)(error)}`);
    });
}

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/provision/index.ts





;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/edge-sync.ts



/** The script run in each Edge container (one literal URL, so ncc ships it next to the bundle). */
const SCRIPT = __webpack_require__.ab + "edge-sync.sh";
/** sync-routes' lock: crontab.sh runs every sync under `flock -w 1 /var/run/sync-routes.lock`. */
const SYNC_ROUTES_LOCK = '/var/run/sync-routes.lock';
/** How long the sync waits for a running sync-routes to finish (it holds the lock while it edits). */
const LOCK_WAIT_SECONDS = 60;
/**
 * The argv `kubectl exec` runs in an Edge container: the sync script under sync-routes' lock.
 * `copy` copies the placed files into the live folder (copy layout), `test` only tests and
 * reloads (direct layout). The script travels as an argument, not on stdin: no shell parses it.
 */
function edgeSyncCommand(mode, digest = '') {
    return ['flock', '-w', String(LOCK_WAIT_SECONDS), SYNC_ROUTES_LOCK, 'sh', '-c', (0,external_node_fs_.readFileSync)(SCRIPT, 'utf8'), 'quick-launcher-edge', mode, ...(mode === 'copy' ? [digest] : [])];
}
/**
 * Runs the sync in each pod's Edge container, one after the other; resolves with every outcome
 * (the caller rolls back on any failure; a session kubectl could not run has exit code -1).
 */
async function syncEdgePods(kubectl, pods, container, command, logger) {
    const outcomes = [];
    for (const pod of pods) {
        let result;
        try {
            result = await kubectl.exec({ pod, container, command });
        }
        catch (error) {
            // A refused or broken session after the files were placed: a failed switch, rolled back.
            if (!(error instanceof KubectlError))
                throw error;
            outcomes.push({ pod, exitCode: -1, output: error.message });
            logger.warning(`${pod}: kubectl exec failed: ${error.message}`);
            continue;
        }
        const output = (0,exec.lastLines)(`${result.stdout}\n${result.stderr}`.replace(/^command terminated with exit code \d+$/m, '').trim(), 15);
        outcomes.push({ pod, exitCode: result.exitCode, output });
        if (result.exitCode === 0)
            logger.info(`${pod}: ${(0,exec.lastLines)(result.stdout, 1)}`);
        else
            logger.warning(`${pod}: the Edge sync exited ${result.exitCode}: ${output}`);
    }
    return outcomes;
}

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/apply.ts






/** The payload objects of a digest that exist already, as `Kind/name`. */
async function existingPayload(kubectl, short) {
    const existing = new Set();
    for (const kind of ['configmaps', 'secrets']) {
        for (const item of await guarded(() => kubectl.list(kind, `${LABEL_DIGEST}=${short}`)))
            existing.add(`${item.kind}/${item.metadata.name}`);
    }
    return existing;
}
/**
 * Creates the payload objects. They are content-addressed (their names carry the digest), so an
 * object that already exists is done, once its digest label says it holds this content: plain
 * `kubectl create`, which every Kubernetes version serves (no server-side apply: HTTP 415 on 1.15).
 * Returns how many were created.
 */
async function createPayload(kubectl, objects, short) {
    const existing = await existingPayload(kubectl, short);
    const missing = objects.filter((object) => !existing.has(`${object.kind}/${object.metadata.name}`));
    if (missing.length === 0)
        return 0;
    try {
        await guarded(() => kubectl.create(listDocument(missing)));
    }
    catch (error) {
        if (!(error instanceof KubectlError && error.alreadyExists))
            throw error;
        // Created meanwhile (or left by a killed run under another label set): each must carry this digest.
        for (const object of missing) {
            const live = await guarded(() => kubectl.get({ kind: object.kind.toLowerCase(), name: object.metadata.name }));
            if (live?.metadata.labels?.[LABEL_DIGEST] !== short) {
                throw new Error(`${object.kind}/${object.metadata.name} exists but is not labelled ${LABEL_DIGEST}=${short}; delete it and deploy again`, { cause: error });
            }
        }
    }
    return missing.length;
}
const EDGE = (deployment) => ({ kind: 'deployment', name: deployment });
/**
 * `kubectl rollout restart` stamps the pod template with the time in whole seconds, so a second
 * restart within the same second (the rollback right after a fast failure) is an empty patch
 * that kubectl refuses; it is retried once the second has passed.
 */
async function restartEdge(kubectl, deployment) {
    try {
        await kubectl.rolloutRestart(EDGE(deployment));
    }
    catch (error) {
        if (!(error instanceof KubectlError && /within the past second/.test(error.stderr)))
            throw error;
        await (0,external_node_timers_promises_.setTimeout)(1100);
        await kubectl.rolloutRestart(EDGE(deployment));
    }
}
/**
 * Makes the Edge serve what the installer placed: on the reload path the sync script in each
 * running Edge container (copy layout: copy + test + reload, a failed test restores in place;
 * direct layout: test + reload), else a rollout restart and its status. `digest` is the content
 * the host folder must hold ('' = none).
 */
async function switchEdge(kubectl, plan, edge, digest, logger) {
    if (plan.switch === 'reload') {
        const command = plan.layout === 'copy' ? edgeSyncCommand('copy', digest) : edgeSyncCommand('test');
        const pods = await syncEdgePods(kubectl, plan.pods, edge.container, command, logger);
        const failed = pods.filter((pod) => pod.exitCode !== 0);
        if (failed.length > 0)
            return { ok: false, result: `reload failed in ${failed.map((pod) => `${pod.pod} (exit ${pod.exitCode}: ${pod.output})`).join(', ')}`, pods };
        return { ok: true, result: `reloaded nginx in ${pods.map((pod) => pod.pod).join(', ')} (no restart)`, pods };
    }
    await guarded(() => restartEdge(kubectl, edge.deployment));
    try {
        await kubectl.rolloutStatus(EDGE(edge.deployment), { timeout: edge.rolloutTimeout });
    }
    catch (error) {
        if (error instanceof KubectlError && error.forbidden)
            throw error;
        return { ok: false, result: `rollout of deployment ${edge.deployment} not ready within ${edge.rolloutTimeout} (${(0,lib_errors/* errorMessage */.gJ)(error)})` };
    }
    return { ok: true, result: `restarted deployment ${edge.deployment}; it is ready` };
}

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/diff-summary.ts
const HEADER = /^diff -u -N \S+\/([^/\s]+)\.([^./\s]+)\.([^./\s]+)\.(\S+) \S+$/;
const MAX_LINE = 160;
const MAX_LINES = 400;
/** Condenses a `kubectl diff` output (its file names are `<group.>version.Kind.namespace.name`). */
function summarizeDiff(diff) {
    const objects = [];
    const lines = [];
    let secret = false;
    for (const line of diff.split('\n')) {
        const header = HEADER.exec(line);
        if (header) {
            const [, , kind, , name] = header;
            secret = kind === 'Secret';
            objects.push({ object: `${kind}/${name}`, change: 'update' });
            lines.push(`=== ${kind}/${name}${secret ? ' (Secret: data not shown)' : ''}`);
            continue;
        }
        const current = objects.at(-1);
        // A new object's live side is empty, or `null` for a Secret (kubectl masks Secrets).
        if (current && (line.startsWith('@@ -0,0 ') || line === '-null'))
            current.change = 'create';
        if (secret || line.startsWith('---') || line.startsWith('+++'))
            continue;
        if (/^\s*[+-]?\s*(creationTimestamp|resourceVersion|uid|generation):/.test(line))
            continue;
        lines.push(line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}… (${line.length} chars)` : line);
    }
    const text = lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `… ${lines.length - MAX_LINES} more lines`].join('\n') : lines.join('\n');
    return { objects, text: text.trim() };
}

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/installer-job.ts




/**
 * Runs one installer Job to its end: deletes a leftover Job of the same name (a Job's pod
 * template is immutable, and the name is derived from the content) and waits for its pods to be
 * gone, creates it, polls its
 * status up to `timeoutSeconds`, then reads the pod's exit code and log.
 */
async function runInstallerJob(kubectl, job, options) {
    const name = job.metadata.name;
    const ref = { kind: 'job', name };
    await kubectl.delete([ref], { ignoreNotFound: true, wait: true });
    // A deleted Job's pods go to the garbage collector in the background, and an old installer
    // still running would race the new one in the same folder: they must be gone first.
    await kubectl.deleteSelected('pods', podSelector(job), { ignoreNotFound: true, wait: true });
    await kubectl.create(JSON.stringify(job));
    const started = Date.now();
    const deadline = started + options.timeoutSeconds * 1000;
    let state;
    for (;;) {
        state = await kubectl.get(ref);
        const conditions = state?.status?.conditions ?? [];
        const done = conditions.find((condition) => (condition.type === 'Complete' || condition.type === 'Failed') && condition.status === 'True');
        if (done)
            break;
        const pod = await latestPod(kubectl, job, state?.metadata?.uid);
        const unscheduled = pod?.status?.conditions?.find((condition) => condition.type === 'PodScheduled')?.status === 'False';
        const overdue = Date.now() > deadline;
        if (overdue || (unscheduled && Date.now() - started >= (options.unschedulableSeconds ?? 30) * 1000)) {
            // A Job left behind would still run the installer whenever it got a node: remove it.
            await kubectl.delete([ref], { ignoreNotFound: true, wait: false }).catch(() => undefined);
            if (unscheduled)
                return { succeeded: false, unschedulable: true, reason: 'no node matches the Job\'s node selector (its pod was never scheduled)', log: '' };
            const waiting = pod?.status?.containerStatuses?.[0]?.state?.waiting;
            const why = waiting ? `${waiting.reason ?? 'waiting'}: ${waiting.message ?? ''}` : `pod phase ${pod?.status?.phase ?? 'none'}`;
            return { succeeded: false, reason: `the Job did not finish within ${options.timeoutSeconds}s (${why.trim()})`, log: await podLog(kubectl, pod) };
        }
        await (0,external_node_timers_promises_.setTimeout)(options.pollMs ?? 500);
    }
    const pod = await latestPod(kubectl, job, state?.metadata?.uid);
    const exitCode = pod?.status?.containerStatuses?.[0]?.state?.terminated?.exitCode;
    const log = await podLog(kubectl, pod);
    if ((state?.status?.succeeded ?? 0) > 0)
        return { succeeded: true, exitCode, reason: 'completed', log };
    const failed = state?.status?.conditions?.find((condition) => condition.type === 'Failed');
    const meaning = exitCode !== undefined ? (INSTALLER_EXIT_CODES[exitCode] ?? `exit code ${exitCode}`) : (failed?.message ?? failed?.reason ?? 'failed');
    return { succeeded: false, exitCode, reason: meaning, log };
}
/** The labels of this Job's pods (digest and installer mode). */
function podSelector(job) {
    const labels = job.metadata.labels ?? {};
    return `${LABEL_DIGEST}=${labels[LABEL_DIGEST]},${LABEL_COMPONENT}=${labels[LABEL_COMPONENT]}`;
}
/** The newest pod of this Job (a leftover Job of the same name may have left pods behind). */
async function latestPod(kubectl, job, uid) {
    const pods = (await kubectl.list('pods', podSelector(job))).filter((pod) => !uid || (pod.metadata?.ownerReferences ?? []).some((owner) => owner.uid === uid));
    return pods.sort((a, b) => (a.metadata?.creationTimestamp ?? '').localeCompare(b.metadata?.creationTimestamp ?? '')).at(-1);
}
async function podLog(kubectl, pod) {
    if (!pod?.metadata?.name)
        return '';
    try {
        return (0,exec.lastLines)(await kubectl.logs({ kind: 'pod', name: pod.metadata.name }, { tail: 40 }), 20);
    }
    catch {
        return ''; // logs are a courtesy in the error; their absence must not hide the failure
    }
}

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/lease.ts



/** Another deploy held the lease for longer than `lock-timeout`. */
class LeaseTimeoutError extends Error {
    name = 'LeaseTimeoutError';
}
function expired(lease, now) {
    const renewed = Date.parse(lease.spec?.renewTime ?? lease.spec?.acquireTime ?? '');
    const duration = lease.spec?.leaseDurationSeconds ?? 0;
    return !lease.spec?.holderIdentity || Number.isNaN(renewed) || renewed + duration * 1000 < now;
}
/** A held lease: renewed in the background until released. */
class DeployLease {
    kubectl;
    options;
    logger;
    acquireTime;
    timer;
    renewing = Promise.resolve();
    constructor(kubectl, options, logger, acquireTime) {
        this.kubectl = kubectl;
        this.options = options;
        this.logger = logger;
        this.acquireTime = acquireTime;
    }
    /**
     * Takes the lease: creates it, or takes it over when it is free or its holder stopped renewing
     * (a replace with the read resourceVersion, so two takers cannot both win). Waits while another
     * deploy holds it, up to `timeoutSeconds`.
     */
    static async acquire(kubectl, options, logger) {
        const started = Date.now();
        const ref = { kind: 'lease', name: options.name };
        let announced = false;
        for (;;) {
            const now = new Date();
            try {
                await kubectl.create(JSON.stringify(leaseObject({ ...options, now })));
                logger.info(`Holding lease ${options.namespace}/${options.name} as ${options.holder}`);
                return new DeployLease(kubectl, options, logger, now.toISOString()).startRenewing();
            }
            catch (error) {
                if (!(error instanceof KubectlError && error.alreadyExists))
                    throw error;
            }
            const current = await kubectl.get(ref);
            if (current && (current.spec?.holderIdentity === options.holder || expired(current, now.getTime()))) {
                try {
                    await kubectl.replace(JSON.stringify(leaseObject({ ...options, now, resourceVersion: current.metadata?.resourceVersion })));
                    logger.info(`Took over lease ${options.namespace}/${options.name} (${current.spec?.holderIdentity ? `expired holder ${current.spec.holderIdentity}` : 'free'})`);
                    return new DeployLease(kubectl, options, logger, now.toISOString()).startRenewing();
                }
                catch (error) {
                    if (!(error instanceof KubectlError && (error.conflict || error.notFound)))
                        throw error;
                    continue; // someone else moved first: look again
                }
            }
            if (current === undefined)
                continue; // released between our create and get
            const holder = current.spec?.holderIdentity ?? 'unknown';
            if (Date.now() - started >= options.timeoutSeconds * 1000) {
                throw new LeaseTimeoutError(`another deploy holds lease ${options.namespace}/${options.name} (holder: ${holder}, renewed ${current.spec?.renewTime ?? 'never'}); ` +
                    `gave up after lock-timeout ${options.timeoutSeconds}s. Nothing was changed.`);
            }
            if (!announced)
                logger.info(`Waiting up to ${options.timeoutSeconds}s for lease ${options.namespace}/${options.name}, held by ${holder}`);
            announced = true;
            await (0,external_node_timers_promises_.setTimeout)(options.pollMs ?? 1000);
        }
    }
    startRenewing() {
        const every = Math.max(1000, (this.options.durationSeconds * 1000) / 3);
        this.timer = setInterval(() => {
            this.renewing = this.renew().catch((error) => this.logger.warning(`Could not renew lease ${this.options.name}: ${String(error)}`));
        }, every);
        this.timer.unref();
        return this;
    }
    /** Set once a renewal found the lease held by someone else (or gone). */
    lostTo;
    /** Extends the lease; a lease taken by someone else is reported, not stolen back. */
    async renew() {
        const current = await this.kubectl.get({ kind: 'lease', name: this.options.name });
        if (current?.spec?.holderIdentity !== this.options.holder) {
            this.lostTo = current?.spec?.holderIdentity ?? 'nobody';
            this.logger.warning(`Lease ${this.options.name} is now held by ${this.lostTo}`);
            return;
        }
        await this.kubectl.replace(JSON.stringify(leaseObject({ ...this.options, now: new Date(), resourceVersion: current.metadata?.resourceVersion, acquireTime: current.spec.acquireTime ?? this.acquireTime })));
    }
    /**
     * Whether this deploy still holds the lease, asked of the server now (the last step before the
     * Edge switches to new files: a deploy that lost it must not reload or restart).
     */
    async held() {
        await this.renewing;
        if (this.lostTo !== undefined)
            return false;
        const current = await this.kubectl.get({ kind: 'lease', name: this.options.name });
        if (current?.spec?.holderIdentity === this.options.holder)
            return true;
        this.lostTo = current?.spec?.holderIdentity ?? 'nobody';
        return false;
    }
    /** Stops renewing and deletes the lease if this deploy still holds it. */
    async release() {
        if (this.timer)
            clearInterval(this.timer);
        this.timer = undefined;
        await this.renewing;
        const current = await this.kubectl.get({ kind: 'lease', name: this.options.name });
        if (current?.spec?.holderIdentity === this.options.holder) {
            await this.kubectl.delete([{ kind: 'lease', name: this.options.name }], { ignoreNotFound: true });
            this.logger.info(`Released lease ${this.options.namespace}/${this.options.name}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/observe.ts



const LABEL_EXTERNAL_HOST = 'cloud-pipeline/external-host';
const LABEL_EXTERNAL_PORT = 'cloud-pipeline/external-port';
const LABEL_EXTERNAL_SCHEME = 'cloud-pipeline/external-scheme';
const LABEL_ROLE = 'cloud-pipeline/role';
function selectorText(labels) {
    return Object.entries(labels)
        .map(([key, value]) => `${key}=${value}`)
        .join(',');
}
/** The Edge's running pods (not terminating), oldest name order for a stable choice. */
async function readEdgePods(kubectl, edge) {
    if (Object.keys(edge.selector).length === 0)
        return [];
    const pods = await guarded(() => kubectl.list('pods', selectorText(edge.selector)));
    return pods
        .filter((pod) => pod.status?.phase === 'Running' && !pod.metadata?.deletionTimestamp && pod.metadata?.name)
        .map((pod) => ({ name: pod.metadata?.name ?? '', ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}) }))
        .sort((a, b) => a.name.localeCompare(b.name));
}
/**
 * The Edge Service's address labels, found as sync-routes.py:987 finds the Service (label
 * `cloud-pipeline/role=EDGE`), the one named like the deployment first. Undefined when none
 * carries both labels.
 */
async function readEdgeAddress(kubectl, deployment) {
    const services = await guarded(() => kubectl.list('services', `${LABEL_ROLE}=EDGE`));
    const ordered = [...services.filter((service) => service.metadata?.name === deployment), ...services.filter((service) => service.metadata?.name !== deployment)];
    for (const service of ordered) {
        const labels = service.metadata?.labels ?? {};
        const host = labels[LABEL_EXTERNAL_HOST];
        const port = labels[LABEL_EXTERNAL_PORT];
        if (!host || !port || !/^\d+$/.test(port))
            continue;
        const scheme = labels[LABEL_EXTERNAL_SCHEME] === 'http' ? 'http' : 'https';
        try {
            return { url: new URL(`${scheme}://${host}:${port}`), from: `service/${service.metadata?.name ?? deployment} labels` };
        }
        catch {
            continue;
        }
    }
    return undefined;
}
/** Reads the Edge, its pods and address, the server version and whether exec is granted. */
async function observe(kubectl, options, logger) {
    // Two round trips, not five: each kubectl call is a process start and a request, and an
    // unchanged redeploy is mostly these reads. Only the pods wait for the Deployment's selector.
    const [version, edge, address, canExec] = await Promise.all([
        kubectl.version(),
        readEdge(kubectl, options.deployment, options.namespace, options.hostPath),
        readEdgeAddress(kubectl, options.deployment),
        kubectl.canI(EXEC_PERMISSION),
    ]);
    const pods = await readEdgePods(kubectl, edge);
    if (edge.volumes.warning)
        logger.warning(edge.volumes.warning);
    logger.info(`Edge ${options.namespace}/${edge.name}: ${edge.volumes.layout} layout (${describeSource(edge.volumes.apps)} at ${edge.volumes.mountPath}), ` +
        `${pods.length} running pod(s)${pods.length > 0 ? ` on ${[...new Set(pods.map((pod) => pod.nodeName ?? '?'))].join(', ')}` : ''}, ` +
        `server ${version.server ?? 'unknown'}, exec ${canExec ? 'allowed' : 'not allowed'}`);
    return {
        edge,
        pods,
        ...(address ? { address } : {}),
        ...(version.server ? { serverVersion: version.server } : {}),
        ...(version.client ? { clientVersion: version.client } : {}),
        canExec,
    };
}

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/rollback.ts


function logTail(outcome) {
    return outcome.log ? `\nInstaller log:\n${outcome.log}` : '';
}
/**
 * Puts the previous content back: the restore Job (the installer's latest backup) on the same
 * node with the same volumes, then the same switch as the rollout (reload, or restart). Resolves
 * with what happened, for the error and the summary; never throws for a failed step.
 */
async function rollBack(kubectl, restoreJob, plan, edge, previousDigest, logger) {
    const outcome = await runInstallerJob(kubectl, restoreJob, { timeoutSeconds: edge.jobTimeoutSeconds, pollMs: edge.pollMs });
    if (!outcome.succeeded)
        return `restoring FAILED (${outcome.reason}); the Edge node may hold the new content${logTail(outcome)}`;
    const what = `restored the previous files (content ${previousDigest ?? 'none: the quick-launcher files were removed'})`;
    try {
        const switched = await switchEdge(kubectl, plan, edge, previousDigest ?? '', logger);
        if (switched.ok)
            return `${what} and ${plan.switch === 'reload' ? 'reloaded nginx (no restart)' : 'restarted the Edge'}`;
        if (plan.switch === 'restart')
            return `${what}; the Edge did not take them back either: ${switched.result}`;
        // The reload itself is what failed (exec refused or broken): a restart reads the restored folder.
        logger.warning(`reloading the restored files failed (${switched.result}); restarting the Edge instead`);
        const restarted = await switchEdge(kubectl, { ...plan, switch: 'restart' }, edge, previousDigest ?? '', logger);
        return restarted.ok ? `${what} and restarted the Edge (the reload failed: ${switched.result})` : `${what}; neither a reload nor a restart brought the Edge back: ${restarted.result}`;
    }
    catch (error) {
        return `${what}; switching the Edge back failed: ${error instanceof Error ? error.message : String(error)}`;
    }
}

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/verify.ts

async function verifyEdge(verify, address) {
    if (!verify)
        return undefined;
    try {
        await verify(address);
        return undefined;
    }
    catch (error) {
        return `smoke check failed: ${(0,lib_errors/* errorMessage */.gJ)(error)}`;
    }
}

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/rollout.ts















/** The rollout failed; `result.rolledBack` says whether the previous files were restored. */
class RolloutError extends Error {
    result;
    name = 'RolloutError';
    constructor(message, result) {
        super(message);
        this.result = result;
    }
}
/**
 * Rolls the payload out to the Edge: observe (the Edge, its pods, volumes, address, the server
 * version, exec permission) → plan (pure) → under the deploy Lease: create the payload objects,
 * run the installer Job on the Edge's node with the Edge's volumes, switch (reload in each Edge
 * container, or restart), verify through the Edge, annotate. A failed switch or verify rolls back.
 * `dryRun` only reads and diffs.
 */
async function rollout(kubectl, payload, script, options, logger) {
    const steps = [];
    const note = (step, result) => {
        steps.push({ step, result });
        logger.info(`${step}: ${result}`);
    };
    const describeEdge = (edge) => `deployment ${options.namespace}/${edge.name} (${edge.volumes.layout} layout, ${describeSource(edge.volumes.apps)}), live content ${edge.digest ?? 'none'}`;
    const baseOf = (edge) => ({ digest: payload.digest, ...(edge.digest ? { previousDigest: edge.digest } : {}), rolledBack: false, dryRun: options.dryRun, steps });
    const live = options.liveEdge;
    if (live?.digest === payload.digest) {
        // An unchanged redeploy: one read of the Deployment decided it (and the server version, the
        // pods and the exec permission, which only matter for a change, are not asked for).
        note('edge', describeEdge(live));
        note('no-op', unchangedReason(payload.digest));
        return { ...baseOf(live), changed: false, objects: [] };
    }
    const facts = await logger.group('Read the Edge', () => observe(kubectl, options, logger));
    const { edge } = facts;
    const plan = planRollout(facts, payload.digest);
    for (const warning of plan.warnings)
        logger.warning(warning);
    const base = baseOf(edge);
    note('edge', describeEdge(edge));
    if (plan.noop) {
        note('no-op', plan.reason);
        return { ...base, changed: false, objects: [] };
    }
    if (options.verify && !options.smokeAddress && !facts.address) {
        throw new lib_errors/* InputError */.dz('smoke-check', `the Edge Service '${options.deployment}' carries no cloud-pipeline/external-host and cloud-pipeline/external-port labels to check the rollout through; set smoke-check to the Edge's address (https://host:port) or to false. Nothing was changed`);
    }
    const switchInfo = { path: plan.switch, reason: plan.reason };
    const objects = payloadObjects(payload, { namespace: options.namespace, prefix: options.prefix, script });
    const job = installerJob(payload, { ...jobBase(options, facts, plan), mode: 'install' });
    const names = [...objects, job].map((object) => `${object.kind}/${object.metadata.name}`);
    if (options.dryRun)
        return dryRun(kubectl, objects, names, { ...base, changed: true, switch: switchInfo }, options, plan, note, logger);
    const lease = await logger.group('Acquire the deploy lease', () => guarded(() => DeployLease.acquire(kubectl, { ...options.lease, namespace: options.namespace }, logger)));
    try {
        // Another deploy may have rolled out this very content while we waited for the lease.
        const now = await readEdge(kubectl, options.deployment, options.namespace, options.hostPath);
        if (now.digest === payload.digest) {
            note('no-op', `another deploy rolled out content ${payload.digest} while this one waited`);
            return { ...base, changed: false, objects: [] };
        }
        const result = { ...base, ...(now.digest ? { previousDigest: now.digest } : {}), switch: switchInfo };
        await logger.group('Create the payload', async () => {
            const created = await createPayload(kubectl, objects, shortDigest(payload.digest));
            note('payload', `${objects.length} objects (${payload.index.files.length} files, ${payload.totalBytes} bytes), ${created === objects.length ? 'all' : created} created`);
        });
        const install = await logger.group(`Run the installer on ${plan.node ? `node ${plan.node}` : 'the Edge node'}`, () => guarded(() => runInstallerJob(kubectl, job, { timeoutSeconds: options.jobTimeoutSeconds, pollMs: options.pollMs, unschedulableSeconds: options.unschedulableSeconds })));
        if (install.unschedulable) {
            note('installer', `not scheduled: ${install.reason}`);
            const selector = Object.entries(options.nodeSelector).map(([key, value]) => `${key}=${value}`).join(',');
            throw new lib_errors/* InputError */.dz('edge-node-selector', `no node matches '${selector}': the installer Job was never scheduled and was removed; nothing was changed on any node`);
        }
        if (!install.succeeded) {
            note('installer', `failed: ${install.reason}`);
            throw new RolloutError(`the installer Job ${job.metadata.name} failed: ${install.reason}${logTail(install)}`, { ...result, changed: false, objects: names });
        }
        note('installer', `${install.log.split('\n').filter((line) => line.includes('installed')).pop() ?? 'completed'}`);
        // The last moment to stop: a deploy that lost the lease must not switch the Edge.
        if (!(await lease.held())) {
            note('aborted', `the deploy lease is now held by ${lease.lostTo ?? 'nobody'}`);
            throw new RolloutError(`lost the deploy lease to ${lease.lostTo ?? 'nobody'} before the switch: the Edge was neither reloaded nor restarted (the files placed on the node go live only with the next deploy or Edge restart)`, { ...result, changed: false, objects: names });
        }
        note('switch', `${plan.switch}: ${plan.reason}`);
        const edgeRef = { deployment: options.deployment, container: edge.container, rolloutTimeout: options.rolloutTimeout, jobTimeoutSeconds: options.jobTimeoutSeconds, ...(options.pollMs ? { pollMs: options.pollMs } : {}) };
        let nginxTest;
        const failure = await logger.group(plan.switch === 'reload' ? 'Reload the Edge (no restart)' : 'Restart the Edge and wait', async () => {
            const switched = await switchEdge(kubectl, plan, edgeRef, payload.digest, logger);
            note(plan.switch === 'reload' ? 'reload' : 'rollout', switched.result);
            if (plan.switch === 'reload')
                nginxTest = switched.ok ? 'passed' : 'failed';
            if (!switched.ok)
                return switched.result;
            return logger.group('Verify through the Edge', () => verifyEdge(options.verify, facts.address));
        });
        if (failure !== undefined) {
            const diagnostics = plan.switch === 'restart' ? `\n${await edgeDiagnostics(kubectl, options.deployment)}` : '';
            const restoreJob = installerJob(payload, { ...jobBase(options, facts, plan), mode: 'restore' });
            const restored = await logger.group('Roll back', () => rollBack(kubectl, restoreJob, plan, edgeRef, now.digest, logger));
            note('rollback', restored);
            throw new RolloutError(`the Edge did not serve content ${payload.digest}: ${failure}\nRolled back: ${restored}${diagnostics}`, {
                ...result,
                changed: true,
                rolledBack: true,
                objects: names,
                ...(nginxTest ? { nginxTest } : {}),
            });
        }
        if (options.verify)
            note('verify', `the Edge serves content ${payload.digest}`);
        await guarded(() => kubectl.annotate({ kind: 'deployment', name: options.deployment }, { [ANNOTATION_DIGEST]: payload.digest }));
        note('annotate', `${ANNOTATION_DIGEST}=${payload.digest}`);
        await logger.group('Remove older payloads', () => removeOlderPayloads(kubectl, payload.digest, note));
        return { ...result, changed: true, objects: names, ...(nginxTest ? { nginxTest } : {}) };
    }
    finally {
        await lease.release().catch((error) => logger.warning(`Could not release the deploy lease: ${(0,lib_errors/* errorMessage */.gJ)(error)}`));
    }
}
function jobBase(options, facts, plan) {
    const { edge } = facts;
    return {
        namespace: options.namespace,
        prefix: options.prefix,
        image: options.installerImage ?? edge.image,
        nodeSelector: options.nodeSelector,
        ...(plan.node ? { nodeName: plan.node } : {}),
        apps: edge.volumes.apps,
        ...(edge.volumes.pki ? { pki: edge.volumes.pki } : {}),
        keepRoutes: plan.keepRoutes,
        keepBackups: options.keepBackups,
        tolerations: edge.tolerations,
        imagePullSecrets: edge.imagePullSecrets,
        activeDeadlineSeconds: options.jobTimeoutSeconds,
    };
}
/**
 * The dry run: which payload objects exist already (content-addressed names: an existing one is
 * unchanged), a client-side `kubectl diff` of the new ones (a server dry run, served since 1.13;
 * refused, it says so), and what would happen.
 */
async function dryRun(kubectl, objects, names, result, options, plan, note, logger) {
    const existing = await existingPayload(kubectl, shortDigest(result.digest));
    const missing = objects.filter((object) => !existing.has(`${object.kind}/${object.metadata.name}`));
    const diff = await logger.group('kubectl diff (dry run)', async () => {
        if (missing.length === 0)
            return '';
        try {
            return await kubectl.diff(listDocument(missing));
        }
        catch (error) {
            if (error instanceof KubectlError) {
                logger.warning(`kubectl diff is not available (${error.message}); the plan lists the objects without their content`);
                return '';
            }
            throw error;
        }
    });
    const summary = summarizeDiff(redactDiff(diff, objects));
    const changes = objects.map((object) => `${object.kind}/${object.metadata.name}`).filter((name) => !existing.has(name)).map((object) => ({ object, change: 'create' }));
    note('would create', names.slice(0, -1).map((name) => `${name} (${existing.has(name) ? 'exists' : 'create'})`).join(', '));
    note('would run', `${names[names.length - 1]} on ${plan.node ? `node ${plan.node}` : `nodes ${Object.entries(options.nodeSelector).map(([key, value]) => `${key}=${value}`).join(',')}`}`);
    note(`would ${plan.switch}`, `${plan.reason}; then verify and annotate ${ANNOTATION_DIGEST}=${result.digest}`);
    return { ...result, objects: names, diff: summary.text, changes };
}
/** Secrets' data never reaches the plan: kubectl diff masks Secret values, and this is a second guard. */
function redactDiff(diff, objects) {
    let text = diff;
    for (const object of objects) {
        if (object.kind !== 'Secret')
            continue;
        for (const value of Object.values(object.data ?? {}))
            text = text.split(value).join('***');
    }
    return text;
}
/** Deletes payload objects and Jobs of older contents (the current ones stay for inspection). */
async function removeOlderPayloads(kubectl, digest, note) {
    const current = shortDigest(digest);
    const stale = [];
    for (const kind of ['configmaps', 'secrets', 'jobs']) {
        const items = await guarded(() => kubectl.list(kind, `${LABEL_MANAGED_BY}=${MANAGED_BY}`));
        for (const item of items) {
            if (item.metadata.labels?.[LABEL_DIGEST] && item.metadata.labels[LABEL_DIGEST] !== current)
                stale.push({ kind: kind.replace(/s$/, ''), name: item.metadata.name });
        }
    }
    await guarded(() => kubectl.delete(stale, { ignoreNotFound: true, wait: false }));
    note('cleanup', stale.length === 0 ? 'no older payload objects' : `removed ${stale.length} older payload objects`);
}

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/smoke.ts


/** The shared HTTP client as the smoke check uses it: the Edge's CA (or none checked), the proxy rules, a deadline per request. */
function edgeClient(options) {
    return new HttpClient({
        ...(options.ca ? { ca: options.ca } : {}),
        insecure: options.insecure === true,
        deadlineMs: options.timeoutMs ?? 10_000,
        ...(options.env ? { env: options.env } : {}),
    });
}
/**
 * One GET through the Edge address with the launcher's host as Host header and TLS server
 * name, as `curl --resolve host:port:address` would do (HttpRequest.virtualHost), through a proxy
 * when the environment names one for the address. The body is read but never logged:
 * `/settings` carries the anonymous token. Without `client`, one is made for this request.
 */
async function fetchThroughEdge(options, host, path, client) {
    const http = client ?? edgeClient(options);
    try {
        const response = await http.request({ method: 'GET', url: new URL(path, options.address), virtualHost: host, headers: { Accept: '*/*' } });
        return { status: response.status, body: response.body.toString('utf8'), contentType: response.header('content-type') ?? '' };
    }
    finally {
        if (!client)
            http.close();
    }
}
/** The first stylesheet and the first script the index page loads (same-origin, relative or absolute path). */
function assetsOf(html) {
    const local = (ref) => {
        if (!ref || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref))
            return undefined;
        return ref.startsWith('/') ? ref : `/${ref.replace(/^\.\//, '')}`;
    };
    const links = [...html.matchAll(/<link\b[^>]*>/gi)].map((match) => match[0]).filter((tag) => /rel\s*=\s*["']?stylesheet/i.test(tag));
    const css = local(/href\s*=\s*["']([^"']+)["']/i.exec(links[0] ?? '')?.[1]);
    const script = [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["'][^>]*>/gi)].map((match) => match[1])[0];
    const js = local(script);
    return { ...(css ? { css } : {}), ...(js ? { js } : {}) };
}
const TYPES = { css: /^text\/css\b/i, js: /^(application|text)\/javascript\b/i };
async function checkOnce(options, host, client) {
    const where = `through ${options.address.host}`;
    const get = (path) => fetchThroughEdge(options, host, path, client);
    const index = await get('/');
    if (index.status !== 200)
        throw new Error(`GET https://${host}/ ${where} answered ${index.status}`);
    if (!/<html/i.test(index.body))
        throw new Error(`GET https://${host}/ ${where} did not answer an HTML page`);
    const settings = await get('/settings');
    if (settings.status !== 200)
        throw new Error(`GET https://${host}/settings ${where} answered ${settings.status}`);
    let parsed;
    try {
        parsed = JSON.parse(settings.body);
    }
    catch {
        throw new Error(`GET https://${host}/settings ${where} is not JSON`);
    }
    if (typeof parsed !== 'object' || parsed === null || !(host in parsed)) {
        throw new Error(`GET https://${host}/settings ${where} has no entry for ${host}`);
    }
    const results = [
        { host, path: '/', status: index.status },
        { host, path: '/settings', status: settings.status },
    ];
    // The real Edge's http {} has no types: a block without its own serves CSS as text/plain, which browsers refuse.
    for (const [kind, path] of Object.entries(assetsOf(index.body))) {
        const asset = await get(path);
        if (asset.status !== 200)
            throw new Error(`GET https://${host}${path} ${where} answered ${asset.status}`);
        if (!TYPES[kind].test(asset.contentType)) {
            throw new Error(`GET https://${host}${path} ${where} is served as '${asset.contentType || 'no Content-Type'}', not ${kind === 'css' ? 'text/css' : 'application/javascript'}`);
        }
        results.push({ host, path, status: asset.status });
    }
    return results;
}
/**
 * The smoke check after a rollout: each launcher host serves its index page, a `/settings` with
 * its own entry, and the stylesheet and script the index loads with their Content-Types. The Edge
 * may need a while after a start, so each host is retried up to `waitSeconds` (bounded).
 */
async function smokeCheck(options, logger) {
    const results = [];
    const deadline = Date.now() + (options.waitSeconds ?? 60) * 1000;
    const client = edgeClient(options);
    try {
        for (const host of options.hosts) {
            for (;;) {
                try {
                    const checked = await checkOnce(options, host, client);
                    results.push(...checked);
                    logger.info(`smoke check: ${host} serves ${checked.map((result) => result.path).join(', ')} through ${options.address.host}`);
                    break;
                }
                catch (error) {
                    if (Date.now() >= deadline)
                        throw error;
                    await (0,external_node_timers_promises_.setTimeout)(options.delayMs ?? 2000);
                }
            }
        }
    }
    finally {
        client.close();
    }
    return results;
}

// EXTERNAL MODULE: ./src/actions/deploy-quick-launcher/state.ts
var state = __webpack_require__(9882);
;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/execute.ts



















/**
 * A rollout that failed after provisioning: the rollout's result (rolled back or not) and what the
 * deploy did before it, so the outputs and the summary keep the provisioning counts.
 */
class DeployRolloutError extends RolloutError {
    deploy;
    constructor(cause, deploy) {
        super(cause.message, cause.result);
        this.deploy = deploy;
        this.stack = cause.stack;
    }
}
/** Runs the rollout; a RolloutError comes back carrying what the deploy did before it. */
async function rolloutKeeping(done, run) {
    try {
        return await run();
    }
    catch (error) {
        throw error instanceof RolloutError ? new DeployRolloutError(error, done) : error;
    }
}
/**
 * The whole deploy: kubeconfig (masked, 0600, removed at the end and by the post step), kubectl,
 * Cloud Pipeline provisioning, then the Edge rollout with the anonymous token in the settings.
 * A RolloutError carries the rollout's result (rolled back or not) for the outputs.
 */
async function deploy(inputs, deps) {
    const { logger } = deps;
    const limits = deps.limits ?? DEFAULT_PAYLOAD_LIMITS;
    const raw = await (0,deploy_quick_launcher_kubeconfig/* kubeconfigSource */.X4)(inputs.kubeconfig, deps.env);
    // A base64 kubeconfig is one secret line; a plain one is masked credential by credential.
    if (!raw.trim().includes('\n'))
        deps.setSecret(raw.trim());
    const kubeconfig = (0,deploy_quick_launcher_kubeconfig/* parseKubeconfig */.DU)(raw, inputs.context);
    for (const secret of kubeconfig.secrets)
        deps.setSecret(secret);
    const path = await (0,deploy_quick_launcher_kubeconfig/* writeKubeconfig */.fQ)(kubeconfig.text, (0,deploy_quick_launcher_kubeconfig/* kubeconfigDir */.xW)(deps.env));
    deps.saveState(state/* STATE_KUBECONFIG */.mU, path);
    const cacheDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,deploy_quick_launcher_kubeconfig/* kubeconfigDir */.xW)(deps.env), 'quick-launcher-kubectl-cache-'));
    deps.saveState(state/* STATE_CACHE_DIR */.Fz, cacheDir);
    try {
        logger.info(`Cluster: context '${kubeconfig.context}'${kubeconfig.server ? ` (${kubeconfig.server})` : ''}, namespace '${inputs.namespace}'`);
        const binary = await resolveKubectl({ version: inputs.kubectlVersion, mirror: inputs.kubectlMirror }, logger);
        const kubectl = new Kubectl(binary, { kubeconfig: path, context: kubeconfig.context, namespace: inputs.namespace, cacheDir, requestTimeout: '60s' }, deps.runner);
        // Preflight, before anything changes anywhere: the hand-off folders, the Edge (missing, 403),
        // and the payload's size limits (packed once with the token that is live, if any).
        const script = renderInstaller({ keep: DEFAULT_KEEP_BACKUPS });
        const collect = (anonymousToken, appConfigStorage) => collectPayloadFiles({ edgeConfigDir: inputs.edgeConfig, distributionDir: inputs.distribution, anonymousToken, ...(appConfigStorage !== undefined ? { appConfigStorage } : {}) }, logger);
        const tools = inputs.api && inputs.registerTools && inputs.toolsManifest ? await readToolsManifest(inputs.toolsManifest, 'tools-manifest') : [];
        const edge = await readEdge(kubectl, inputs.edgeDeployment, inputs.namespace, inputs.edgeHostPath);
        // The token live on the Edge stays while valid, so an unchanged redeploy keeps its digest.
        const livePayload = edge.digest ? await guarded(() => readLivePayload(kubectl, OBJECT_PREFIX, edge.digest ?? '')) : undefined;
        const liveSettings = livePayload?.settings;
        const live = tokenInSettings(liveSettings);
        if (live)
            deps.setSecret(live);
        const liveStorage = storageInSettings(liveSettings);
        const planned = packPayload(await logger.group('Check the payload', () => collect(live ?? '', liveStorage)), { hostPath: inputs.edgeHostPath, installer: script.sha256 }, limits);
        const placeholders = await placeholderStorageHosts(inputs.edgeConfig);
        const preflight = { dryRun: inputs.dryRun, plannedDigest: planned.digest, ...(edge.digest ? { liveDigest: edge.digest } : {}), placeholders, ...(liveStorage !== undefined ? { liveStorage } : {}), provisions: inputs.api !== undefined };
        if (checksPermissions(preflight))
            await checkPermissions(kubectl, inputs.edgeDeployment, inputs.namespace, logger);
        let storageId = liveStorage;
        let provisioned;
        if (inputs.api) {
            deps.setSecret(inputs.api.token);
            const api = inputs.api;
            const client = createCloudPipelineClient({ url: api.url, token: api.token, ...(api.caFile ? { caFile: api.caFile } : {}), insecure: api.insecure, logger });
            provisioned = await (0,provision/* provision */.m)(client, {
                systemUsers: inputs.systemUsers,
                syncHomeFolders: inputs.syncHomeFolders,
                preferences: inputs.preferences,
                tools,
                ...(inputs.homeHierarchy ? { homeHierarchy: inputs.homeHierarchy } : {}),
                ...(inputs.homeAuto !== undefined ? { homeAuto: inputs.homeAuto } : {}),
                ...(inputs.toolRegistration ? { toolRegistration: inputs.toolRegistration } : {}),
                ...(live ? { liveAnonymousToken: live } : {}),
            }, { dryRun: inputs.dryRun, concurrency: inputs.homeSyncConcurrency, logger });
            if (provisioned.anonymousToken)
                deps.setSecret(provisioned.anonymousToken);
            // After provisioning the service user has its home storage (created above when missing).
            if (placeholders.length > 0)
                storageId = (await client.users.find(serviceUserOf(inputs.systemUsers)))?.defaultStorageId ?? storageId;
        }
        const { token, keptLiveToken, appConfigStorage } = planSettings({
            ...(live ? { liveToken: live } : {}),
            ...(provisioned?.anonymousToken ? { freshToken: provisioned.anonymousToken } : {}),
            systemUsers: inputs.systemUsers,
            now: new Date(),
            placeholders,
            ...(storageId !== undefined ? { storageId } : {}),
            dryRun: inputs.dryRun,
            provisions: inputs.api !== undefined,
        });
        if (appConfigStorage)
            logger.info(`appConfigStorage: ${appConfigStorage.note}`);
        if (keptLiveToken)
            logger.info('anonymous access: the token live on the Edge is still valid and kept');
        const files = await logger.group('Collect the payload', () => collect(token, storageId));
        const hosts = hostsOf(files.find((file) => file.path === 'quick-launcher/settings.json')?.content.toString('utf8'));
        const payload = packPayload(files, { hostPath: inputs.edgeHostPath, installer: script.sha256 }, limits);
        logger.info(`content digest ${payload.digest}: ${files.length} files, ${payload.totalBytes} bytes in ${payload.objects.length + 1} objects`);
        const changedFiles = changingFiles({ ...(edge.digest ? { digest: edge.digest } : {}), ...(livePayload ? { index: livePayload.index } : {}) }, payload);
        const done = { ...(provisioned ? { provision: provisioned } : {}), hosts, ...(appConfigStorage ? { appConfigStorage } : {}), files: changedFiles };
        const ca = inputs.api?.caFile ? await (0,promises_.readFile)(inputs.api.caFile, 'utf8') : undefined;
        const result = await rolloutKeeping(done, () => rollout(kubectl, payload, script.text, {
            ...rolloutSettings(inputs, { holder: deps.holder, liveEdge: edge, keepBackups: DEFAULT_KEEP_BACKUPS, ...(deps.pollMs ? { pollMs: deps.pollMs } : {}) }),
            ...(inputs.smokeCheck
                ? {
                    smokeAddress: inputs.smokeAddress,
                    verify: async (observed) => {
                        const address = inputs.smokeAddress ?? observed?.url;
                        if (!address)
                            throw new Error('no Edge address to check through');
                        await smokeCheck({ address, hosts, insecure: inputs.api?.insecure ?? false, ...(ca ? { ca } : {}), ...(deps.smokeWaitSeconds !== undefined ? { waitSeconds: deps.smokeWaitSeconds } : {}) }, logger);
                    },
                }
                : {}),
        }, logger));
        return { rollout: result, ...done };
    }
    catch (error) {
        if (error instanceof RolloutError)
            logger.warning(error.result.rolledBack ? 'The Edge rollout failed and was rolled back' : 'The Edge rollout failed');
        throw error;
    }
    finally {
        // The post step removes them too, for a main step that was cancelled before this line.
        await (0,deploy_quick_launcher_kubeconfig/* removeKubeconfig */.I8)(path);
        await (0,promises_.rm)(cacheDir, { recursive: true, force: true });
    }
}


/***/ }),

/***/ 3848:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xW: () => (/* binding */ kubeconfigDir),
  X4: () => (/* binding */ kubeconfigSource),
  DU: () => (/* binding */ parseKubeconfig),
  I8: () => (/* binding */ removeKubeconfig),
  fQ: () => (/* binding */ writeKubeconfig)
});

// UNUSED EXPORTS: decodeKubeconfig, execArgSecrets, redactServer

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/lib/runner-temp.ts


/** The runner's temp folder (emptied after each job), else the OS temp folder. */
function runnerTemp(env = process.env) {
    return env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
}
/** `<runner temp>/quick-launcher/<name>`: the default place of an action's output or cache folder. */
function workFolder(env, name) {
    return join(runnerTemp(env), 'quick-launcher', name);
}

// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/kubeconfig.ts






const BASE64 = /^[A-Za-z0-9+/=\s]+$/;
/**
 * Plain YAML always has a `:`; base64 never does. Users paste either (Azure/k8s-set-context#146
 * added an explicit encoding input; detecting it spares one).
 */
function decodeKubeconfig(raw) {
    const trimmed = raw.trim();
    if (trimmed !== '' && !trimmed.includes(':') && BASE64.test(trimmed)) {
        return Buffer.from(trimmed.replace(/\s+/g, ''), 'base64').toString('utf8');
    }
    return raw;
}
function isMapping(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function named(list, field) {
    if (!Array.isArray(list))
        return [];
    return list.filter(isMapping).map((entry) => ({
        name: typeof entry.name === 'string' ? entry.name : '',
        body: isMapping(entry[field]) ? entry[field] : {},
    }));
}
const SECRET_FIELDS = ['token', 'password', 'client-key-data', 'client-certificate-data'];
/** Every credential in a kubeconfig, with base64 `*-data` values also decoded (derived secrets are not masked by the runner on their own). */
function kubeconfigSecrets(config) {
    const found = new Set();
    const add = (value, encoded = false) => {
        if (typeof value !== 'string' || value.trim().length < 4)
            return;
        found.add(value);
        if (encoded && BASE64.test(value)) {
            const decoded = Buffer.from(value, 'base64').toString('utf8');
            for (const line of decoded.split(/\r?\n/))
                if (line.trim().length >= 8 && !line.startsWith('-----'))
                    found.add(line.trim());
        }
    };
    for (const { body } of named(config.clusters, 'cluster')) {
        add(body['certificate-authority-data'], true);
        // Userinfo in a server URL (`https://user:pass@host`) is a credential too.
        const userinfo = typeof body.server === 'string' ? /^[a-z][a-z0-9+.-]*:\/\/([^/?#@]*)@/i.exec(body.server)?.[1] : undefined;
        if (userinfo) {
            // The whole userinfo and the password (not the user name alone: masking a word such as
            // 'admin' would blank it everywhere in the log), raw and percent-decoded.
            const password = userinfo.includes(':') ? userinfo.slice(userinfo.indexOf(':') + 1) : undefined;
            for (const part of [userinfo, ...(password ? [password] : [])])
                for (const form of [part, safeDecode(part)])
                    add(form);
        }
    }
    for (const { body: user } of named(config.users, 'user')) {
        for (const field of SECRET_FIELDS)
            add(user[field], field.endsWith('-data'));
        const provider = user['auth-provider'];
        if (isMapping(provider) && isMapping(provider.config))
            for (const value of Object.values(provider.config))
                add(value);
        const exec = user.exec;
        if (isMapping(exec) && Array.isArray(exec.env)) {
            for (const entry of exec.env)
                if (isMapping(entry))
                    add(entry.value);
        }
        if (isMapping(exec) && Array.isArray(exec.args))
            for (const value of execArgSecrets(exec.args))
                add(value);
    }
    return [...found];
}
function safeDecode(value) {
    try {
        return decodeURIComponent(value);
    }
    catch {
        return value;
    }
}
/** Flags of exec credential plugins whose value is a credential (kubelogin, aws, gke-gcloud-auth-plugin, generic). */
const SECRET_FLAG = /^--?[A-Za-z0-9-]*(token|secret|password|passwd|key|credential)[A-Za-z0-9-]*$/i;
/**
 * The credentials among an exec plugin's args: the value of `--token=…`, `--oidc-client-secret=…`
 * and the like, and the argument after such a flag given alone (`--token VALUE`).
 */
function execArgSecrets(args) {
    const found = [];
    const keep = (value) => {
        if (!/^(true|false)$/i.test(value))
            found.push(value); // a boolean flag value is no credential, and masking it would hide every 'true' in the log
    };
    args.forEach((arg, index) => {
        if (typeof arg !== 'string')
            return;
        const equals = arg.indexOf('=');
        if (equals > 0 && SECRET_FLAG.test(arg.slice(0, equals)))
            keep(arg.slice(equals + 1));
        else if (equals < 0 && SECRET_FLAG.test(arg)) {
            const next = args[index + 1];
            if (typeof next === 'string' && !next.startsWith('-'))
                keep(next);
        }
    });
    return found;
}
/** A server URL without its userinfo (`https://user:pass@host` → `https://***@host`), for the log and errors. */
function redactServer(server) {
    return server.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1***@');
}
/**
 * The kubeconfig to use: the `kubeconfig` input, else the one file `$KUBECONFIG` names (set by
 * azure/k8s-set-context, aws eks update-kubeconfig, get-gke-credentials). Neither: an InputError
 * naming `kubeconfig`. Errors never echo the content.
 */
async function kubeconfigSource(input, env) {
    if (input !== undefined && input.trim() !== '')
        return input;
    const variable = env.KUBECONFIG?.trim();
    if (!variable)
        throw new errors/* InputError */.dz('kubeconfig', 'is required: give the kubeconfig content, or set KUBECONFIG in an earlier step (e.g. azure/k8s-set-context)');
    const paths = variable.split(external_node_path_.delimiter).filter((path) => path !== '');
    if (paths.length !== 1)
        throw new errors/* InputError */.dz('kubeconfig', `is not given and $KUBECONFIG lists ${paths.length} files; give the kubeconfig content, or one file in KUBECONFIG`);
    try {
        return await (0,promises_.readFile)(paths[0], 'utf8');
    }
    catch (error) {
        throw new errors/* InputError */.dz('kubeconfig', `is not given and $KUBECONFIG names ${paths[0]}, which cannot be read (${(0,errors/* errorCode */.CA)(error) ?? 'error'})`);
    }
}
/**
 * Parses the `kubeconfig` input (plain or base64) and selects `context` (else the file's
 * current context, else its only one). Errors name the input and never echo the content: the
 * YAML parser's messages quote the offending line, so only the line number is kept.
 */
function parseKubeconfig(raw, context) {
    const text = decodeKubeconfig(raw);
    // `merge`: `<<: *creds` keys are resolved (as kubectl's YAML reader does), so credentials reached through them are found and masked.
    const document = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false, merge: true });
    if (document.errors.length > 0) {
        const error = document.errors[0];
        const line = error.linePos?.[0]?.line;
        throw new errors/* InputError */.dz('kubeconfig', `is not valid YAML${line ? ` (line ${line})` : ''}; pass the kubeconfig content, plain or base64`);
    }
    const config = document.toJS({ maxAliasCount: 100 });
    if (!isMapping(config) || !Array.isArray(config.clusters) || !Array.isArray(config.contexts)) {
        throw new errors/* InputError */.dz('kubeconfig', 'is not a kubeconfig (no clusters and contexts lists)');
    }
    const secrets = kubeconfigSecrets(config);
    const contexts = named(config.contexts, 'context');
    const names = contexts.map((entry) => entry.name).filter((name) => name !== '');
    if (names.length === 0)
        throw new errors/* InputError */.dz('kubeconfig', 'has no named contexts');
    let chosen = context;
    if (chosen === undefined) {
        const current = config['current-context'];
        if (typeof current === 'string' && names.includes(current))
            chosen = current;
        else if (names.length === 1)
            chosen = names[0];
        else
            throw new errors/* InputError */.dz('context', `is required: the kubeconfig has no current context and several contexts (${names.join(', ')})`);
    }
    const selected = contexts.find((entry) => entry.name === chosen);
    if (!selected)
        throw new errors/* InputError */.dz('context', `'${chosen}' is not a context in the kubeconfig; it has: ${names.join(', ')}`);
    const clusterName = selected.body.cluster;
    const cluster = named(config.clusters, 'cluster').find((entry) => entry.name === clusterName);
    if (!cluster)
        throw new errors/* InputError */.dz('kubeconfig', `context '${chosen}' names cluster '${JSON.stringify(clusterName)}', which it does not define`);
    const userName = selected.body.user;
    if (userName !== undefined && !named(config.users, 'user').some((entry) => entry.name === userName)) {
        throw new errors/* InputError */.dz('kubeconfig', `context '${chosen}' names user '${JSON.stringify(userName)}', which it does not define`);
    }
    document.set('current-context', chosen);
    const server = cluster.body.server;
    return {
        text: document.toString(),
        context: chosen,
        contexts: names,
        ...(typeof server === 'string' ? { server: redactServer(server) } : {}),
        secrets,
    };
}
/** The folder for the kubeconfig: RUNNER_TEMP on a runner, else the OS temp folder. */
function kubeconfigDir(env = process.env) {
    return runnerTemp(env);
}
/** Writes the kubeconfig readable by the owner only (0600) and returns its path. */
async function writeKubeconfig(text, dir = kubeconfigDir()) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const path = (0,external_node_path_.join)(dir, `quick-launcher-kubeconfig-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
    await (0,promises_.writeFile)(path, text, { mode: 0o600, flag: 'wx' });
    await (0,promises_.chmod)(path, 0o600); // a umask cannot widen it, but make the mode explicit
    return path;
}
/** Removes a kubeconfig written by writeKubeconfig; a missing file is fine (post runs always). */
async function removeKubeconfig(path) {
    await (0,promises_.rm)(path, { force: true });
}


/***/ }),

/***/ 2122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   childEnvironment: () => (/* binding */ childEnvironment),
/* harmony export */   execRunner: () => (/* binding */ execRunner),
/* harmony export */   findOnPath: () => (/* binding */ findOnPath),
/* harmony export */   lastLines: () => (/* binding */ lastLines)
/* harmony export */ });
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5260);
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
