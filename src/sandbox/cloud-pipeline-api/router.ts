import type { IncomingHttpHeaders } from 'node:http';
import { ApiFailure, type CloudPipelineState, type UserRecord } from './state.js';

/** What a route handler receives. */
export interface RouteContext {
  state: CloudPipelineState;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  caller: UserRecord;
  /** The JSON body (400 when it is not JSON). */
  json(): unknown;
  /** Issues a token that the stand-in will accept for `userName`. */
  issueToken(userName: string): string;
}

/** A non-envelope answer (icons). */
export class RawResponse {
  constructor(
    readonly contentType: string,
    readonly body: Buffer,
  ) {}
}

export interface Route {
  method: string;
  /** Upstream path with `{name}` parameters, below /pipeline/restapi. */
  path: string;
  /** Changes state (counted as a mutating call in the request log). */
  mutating: boolean;
  adminOnly?: boolean;
  handle(context: RouteContext): unknown;
}

interface CompiledRoute extends Route {
  pattern: RegExp;
  names: string[];
}

/** Matches method + path to a route, extracting `{name}` parameters. */
export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: Route[]) {
    this.routes = routes.map((route) => {
      const names: string[] = [];
      const source = route.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { ...route, pattern: new RegExp(`^${source}$`), names };
    });
  }

  match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const found = route.pattern.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => (params[name] = decodeURIComponent(found[index + 1] ?? '')));
      return { route, params };
    }
    return undefined;
  }

  /** True when some route has this path under another method (405 rather than 404). */
  knows(path: string): boolean {
    return this.routes.some((route) => route.pattern.test(path));
  }
}

/** A required query parameter (400 when missing, as Spring does). */
export function requireQuery(query: URLSearchParams, name: string): string {
  const value = query.get(name);
  if (value === null || value === '') throw new ApiFailure(400, `Required request parameter '${name}' is not present`);
  return value;
}

/** A numeric path parameter. */
export function idParam(params: Record<string, string>, name = 'id'): number {
  const value = Number(params[name]);
  if (!Number.isInteger(value)) throw new ApiFailure(400, `Failed to convert '${params[name]}' to a number`);
  return value;
}

/** Comma-separated ids from a query parameter. */
export function idList(query: URLSearchParams, name: string): number[] {
  return requireQuery(query, name)
    .split(',')
    .filter((item) => item.trim() !== '')
    .map((item) => {
      const id = Number(item);
      if (!Number.isInteger(id)) throw new ApiFailure(400, `'${item}' in '${name}' is not a number`);
      return id;
    });
}
