import { qualifiedName, type ResourceType } from './resources.js';
import type { JsonObject } from './json.js';

/** An API failure answered as a kube-apiserver `Status` object. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: JsonObject,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The `Status` body, shaped as kube-apiserver shapes it. */
  toStatus(): JsonObject {
    const status: JsonObject = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
    };
    if (this.details) status.details = this.details;
    status.code = this.code;
    return status;
  }
}

function details(resource: ResourceType, name?: string): JsonObject {
  const out: JsonObject = {};
  if (name) out.name = name;
  if (resource.group) out.group = resource.group;
  out.kind = resource.plural;
  return out;
}

/** 404 `configmaps "x" not found`. */
export function notFound(resource: ResourceType, name: string): ApiError {
  return new ApiError(404, 'NotFound', `${qualifiedName(resource)} "${name}" not found`, details(resource, name));
}

/** 409 `configmaps "x" already exists`. */
export function alreadyExists(resource: ResourceType, name: string): ApiError {
  return new ApiError(409, 'AlreadyExists', `${qualifiedName(resource)} "${name}" already exists`, details(resource, name));
}

/** 409 on a stale resourceVersion, worded as kube-apiserver words it. */
export function conflict(resource: ResourceType, name: string): ApiError {
  return new ApiError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedName(resource)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    details(resource, name),
  );
}

/**
 * 422 Invalid for one field, shaped as kube-apiserver's validation errors (kubectl prints
 * `The <Kind> "<name>" is invalid: <field>: <message>` from `details.causes`).
 */
export function invalid(resource: ResourceType, name: string, field: string, message: string, reason = 'FieldValueInvalid'): ApiError {
  return new ApiError(422, 'Invalid', `${resource.kind} "${name}" is invalid: ${field}: ${message}`, {
    ...details(resource, name),
    kind: resource.kind,
    causes: [{ reason, message, field }],
  });
}

/** 400 BadRequest. */
export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}

/** 401 Unauthorized. */
export function unauthorized(): ApiError {
  return new ApiError(401, 'Unauthorized', 'Unauthorized');
}

/** 410 Expired, for a watch from a resourceVersion older than the kept history. */
export function expired(resourceVersion: string): ApiError {
  return new ApiError(410, 'Expired', `too old resource version: ${resourceVersion}`);
}

/**
 * 415 for a PATCH content type the server does not serve, worded as apimachinery's
 * `errUnsupportedMediaType`: the accepted types joined by `, `, nothing about the sent one.
 */
export function unsupportedMediaType(accepted: readonly string[]): ApiError {
  return new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);
}
