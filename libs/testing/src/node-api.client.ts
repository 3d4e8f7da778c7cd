/** The node's public HTTP API as a test or a script uses it. */
export interface SendMessageRequest {
  kind: string;
  to: string[] | 'all';
  meta?: Record<string, unknown>;
  body: unknown;
}

export interface RecipientView {
  code: string;
  state: 'pending' | 'delivered' | 'refused' | 'receipted';
  refusal?: { code: string; message: string; rule?: string };
  receiptedAt?: string;
}

export interface SentMessageView {
  id: string;
  direction: 'sent';
  kind: string;
  status: 'pending' | 'accepted' | 'refused';
  refusal?: { code: string; message: string };
  recipients: RecipientView[];
}

export interface ReceivedMessageView {
  id: string;
  direction: 'received';
  from: string;
  kind: string;
  meta: Record<string, unknown>;
  body: unknown;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}: ${JSON.stringify(body)}`);
  }
}

export class NodeApiClient {
  constructor(readonly baseUrl: string) {}

  send(request: SendMessageRequest): Promise<{ id: string }> {
    return this.call('POST', '/api/messages', request);
  }

  message<T extends SentMessageView | ReceivedMessageView = SentMessageView>(id: string): Promise<T> {
    return this.call('GET', `/api/messages/${id}`);
  }

  async envelope(id: string): Promise<string> {
    const response = await fetch(`${this.baseUrl}/api/messages/${id}/envelope`);
    if (!response.ok) throw new HttpError(response.status, await response.text());
    return response.text();
  }

  inbox(limit = 1000): Promise<{ items: ReceivedMessageView[] }> {
    return this.call('GET', `/api/inbox?limit=${limit}`);
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new HttpError(response.status, parsed);
    return parsed as T;
  }
}
