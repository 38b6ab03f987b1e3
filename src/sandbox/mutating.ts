/**
 * The one definition of a mutating call, shared by the Kubernetes and the Cloud Pipeline API
 * stand-ins (and so by every bar that counts mutations): every POST, PUT, PATCH or DELETE that
 * reached the server, whatever its answer. A refused or failed write still counts: the client
 * tried to change something, and a no-op run must not try. The only exceptions are requests that
 * the upstream API defines as reads although they are sent with a write method; each caller
 * names its own (a Kubernetes dry run or access review, the API's POST searches).
 */
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isMutatingAttempt(method: string, readByContract = false): boolean {
  return WRITE_METHODS.has(method.toUpperCase()) && !readByContract;
}
