/** A refusal from a service's API: its HTTP status and the `{code, reason}` every service answers with. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

let csrfToken: string | undefined;

/** The session's CSRF token, sent with every unsafe request (set at sign-in and on reload). */
export function useCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export interface RequestOptions {
  body?: unknown;
  /** The stated purpose of a consultation, recorded in the node's attributed log (X-Purpose). */
  purpose?: string;
  signal?: AbortSignal;
}

/** One call to this origin's API with the session cookie; throws ApiError on any refusal. */
export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  // Headers carry Latin-1 only: a purpose in Arabic or with accents goes percent-encoded (the server decodes it).
  if (options.purpose) headers['x-purpose'] = encodeURIComponent(options.purpose);
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const error = (parsed ?? {}) as { code?: string; reason?: string; message?: string };
    throw new ApiError(response.status, error.code ?? `http-${response.status}`, error.reason ?? error.message ?? text);
  }
  return parsed as T;
}
