import { Logger, type LoggerService } from '@nestjs/common';

/**
 * terminus' logger, through the service's JSON logger rather than Nest's console one. A failed
 * readiness check is info, not an error: an orchestrator asks every few seconds and acts on the
 * 503, and the cause (a lost broker, a full database) is logged where it happens.
 */
export class ReadinessLogger implements LoggerService {
  private readonly logger = new Logger('Readiness');

  log(message: unknown): void {
    this.logger.log(message);
  }

  error(message: unknown): void {
    this.logger.log(message);
  }

  warn(message: unknown): void {
    this.logger.warn(message);
  }
}
