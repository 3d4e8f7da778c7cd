import { AsyncLocalStorage } from 'node:async_hooks';

/** Fields that tie a log line to the message or envelope it concerns. */
export interface LogCorrelation {
  /** The JetStream msgId of the message being handled (the envelope id, `<id>:<attempt>` on a resend). */
  msgId?: string;
  /** The envelope the line is about, once it is parsed. */
  envelopeId?: string;
}

const storage = new AsyncLocalStorage<LogCorrelation>();

/**
 * Runs `work` with these fields on every log line it writes, however deep (the logger's mixin reads
 * them): a handler's lines carry the msgId without each call site passing it.
 */
export function withLogCorrelation<T>(fields: LogCorrelation, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...definedOnly(fields) }, work);
}

/** The correlation fields of the work running now; empty outside one. */
export function currentLogCorrelation(): LogCorrelation {
  return storage.getStore() ?? {};
}

function definedOnly(fields: LogCorrelation): LogCorrelation {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
