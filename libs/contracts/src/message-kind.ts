export const MESSAGE_KINDS = [
  'notice-request',
  'notice',
  'notice-cancel',
  'diffusion',
  'message',
  'operation-alert',
  'query',
  'query-result',
  // A request for information or action (the EU information-exchange directive's "request"): due by meta.dueAt.
  'request',
  'receipt',
  // Border checks: an issuer's record changes to the hub, a hit to the record's owner, its answer.
  'travel-document-record',
  'hit-notification',
  'hit-confirmation',
  // A recipient asks the data owner for consent (meta.consent); the owner answers, signed.
  'consent-request',
  'consent-decision',
] as const;

export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Kinds that carry no encrypted content: the gateway must be able to read and record them. */
export const CONTENTLESS_KINDS: readonly MessageKind[] = ['receipt'];
