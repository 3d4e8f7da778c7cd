import { EnvReader } from '../env.reader';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LogOptions {
  /** LOG_LEVEL: the lowest level written (default info; HTTP request lines are debug). */
  level: LogLevel;
  /** LOG_FORMAT: one JSON object a line (default), or pino-pretty's coloured lines for a terminal. */
  format: LogFormat;
}

/** Reads LOG_LEVEL and LOG_FORMAT; a bad value stops the start with the variable named. */
export function readLogOptions(environment: NodeJS.ProcessEnv = process.env): LogOptions {
  const env = new EnvReader(environment);
  return env.done({
    level: env.string('LOG_LEVEL', { default: 'info', pattern: oneOf(LOG_LEVELS) }) as LogLevel,
    format: env.string('LOG_FORMAT', { default: 'json', pattern: oneOf(LOG_FORMATS) }) as LogFormat,
  });
}

function oneOf(values: readonly string[]): RegExp {
  return new RegExp(`^(${values.join('|')})$`);
}
