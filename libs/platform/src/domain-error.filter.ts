import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, DomainErrorKind, RateLimitedError } from '@bureaunet/contracts';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  'too-large': HttpStatus.PAYLOAD_TOO_LARGE,
  'rate-limited': HttpStatus.TOO_MANY_REQUESTS,
  locked: HttpStatus.LOCKED,
  'bad-gateway': HttpStatus.BAD_GATEWAY,
};

/**
 * Every HTTP error leaves as {code, reason}, plus the `field` and `at` ({line, position}) a domain
 * error names (a refused MRZ says which check digit, where); unknown errors are logged and leak nothing.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof DomainError) {
      if (error instanceof RateLimitedError)
        response.setHeader('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
      response.status(STATUS_BY_KIND[error.kind]).json({ code: error.code, reason: error.message, ...placeOf(error) });
      return;
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      const message = typeof body === 'object' && body !== null && 'message' in body ? body.message : error.message;
      const reason = Array.isArray(message) ? message.join('; ') : String(message);
      response.status(status).json({ code: status === 400 ? 'invalid-request' : `http-${status}`, reason });
      return;
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ code: 'internal', reason: 'internal error' });
  }
}

/** Where a domain error points, when it says: a field name, and a 1-based line and position. */
function placeOf(error: DomainError): { field?: string; at?: { line: number; position: number } } {
  const { field, at } = error as { field?: unknown; at?: unknown };
  const place: { field?: string; at?: { line: number; position: number } } = {};
  if (typeof field === 'string') place.field = field;
  if (typeof at === 'object' && at !== null) {
    const { line, position } = at as { line?: unknown; position?: unknown };
    if (typeof line === 'number' && typeof position === 'number') place.at = { line, position };
  }
  return place;
}
