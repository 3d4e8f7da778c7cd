/** A session ends after idleMs without a request, and absoluteMs after it began whatever happens. */
export interface SessionLifetime {
  idleMs: number;
  absoluteMs: number;
}

/** The instant a session ends unless used before it: the idle end (moving with lastSeenAt), capped by its absolute end. */
export function sessionEndsAt(session: { lastSeenAt: string; expiresAt: string }, idleMs: number): Date {
  return new Date(Math.min(Date.parse(session.lastSeenAt) + idleMs, Date.parse(session.expiresAt)));
}
