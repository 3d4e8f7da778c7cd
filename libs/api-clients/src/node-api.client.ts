import createClient, { type Client } from 'openapi-fetch';
import { answerOf, HttpError } from './http.error';
import type { components, operations, paths } from './openapi/node.openapi';
import { fetchTrusting } from './trusting.fetch';
import type {
  AlertRequest,
  AlertSent,
  AlertView,
  DeadLetterDetailView,
  DeadLetterQuery,
  DeadLetterView,
  DiffusionRequest,
  DiffusionState,
  DiffusionView,
  NoticeChanges,
  NoticeQuery,
  NoticeRequestInput,
  NoticeRequestView,
  NoticeStep,
  NoticeView,
  OperationView,
  ReceivedMessageView,
  ReleaseOutcome,
  SendMessageRequest,
  SentMessageView,
} from './node-api.views';

type Schemas = components['schemas'];

export interface NodeApiClientOptions {
  /** Replaces the fetch the client calls (a test's recorder); the CA then is the caller's business. */
  fetch?: typeof fetch;
}

/** The node's HTTP API, typed by its OpenAPI document; a refusal throws HttpError. */
export class NodeApiClient {
  private readonly fetch: typeof fetch;
  private readonly api: Client<paths>;

  /**
   * token: a bearer token of the node's API (NODE_ROLE_TOKENS); its role decides what the node allows.
   * ca: the CA (PEM) that issued the node's HTTPS certificate, when it serves HTTPS.
   */
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
    readonly ca?: string,
    private readonly options: NodeApiClientOptions = {},
  ) {
    this.fetch = options.fetch ?? fetchTrusting(ca);
    this.api = createClient<paths>({
      baseUrl,
      fetch: (request) => this.fetch(request),
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    });
  }

  /** The same node, called with another bearer token (another role). */
  withToken(token: string | undefined): NodeApiClient {
    return new NodeApiClient(this.baseUrl, token, this.ca, this.options);
  }

  async send(request: SendMessageRequest): Promise<{ id: string }> {
    return answerOf(await this.api.POST('/api/messages', { body: request as Schemas['SendMessageDto'] }));
  }

  /** A sent or a received message: the caller knows which it asked for. */
  async message<T extends SentMessageView | ReceivedMessageView = SentMessageView>(id: string): Promise<T> {
    return answerOf(await this.api.GET('/api/messages/{id}', { params: { path: { id } } })) as T;
  }

  async envelope(id: string): Promise<string> {
    return answerOf(await this.api.GET('/api/messages/{id}/envelope', { params: { path: { id } }, parseAs: 'text' }));
  }

  async inbox(limit = 1000): Promise<{ items: ReceivedMessageView[] }> {
    return answerOf(await this.api.GET('/api/inbox', { params: { query: { limit } } }));
  }

  // ---- border checks: document and person checks, the check log, the replica, records, hits ----

  async checkDocument(request: Schemas['DocumentCheckRequestDto']): Promise<Schemas['DocumentCheckAnswerDto']> {
    return answerOf(await this.api.POST('/api/checks/document', { body: request }));
  }

  async checkPerson(request: Schemas['PersonCheckRequestDto']): Promise<Schemas['PersonCheckDto']> {
    return answerOf(await this.api.POST('/api/checks/person', { body: request }));
  }

  async checks(query: { limit?: number; before?: string } = {}): Promise<Schemas['CheckLogPageDto']> {
    return answerOf(await this.api.GET('/api/checks', { params: { query } }));
  }

  async check(id: string): Promise<Schemas['CheckDetailDto']> {
    return answerOf(await this.api.GET('/api/checks/{id}', { params: { path: { id } } }));
  }

  async replicaStatus(): Promise<Schemas['ReplicaStatusDto']> {
    return answerOf(await this.api.GET('/api/checks/replica'));
  }

  async reportTravelDocuments(
    records: Schemas['ReportTravelDocumentsDto']['records'],
  ): Promise<Schemas['TravelDocumentChangeDto']> {
    return answerOf(await this.api.POST('/api/travel-documents', { body: { records } }));
  }

  async withdrawTravelDocument(documentNumber: string): Promise<Schemas['TravelDocumentChangeDto']> {
    return answerOf(
      await this.api.DELETE('/api/travel-documents/{documentNumber}', { params: { path: { documentNumber } } }),
    );
  }

  async travelDocuments(query: { limit?: number; after?: string } = {}): Promise<Schemas['OwnTravelDocumentPageDto']> {
    return answerOf(await this.api.GET('/api/travel-documents', { params: { query } }));
  }

  async travelDocument(documentNumber: string): Promise<Schemas['OwnTravelDocumentDto']> {
    return answerOf(
      await this.api.GET('/api/travel-documents/{documentNumber}', { params: { path: { documentNumber } } }),
    );
  }

  async hits(
    query: NonNullable<operations['HitController_list']['parameters']['query']>,
  ): Promise<Schemas['HitPageDto']> {
    return answerOf(await this.api.GET('/api/hits', { params: { query } }));
  }

  async hit(id: string): Promise<Schemas['HitDto']> {
    return answerOf(await this.api.GET('/api/hits/{id}', { params: { path: { id } } }));
  }

  async answerHit(id: string, answer: Schemas['AnswerHitDto']): Promise<Schemas['HitDto']> {
    return answerOf(await this.api.POST('/api/hits/{id}/answer', { params: { path: { id } }, body: answer }));
  }

  // ---- workflows (notices, diffusions, operations, search) ----

  async requestNotice(request: NoticeRequestInput): Promise<NoticeStep> {
    return answerOf(await this.api.POST('/api/notices/requests', { body: request as Schemas['RequestNoticeDto'] }));
  }

  async noticeRequests(): Promise<NoticeRequestView[]> {
    return answerOf(await this.api.GET('/api/notices/requests'));
  }

  async reviewQueue(): Promise<NoticeRequestView[]> {
    return answerOf(await this.api.GET('/api/review/notices'));
  }

  async approveNotice(requestId: string): Promise<NoticeStep> {
    return answerOf(await this.api.POST('/api/review/notices/{id}/approve', { params: { path: { id: requestId } } }));
  }

  async refuseNotice(requestId: string, reason: string): Promise<NoticeStep> {
    return answerOf(
      await this.api.POST('/api/review/notices/{id}/refuse', { params: { path: { id: requestId } }, body: { reason } }),
    );
  }

  async updateNotice(number: string, changes: NoticeChanges): Promise<NoticeStep> {
    return answerOf(
      await this.api.POST('/api/notices/{number}/update', { params: { path: { number } }, body: changes }),
    );
  }

  async cancelNotice(number: string, reason: string): Promise<NoticeStep> {
    return answerOf(
      await this.api.POST('/api/notices/{number}/cancel', { params: { path: { number } }, body: { reason } }),
    );
  }

  async notice(number: string): Promise<NoticeView> {
    const notice = answerOf(await this.api.GET('/api/notices/{number}', { params: { path: { number } } }));
    return notice as unknown as NoticeView;
  }

  async searchNotices(query: NoticeQuery = {}): Promise<NoticeView[]> {
    const typed = query as NonNullable<operations['NoticeController_list']['parameters']['query']>;
    const notices = answerOf(await this.api.GET('/api/notices', { params: { query: typed } }));
    return notices as unknown as NoticeView[];
  }

  async diffuse(request: DiffusionRequest): Promise<{ id: string }> {
    return answerOf(await this.api.POST('/api/diffusions', { body: request }));
  }

  async diffusions(state: DiffusionState = 'active'): Promise<DiffusionView[]> {
    const diffusions = answerOf(await this.api.GET('/api/diffusions', { params: { query: { state } } }));
    return diffusions as unknown as DiffusionView[];
  }

  async withdrawDiffusion(id: string, reason: string): Promise<{ id: string }> {
    return answerOf(
      await this.api.POST('/api/diffusions/{id}/withdraw', { params: { path: { id } }, body: { reason } }),
    );
  }

  async operations(): Promise<OperationView[]> {
    return answerOf(await this.api.GET('/api/operations'));
  }

  async alert(operationId: string, alert: AlertRequest): Promise<AlertSent> {
    return answerOf(
      await this.api.POST('/api/operations/{id}/alerts', { params: { path: { id: operationId } }, body: alert }),
    );
  }

  async alerts(operationId: string): Promise<AlertView[]> {
    return answerOf(await this.api.GET('/api/operations/{id}/alerts', { params: { path: { id: operationId } } }));
  }

  async sentAlerts(operationId: string): Promise<SentMessageView[]> {
    return answerOf(await this.api.GET('/api/operations/{id}/alerts/sent', { params: { path: { id: operationId } } }));
  }

  async replyToAlert(alertId: string, text: string): Promise<AlertSent> {
    return answerOf(
      await this.api.POST('/api/operations/alerts/{alertId}/reply', { params: { path: { alertId } }, body: { text } }),
    );
  }

  async replies(operationId: string): Promise<AlertView[]> {
    return answerOf(await this.api.GET('/api/operations/{id}/replies', { params: { path: { id: operationId } } }));
  }

  // ---- dead letters (admin; the gateway serves the same routes) ----

  async deadLetters(query: DeadLetterQuery = {}): Promise<DeadLetterView[]> {
    return answerOf(await this.api.GET('/api/admin/dead-letters', { params: { query } }));
  }

  async deadLetter(id: number): Promise<DeadLetterDetailView> {
    return answerOf(await this.api.GET('/api/admin/dead-letters/{id}', { params: { path: { id } } }));
  }

  async releaseDeadLetter(id: number): Promise<ReleaseOutcome> {
    return answerOf(await this.api.POST('/api/admin/dead-letters/{id}/release', { params: { path: { id } } }));
  }

  async dropDeadLetter(id: number): Promise<void> {
    answerOf(await this.api.DELETE('/api/admin/dead-letters/{id}', { params: { path: { id } } }));
  }

  /** Any route, untyped: for tests that send what the document does not describe. */
  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(this.token === undefined ? {} : { authorization: `Bearer ${this.token}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new HttpError(response.status, parsed);
    return parsed as T;
  }
}
