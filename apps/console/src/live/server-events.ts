import { useEffect, useRef } from 'react';

/** What a node pushes to its consoles on GET /api/events (server-sent events, one `event:` name each). */
export type ServerEventName =
  'message' | 'receipt' | 'refusal' | 'notice' | 'review' | 'alert' | 'hit' | 'hit-answer' | 'escalation';

/**
 * Calls `onEvent` for every server-sent event of the named kinds, while the component is mounted,
 * and `resync` each time the stream (re)connects: what happened between the page's first read and
 * the connection, or while it was down, was never pushed, so the page reads again.
 * EventSource reconnects by itself; the session cookie goes with it (same origin).
 */
export function useServerEvents(
  names: readonly ServerEventName[],
  onEvent: (name: ServerEventName, data: unknown) => void,
  resync: () => void,
): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const resyncer = useRef(resync);
  resyncer.current = resync;
  const key = names.join(',');
  useEffect(() => {
    const source = new EventSource('/api/events');
    const opened = () => resyncer.current();
    source.addEventListener('open', opened);
    const listeners = key.split(',').map((name) => {
      const listener = (event: MessageEvent<string>) =>
        handler.current(name as ServerEventName, event.data ? (JSON.parse(event.data) as unknown) : undefined);
      source.addEventListener(name, listener);
      return listener;
    });
    return () => {
      listeners.forEach((listener, index) => source.removeEventListener(key.split(',')[index], listener));
      source.removeEventListener('open', opened);
      source.close();
    };
  }, [key]);
}
