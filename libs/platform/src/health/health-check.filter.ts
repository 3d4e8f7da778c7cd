import { ArgumentsHost, Catch, ServiceUnavailableException, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';

/**
 * Readiness answers 503 with terminus' own body ({status: 'error', info, error, details}, naming
 * the failing indicator) rather than the {code, reason} every other error becomes.
 */
@Catch(ServiceUnavailableException)
export class HealthCheckFilter implements ExceptionFilter {
  catch(exception: ServiceUnavailableException, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<Response>().status(exception.getStatus()).json(exception.getResponse());
  }
}
