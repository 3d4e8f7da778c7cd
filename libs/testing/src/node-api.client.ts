import { httpCall } from './http.caller';

/** The node's public HTTP API as a test or a script uses it. */
export interface SendMessageRequest {
  kind: string;
  to: string[] | 'all';
  meta?: Record<string, unknown>;
  body: unknown;
}

export interface RecipientView {
  code: string;
  state: 'pending' | 'delivered' | 'refused' | 'overdue' | 'receipted' | 'rejected';
  refusal?: { code: string; message: string; rule?: string };
  receiptedAt?: string;
}

export interface SentMessageView {
  id: string;
  direction: 'sent';
  kind: string;
  status: 'pending' | 'accepted' | 'refused';
  refusal?: { code: string; message: string };
  /** Times the node sent it again, why (last), and when it looks next. */
  attempts?: number;
  lastError?: string;
  nextCheckAt?: string;
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

export interface NoticeRequestInput {
  type: string;
  familyName?: string;
  givenNames?: string;
  dateOfBirth?: string;
  nationality?: string;
  documentNumbers?: string[];
  offence?: string;
  expiry?: string;
  restrictedTo?: string[];
}

export interface NoticeRequestView {
  id: string;
  direction: 'received' | 'sent';
  requester: string;
  action: 'publish' | 'cancel';
  state: 'pending' | 'approved' | 'refused';
  noticeNumber: string | null;
  reason: string | null;
}

export interface NoticeView {
  number: string;
  type: string;
  owner: string;
  state: 'active' | 'cancelled' | 'lapsed';
  subject: {
    familyName: string;
    givenNames: string;
    dateOfBirth: string | null;
    nationality: string | null;
    documentNumbers: string[];
  };
  offence: string;
  expiry: string;
  revision: number;
  cancelReason: string | null;
}

export interface DiffusionView {
  id: string;
  direction: 'received' | 'sent';
  from: string;
  recipients: string[];
  body: { title: string; details: string; documentNumbers: string[] };
  state: 'active' | 'withdrawn';
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
  /**
   * token: a bearer token of the node's API (NODE_ROLE_TOKENS); its role decides what the node allows.
   * ca: the CA (PEM) that issued the node's HTTPS certificate, when it serves HTTPS.
   */
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
    readonly ca?: string,
  ) {}

  /** The same node, called with another bearer token (another role). */
  withToken(token: string | undefined): NodeApiClient {
    return new NodeApiClient(this.baseUrl, token, this.ca);
  }

  send(request: SendMessageRequest): Promise<{ id: string }> {
    return this.call('POST', '/api/messages', request);
  }

  message<T extends SentMessageView | ReceivedMessageView = SentMessageView>(id: string): Promise<T> {
    return this.call('GET', `/api/messages/${id}`);
  }

  async envelope(id: string): Promise<string> {
    const response = await httpCall(
      `${this.baseUrl}/api/messages/${id}/envelope`,
      { headers: this.authorization() },
      this.ca,
    );
    if (!response.ok) throw new HttpError(response.status, response.text);
    return response.text;
  }

  inbox(limit = 1000): Promise<{ items: ReceivedMessageView[] }> {
    return this.call('GET', `/api/inbox?limit=${limit}`);
  }

  // ---- workflows (notices, diffusions, operations, search) ----

  requestNotice(request: NoticeRequestInput): Promise<{ id: string }> {
    return this.call('POST', '/api/notices/requests', request);
  }

  noticeRequests(): Promise<NoticeRequestView[]> {
    return this.call('GET', '/api/notices/requests');
  }

  reviewQueue(): Promise<NoticeRequestView[]> {
    return this.call('GET', '/api/review/notices');
  }

  approveNotice(requestId: string): Promise<{ id: string; number?: string }> {
    return this.call('POST', `/api/review/notices/${requestId}/approve`, {});
  }

  refuseNotice(requestId: string, reason: string): Promise<{ id: string }> {
    return this.call('POST', `/api/review/notices/${requestId}/refuse`, { reason });
  }

  updateNotice(number: string, changes: Partial<NoticeRequestInput>): Promise<{ id: string; number?: string }> {
    return this.call('POST', `/api/notices/${encodeURIComponent(number)}/update`, changes);
  }

  cancelNotice(number: string, reason: string): Promise<{ id: string; number?: string }> {
    return this.call('POST', `/api/notices/${encodeURIComponent(number)}/cancel`, { reason });
  }

  notice(number: string): Promise<NoticeView> {
    return this.call('GET', `/api/notices/${encodeURIComponent(number)}`);
  }

  searchNotices(query: Record<string, string | number> = {}): Promise<NoticeView[]> {
    const params = new URLSearchParams(
      Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]),
    );
    return this.call('GET', `/api/notices?${params.toString()}`);
  }

  diffuse(request: {
    to: string[] | 'all';
    title: string;
    details: string;
    documentNumbers?: string[];
    restrictedTo?: string[];
    priority?: string;
  }): Promise<{ id: string }> {
    return this.call('POST', '/api/diffusions', request);
  }

  diffusions(state: 'active' | 'withdrawn' | 'any' = 'active'): Promise<DiffusionView[]> {
    return this.call('GET', `/api/diffusions?state=${state}`);
  }

  withdrawDiffusion(id: string, reason: string): Promise<{ id: string }> {
    return this.call('POST', `/api/diffusions/${id}/withdraw`, { reason });
  }

  operations(): Promise<
    Array<{ id: string; name: string; coordinator: string; participants: string[]; role: string; phase: string }>
  > {
    return this.call('GET', '/api/operations');
  }

  alert(
    operationId: string,
    alert: { title: string; details: string; priority?: string },
  ): Promise<{ id: string; to: string[] }> {
    return this.call('POST', `/api/operations/${encodeURIComponent(operationId)}/alerts`, alert);
  }

  alerts(operationId: string): Promise<Array<{ id: string; from: string; body: unknown }>> {
    return this.call('GET', `/api/operations/${encodeURIComponent(operationId)}/alerts`);
  }

  sentAlerts(operationId: string): Promise<SentMessageView[]> {
    return this.call('GET', `/api/operations/${encodeURIComponent(operationId)}/alerts/sent`);
  }

  replyToAlert(alertId: string, text: string): Promise<{ id: string; to: string[] }> {
    return this.call('POST', `/api/operations/alerts/${alertId}/reply`, { text });
  }

  replies(operationId: string): Promise<Array<{ id: string; from: string; body: unknown }>> {
    return this.call('GET', `/api/operations/${encodeURIComponent(operationId)}/replies`);
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await httpCall(
      `${this.baseUrl}${path}`,
      {
        method,
        headers: { ...this.authorization(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
      this.ca,
    );
    const text = response.text;
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new HttpError(response.status, parsed);
    return parsed as T;
  }

  private authorization(): Record<string, string> {
    return this.token === undefined ? {} : { authorization: `Bearer ${this.token}` };
  }
}
