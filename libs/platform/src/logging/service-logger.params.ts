import { hostname } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { stdTimeFunctions, type LoggerOptions } from 'pino';
import PinoPretty from 'pino-pretty';
import { currentLogCorrelation } from './log-correlation';
import type { LogOptions } from './log.options';

/**
 * nestjs-pino's settings for one service: one JSON object a line with a UTC ISO `time`, the level
 * by name, the service, and the msgId/envelopeId of the message being handled. HTTP request lines
 * are debug (quiet at the default info) and carry no headers: a bearer token never reaches a log.
 */
export function serviceLoggerParams(service: string, options: LogOptions): Params {
  const pinoOptions: LoggerOptions = {
    level: options.level,
    base: { service, pid: process.pid, hostname: hostname() },
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => ({ ...currentLogCorrelation() }),
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
  if (options.format === 'json') return { pinoHttp: httpOptions };
  // Synchronous in this thread (no transport worker), so nothing is lost when the process exits.
  const pretty = PinoPretty({
    translateTime: 'UTC:yyyy-mm-dd HH:MM:ss.l',
    ignore: 'pid,hostname,service,context',
    messageFormat: '[{service}] {if context}{context}: {end}{msg}',
    sync: true,
  });
  return { pinoHttp: [httpOptions, pretty] };
}
