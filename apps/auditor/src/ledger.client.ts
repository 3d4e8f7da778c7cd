import { GatewayUnusable } from './audit.errors';

const REQUEST_TIMEOUT_MS = 60_000;

/** The gateway's ledger API (RFC 6962 section 4 shapes) with the auditor's bearer token. */
export class LedgerClient {
  constructor(
    readonly gateway: URL,
    private readonly token: string,
  ) {}

  getSth(): Promise<unknown> {
    return this.get('/ledger/v1/get-sth');
  }

  async getConsistency(first: number, second: number): Promise<Buffer[]> {
    const body = await this.get(`/ledger/v1/get-sth-consistency?first=${first}&second=${second}`);
    return hashList(body, 'consistency', `get-sth-consistency ${first} → ${second}`);
  }

  /** Entries start..end inclusive; the gateway may return fewer (its page limit). */
  async getEntries(start: number, end: number): Promise<Buffer[]> {
    const body = await this.get(`/ledger/v1/get-entries?start=${start}&end=${end}`);
    const entries = (body as { entries?: unknown }).entries;
    if (!Array.isArray(entries))
      throw new GatewayUnusable(`get-entries ${start}..${end}: the answer has no entries array`);
    return entries.map((entry: unknown, i) => {
      const leafInput = (entry as { leaf_input?: unknown } | null)?.leaf_input;
      if (typeof leafInput !== 'string') throw new GatewayUnusable(`get-entries: entry ${start + i} has no leaf_input`);
      return strictBase64(leafInput, `leaf_input of entry ${start + i}`);
    });
  }

  getTrail(messageId: string): Promise<unknown> {
    return this.get(`/api/trail/${encodeURIComponent(messageId)}`);
  }

  private async get(path: string): Promise<unknown> {
    const url = new URL(path, this.gateway);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${this.token}` },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new GatewayUnusable(
        `cannot reach ${url.origin}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`,
      );
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      throw new GatewayUnusable(`GET ${url.pathname}: HTTP ${response.status}, not JSON: ${text.slice(0, 200)}`);
    }
    if (!response.ok) {
      const { code, reason } = (body ?? {}) as { code?: string; reason?: string };
      throw new GatewayUnusable(
        `GET ${url.pathname}${url.search}: HTTP ${response.status} ${code ?? ''}${reason ? `: ${reason}` : ''}`,
      );
    }
    return body;
  }
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
