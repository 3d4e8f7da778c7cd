import createClient, { type Client } from 'openapi-fetch';
import type { GatewayPaths } from '@bureaunet/api-clients';
import { MAX_NOTE_BYTES } from '@bureaunet/witness';
import { GatewayUnusable } from './audit.errors';

const REQUEST_TIMEOUT_MS = 60_000;

/**
 * The gateway's ledger API (RFC 6962 section 4 shapes) with the auditor's bearer token, typed by the
 * gateway's OpenAPI document. The types say what an honest gateway sends; every answer is still
 * checked here, since the auditor trusts the gateway for nothing.
 */
export class LedgerClient {
  private readonly api: Client<GatewayPaths>;

  constructor(
    readonly gateway: URL,
    token: string,
  ) {
    this.api = createClient<GatewayPaths>({
      // Routes are absolute: a path in --gateway is not a prefix (as with new URL(route, gateway)).
      baseUrl: gateway.origin,
      headers: { authorization: `Bearer ${token}` },
      // Node's fetch, looked up per call (NODE_EXTRA_CA_CERTS gives it the local CA).
      fetch: (request) => fetch(request),
    });
    this.api.use({ onResponse: ({ request, response }) => requireJson(request, response) });
  }

  getSth(): Promise<unknown> {
    return this.answer(this.api.GET('/ledger/v1/get-sth', { signal: timeout() }));
  }

  async getConsistency(first: number, second: number): Promise<Buffer[]> {
    const query = { first, second };
    const body = await this.answer(
      this.api.GET('/ledger/v1/get-sth-consistency', { params: { query }, signal: timeout() }),
    );
    return hashList(body, 'consistency', `get-sth-consistency ${first} → ${second}`);
  }

  /** Entries start..end inclusive; the gateway may return fewer (its page limit). */
  async getEntries(start: number, end: number): Promise<Buffer[]> {
    const query = { start, end };
    const body = await this.answer(this.api.GET('/ledger/v1/get-entries', { params: { query }, signal: timeout() }));
    const entries: unknown = (body as { entries?: unknown } | undefined)?.entries;
    if (!Array.isArray(entries))
      throw new GatewayUnusable(`get-entries ${start}..${end}: the answer has no entries array`);
    return entries.map((entry: unknown, i) => {
      const leafInput = (entry as { leaf_input?: unknown } | null)?.leaf_input;
      if (typeof leafInput !== 'string') throw new GatewayUnusable(`get-entries: entry ${start + i} has no leaf_input`);
      return strictBase64(leafInput, `leaf_input of entry ${start + i}`);
    });
  }

  getTrail(messageId: string): Promise<unknown> {
    return this.answer(this.api.GET('/api/trail/{messageId}', { params: { path: { messageId } }, signal: timeout() }));
  }

  /** The latest checkpoint note (public, text/plain), read up to a signed note's bound. */
  async getCheckpoint(): Promise<string> {
    const url = new URL('/api/ledger/checkpoint', this.gateway.origin);
    let response: Response;
    try {
      response = await fetch(url, { signal: timeout() });
    } catch (error) {
      throw new GatewayUnusable(
        `cannot reach ${this.gateway.origin}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const text = await response.text();
    if (!response.ok) throw new GatewayUnusable(`GET ${url.pathname}: HTTP ${response.status} ${text.slice(0, 200)}`);
    if (Buffer.byteLength(text) > MAX_NOTE_BYTES)
      throw new GatewayUnusable(`GET ${url.pathname}: more than ${MAX_NOTE_BYTES} bytes, not a signed note`);
    return text;
  }

  /** The answer's body, or GatewayUnusable naming the route and what went wrong. */
  private async answer<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T | undefined> {
    let answer: { data?: T; error?: unknown; response: Response };
    try {
      answer = await pending;
    } catch (error) {
      if (error instanceof GatewayUnusable) throw error;
      throw new GatewayUnusable(
        `cannot reach ${this.gateway.origin}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`,
      );
    }
    const { response } = answer;
    if (response.ok) return answer.data;
    const url = new URL(response.url);
    const { code, reason } = (answer.error ?? {}) as { code?: string; reason?: string };
    throw new GatewayUnusable(
      `GET ${url.pathname}${url.search}: HTTP ${response.status} ${code ?? ''}${reason ? `: ${reason}` : ''}`,
    );
  }
}

const timeout = (): AbortSignal => AbortSignal.timeout(REQUEST_TIMEOUT_MS);

/** Every answer of the ledger API is JSON: anything else is named before openapi-fetch would parse it. */
async function requireJson(request: Request, response: Response): Promise<undefined> {
  const text = await response.clone().text();
  if (!text) return undefined;
  try {
    JSON.parse(text);
  } catch {
    const { pathname } = new URL(request.url);
    throw new GatewayUnusable(`GET ${pathname}: HTTP ${response.status}, not JSON: ${text.slice(0, 200)}`);
  }
  return undefined;
}

/** base64 that re-encodes to itself: a lenient decoder would hide altered characters. */
export function strictBase64(value: string, what: string): Buffer {
  const bytes = Buffer.from(value, 'base64');
  if (bytes.toString('base64') !== value) throw new GatewayUnusable(`${what} is not canonical base64`);
  return bytes;
}

function hashList(body: unknown, field: string, what: string): Buffer[] {
  const list = (body as Record<string, unknown> | null)?.[field];
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string'))
    throw new GatewayUnusable(`${what}: the answer has no ${field} list of base64 hashes`);
  return (list as string[]).map((item, i) => strictBase64(item, `${what} ${field}[${i}]`));
}
