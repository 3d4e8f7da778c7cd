import { SetMetadata } from '@nestjs/common';

export const AUDITED_KEY = 'bureaunet:audited';

/** The parts of an HTTP request an @Audited option may read. */
export interface AuditedRequest {
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  body: unknown;
}

export interface AuditedOptions {
  /**
   * 'required': a person must state why (header x-purpose, ≤ 200 characters) or the route answers
   * 400 purpose-required before it runs — for consultations of personal data. `{default}`: the
   * purpose recorded when none is stated (border checks). Absent: recorded when stated.
   */
  purpose?: 'required' | { default: string };
  /** With purpose 'required': only when this holds (e.g. a notice search that has a query). */
  purposeWhen?: (request: AuditedRequest) => boolean;
  /** What the action is about: a route parameter's name, or read from the request. */
  target?: string | ((request: AuditedRequest) => string | undefined);
}

export interface AuditedSpec extends AuditedOptions {
  action: string;
}

/**
 * Records every call of the route in the service's attributed activity log (ActivityInterceptor in
 * libs/activity; node and registry):
 * who (person or machine role), what (`action`, target), why (purpose) and whether it was done or
 * refused (with the DomainError code), durably, before the response goes out. Every route that is
 * not @Public carries it (checked by libs/activity's audited-routes.spec.ts). Actions are dotted lowercase names,
 * "<area>.<verb>": message.send, notice.search, rules.change.
 */
export const Audited = (action: string, options: AuditedOptions = {}) =>
  SetMetadata(AUDITED_KEY, { action, ...options } satisfies AuditedSpec);
