import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

const SQL_SHOWN = 200;

/**
 * TypeORM's log, through the service's logger. A failed query is logged at debug with its SQL and
 * error only: its parameters hold what officers wrote (names, document numbers), which must never
 * reach a log, and the caller that gets the error decides what is worth a warning (storage-full,
 * a duplicate) — TypeORM's console logger printed both, parameters included, at every failure.
 */
export class QueryLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    this.logger.debug({
      event: 'query-failed',
      error: typeof error === 'string' ? error : error.message,
      sql: query.length > SQL_SHOWN ? `${query.slice(0, SQL_SHOWN)}…` : query,
    });
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ event: 'query-slow', ms: time, sql: query.slice(0, SQL_SHOWN) });
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log({ event: 'migration', message });
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(message);
    else this.logger.debug(message);
  }
}
