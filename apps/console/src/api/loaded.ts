import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './http';

export interface Loaded<T> {
  value?: T;
  error?: unknown;
  /** Reads it again (a live event said it changed); the value shown stays until the new one arrives. */
  reload: () => void;
}

/**
 * What a page shows from the API: read when the page opens and whenever `key` changes, and again on
 * reload(). A reply to an older read never overwrites a newer one.
 */
export function useLoaded<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ value?: T; error?: unknown }>({});
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  const reload = useCallback(() => {
    const call = ++latest.current;
    loader.current().then(
      (value) => call === latest.current && setState({ value }),
      (error: unknown) => call === latest.current && setState((previous) => ({ ...previous, error })),
    );
  }, []);
  useEffect(reload, [key, reload]);
  return { ...state, reload };
}

/** What a page says of a failed read: the service's reason when it gave one. */
export function reasonOf(error: unknown): string {
  if (error instanceof ApiError) return error.reason;
  return error instanceof Error ? error.message : JSON.stringify(error);
}
