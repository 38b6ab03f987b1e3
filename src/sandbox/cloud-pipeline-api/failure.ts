/**
 * A failure the API reports. Upstream answers nearly every failure as HTTP 200 with an ERROR
 * envelope (`controller/ExceptionHandlerAdvice.java:51-89`); the server keeps `httpStatus` only
 * for 401, 403 and 405 and answers 200 for everything else.
 */
export class ApiFailure extends Error {
  constructor(
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
  }
}
