// Calls to the Cloud Pipeline API as the real launcher makes them (src/models/base/api-call.js,
// get-fetch-options.js, combine-url.js): `settings.api` + the endpoint, JSON headers, the bearer
// token (the anonymous token for an anonymous user), CORS with credentials unless anonymous.
import { BUILD } from './build-config.js';
import { bearerToken } from './bearer-token.js';

/** An answer outside 2xx, as the real launcher names it. */
export class ApiCallError extends Error {
  constructor(response) {
    super(`Response: ${response.status} ${response.statusText}`);
    this.status = response.status;
  }
}

/** `root` and `uri` joined with exactly one slash. */
export function combineUrl(root, uri) {
  if (!uri) return root;
  const base = root && !root.endsWith('/') ? `${root}/` : root || '';
  return `${base}${uri.startsWith('/') ? uri.slice(1) : uri}`;
}

/** Fetch options for one API call with these settings. */
export function fetchOptions(settings) {
  const headers = { 'Content-Type': 'application/json' };
  if (settings.useBearerAuth && bearerToken) headers.Authorization = `Bearer ${bearerToken}`;
  const anonymousToken = settings.anonymousAccess && settings.anonymousAccess.token;
  if (settings.isAnonymous && anonymousToken) headers.Authorization = `Bearer ${anonymousToken}`;
  const includeCredentials = settings.anonymousAccess && settings.anonymousAccess.includeCredentials;
  return {
    mode: BUILD.cloudPipelineApi ? 'cors' : undefined,
    credentials: settings.isAnonymous && !includeCredentials ? 'omit' : BUILD.cloudPipelineApi ? 'include' : undefined,
    headers,
  };
}

/** Calls `<settings.api>/<uri>`: the parsed JSON answer (a Blob with `blob: true`). */
export async function apiCall(settings, uri, options = {}) {
  const { method = 'GET', body, blob = false } = options;
  const url = combineUrl(settings.api, `/${uri}`);
  const response = await fetch(url, {
    ...fetchOptions(settings),
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch((error) => {
    // A network error or a CORS refusal: the browser tells the page no more than "Failed to fetch".
    throw new Error(`${method} ${url}: ${error.message}`);
  });
  if ([3, 4, 5].includes(Math.floor(response.status / 100))) throw new ApiCallError(response);
  return blob ? response.blob() : response.json();
}

/** The payload of an `{status: 'OK', payload}` answer; an ERROR answer throws its message. */
export async function apiPayload(settings, uri, options = {}) {
  const answer = await apiCall(settings, uri, options);
  if (!answer || !/^ok$/i.test(answer.status)) {
    throw new Error((answer && answer.message) || `${uri}: status ${answer && answer.status}`);
  }
  return answer.payload;
}
