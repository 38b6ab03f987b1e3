import type { IncomingHttpHeaders } from 'node:http';
import { type Dto, readDto, readDtoList } from './dtos.js';
import { ApiFailure } from './failure.js';
import type { CloudPipelineState, UserRecord } from './state.js';

/** What a route handler receives. */
export interface RouteContext {
  state: CloudPipelineState;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  /** The user the token names (looked up by name, as the token carries it). */
  caller: UserRecord;
  /** The roles frozen in the caller's token. */
  callerRoles: readonly string[];
  /** The JSON body, undefined when empty ("Could not read document" when it is not JSON). */
  json(): unknown;
  /** The body read strictly as an upstream class (required). */
  body<T>(dto: Dto): T;
  /** The body read strictly as a list of an upstream class (required). */
  bodyList<T>(dto: Dto): T[];
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
  /**
   * Changes state. `false` on a POST marks a read by upstream contract (a search, a batch load):
   * the one exception to "every write attempt is mutating" (src/sandbox/mutating.ts).
   */
  mutating: boolean;
  /** `@PreAuthorize(ADMIN_ONLY)` on the API service method. */
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

  /** The methods some route serves at this path (405 rather than 404 when not empty). */
  methodsAt(path: string): string[] {
    return this.routes.filter((route) => route.pattern.test(path)).map((route) => route.method);
  }

  /** True when some route has this path. */
  knows(path: string): boolean {
    return this.methodsAt(path).length > 0;
  }
}

/** A required query parameter (`MissingServletRequestParameterException`: HTTP 200 + ERROR through the advice). */
export function requireQuery(query: URLSearchParams, name: string, javaType = 'String'): string {
  const value = query.get(name);
  if (value === null) throw new ApiFailure(200, `Required ${javaType} parameter '${name}' is not present`);
  return value;
}

const mismatch = (value: string) =>
  new ApiFailure(200, `Failed to convert value of type 'java.lang.String' to required type 'java.lang.Long'; nested exception is java.lang.NumberFormatException: For input string: "${value}"`);

/** A numeric path parameter (`MethodArgumentTypeMismatchException` when it is not one). */
export function idParam(params: Record<string, string>, name = 'id'): number {
  const raw = params[name] ?? '';
  if (!/^-?\d+$/.test(raw)) throw mismatch(raw);
  return Number(raw);
}

/** Comma-separated ids from a query parameter (`@RequestParam List<Long>`). */
export function idList(query: URLSearchParams, name: string): number[] {
  return requireQuery(query, name, 'List')
    .split(',')
    .filter((item) => item.trim() !== '')
    .map((item) => {
      if (!/^\d+$/.test(item.trim())) throw mismatch(item);
      return Number(item);
    });
}

const required = (value: unknown) => {
  if (value === undefined) throw new ApiFailure(200, 'Required request body is missing');
  return value;
};

/** Reads a request body strictly (`@RequestBody`: required, FAIL_ON_UNKNOWN_PROPERTIES). */
export function strictBody<T>(value: unknown, dto: Dto): T {
  return readDto<T>(required(value), dto);
}

/** Reads a list request body strictly, every element as `dto`. */
export function strictBodyList<T>(value: unknown, dto: Dto): T[] {
  return readDtoList<T>(required(value), dto);
}
