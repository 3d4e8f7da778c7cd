import { useEffect, useState } from 'react';
import { ApiError } from '../api/http';

/** Data loaded once for a page (again when `key` changes), or the refusal as "code: reason". */
export function useLoaded<T>(load: () => Promise<T>, key = ''): { data?: T; error?: string } {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ data }),
      (caught: unknown) =>
        current &&
        setState({ error: caught instanceof ApiError ? `${caught.code}: ${caught.reason}` : String(caught) }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return state;
}
