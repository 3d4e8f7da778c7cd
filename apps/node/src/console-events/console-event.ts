/**
 * What a node pushes to its signed-in people on GET /api/events (server-sent events). Sent only
 * after what it reports is committed, so a console never shows what a crash could undo.
 */
export type ConsoleEvent =
  | { name: 'message'; data: { id: string; kind: string; from: string } }
  | { name: 'receipt'; data: { messageId: string; recipient: string; state: string } }
  | { name: 'refusal'; data: { messageId: string; recipient: string; rule?: string; reason: string } }
  | { name: 'notice'; data: { number: string; state: string } }
  | { name: 'review'; data: { id: string; kind: string } }
  | { name: 'alert'; data: { operationId: string; alertId: string } }
  | { name: 'hit'; data: { id: string } }
  | { name: 'hit-answer'; data: { id: string; confirmed: boolean } }
  /** One per batch escalated (at most 100 requests), so a flood of overdue requests is a few events. */
  | { name: 'escalation'; data: { requests: Array<{ id: string; from: string; dueAt: string }> } };

export type ConsoleEventName = ConsoleEvent['name'];
