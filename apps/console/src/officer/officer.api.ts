import { api } from '../api/http';

/** The node API the officer console reads and writes (apps/node: inbox, messages, diffusions, notices, operations). */

export type Priority = 'routine' | 'urgent' | 'immediate';

export interface Refusal {
  code: string;
  message: string;
  rule?: string;
}

export type HandlingCode = 'H0' | 'H1' | 'H2' | 'H3';

/** The data owner's handling code: H3 with its restrictions. */
export interface Handling {
  code: HandlingCode;
  conditions?: string;
  allowTo?: string[];
  expiresAt?: string;
}

export type ConsentPurpose = 'onward-sharing' | 'evidence' | 'coercive-action';

export interface ConsentRequest {
  id: string;
  direction: 'incoming' | 'outgoing';
  messageId: string;
  envelopeId: string;
  asker: string;
  owner: string;
  purpose: ConsentPurpose;
  bureaus?: string[];
  note?: string;
  state: 'pending' | 'granted' | 'refused';
  active: boolean;
  createdAt: string;
  decidedAt?: string;
  expiresAt?: string;
  reason?: string;
}

export interface ReceivedMessage {
  id: string;
  direction: 'received';
  from: string;
  kind: string;
  meta: {
    priority?: Priority;
    replyTo?: string;
    forwardOf?: string;
    noticeType?: string;
    operationId?: string;
    handling?: Handling;
    /** A query's or request's due time, set by the sender's node from its priority. */
    dueAt?: string;
  };
  handling: Handling;
  consents?: ConsentRequest[];
  body: unknown;
  createdAt: string;
  receivedAt: string;
  read?: boolean;
}

export type RecipientState = 'pending' | 'delivered' | 'refused' | 'overdue' | 'receipted' | 'rejected';

export interface RecipientStatus {
  code: string;
  state: RecipientState;
  refusal?: Refusal;
  receiptedAt?: string;
  receiptId?: string;
}

export interface SentMessage {
  id: string;
  direction: 'sent';
  kind: string;
  to: string[] | 'all';
  meta: ReceivedMessage['meta'];
  handling: Handling;
  consents?: ConsentRequest[];
  createdAt: string;
  status: 'pending' | 'accepted' | 'refused';
  refusal?: Refusal;
  lastError?: string;
  recipients: RecipientStatus[];
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface InboxQuery {
  kind?: string;
  from?: string;
  since?: string;
  until?: string;
  priority?: Priority;
  q?: string;
  unread?: boolean;
  before?: string;
}

export interface RecipientPreview {
  recipient: string;
  allowed: boolean;
  code?: string;
  rule?: string;
  reason?: string;
}

export interface Operation {
  id: string;
  name: string;
  coordinator: string;
  participants: string[];
  start: string;
  end: string;
  role: 'coordinator' | 'participant';
  phase: 'planned' | 'running' | 'ended';
}

export interface Alert {
  id: string;
  operationId: string;
  from: string;
  body: unknown;
  receivedAt: string;
}

type QueryValue = string | number | boolean | undefined;

function queryString(query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '' && value !== false) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const inbox = (query: InboxQuery) =>
  api<Page<ReceivedMessage>>(
    'GET',
    `/api/inbox${queryString({ limit: 50, ...(query as Record<string, QueryValue>) })}`,
  );
export const sentMessages = (before?: string) =>
  api<Page<SentMessage>>('GET', `/api/messages${queryString({ limit: 50, before })}`);
export const message = (id: string) =>
  api<ReceivedMessage | SentMessage>('GET', `/api/messages/${encodeURIComponent(id)}`, {
    purpose: 'reading a message in the officer console',
  });
export const sendMessage = (body: { kind: string; to: string[] | 'all'; meta?: object; body: unknown }) =>
  api<{ id: string }>('POST', '/api/messages', { body });
export const sendDiffusion = (body: {
  title: string;
  details: string;
  to: string[] | 'all';
  priority?: Priority;
  documentNumbers?: string[];
}) => api<{ id: string }>('POST', '/api/diffusions', { body });
export const requestNotice = (body: {
  type: string;
  familyName: string;
  givenNames?: string;
  offence: string;
  expiry: string;
}) => api<{ id: string }>('POST', '/api/notices/requests', { body });
export const previewRules = (body: { kind: string; recipients: string[] | 'all'; meta?: object }) =>
  api<{ version: number; recipients: RecipientPreview[] }>('POST', '/api/messages/preview', { body });
export const operations = () => api<Operation[]>('GET', '/api/operations');
export const operationAlerts = (id: string) => api<Alert[]>('GET', `/api/operations/${encodeURIComponent(id)}/alerts`);
export const askConsent = (messageId: string, body: { purpose: ConsentPurpose; bureaus?: string[]; note?: string }) =>
  api<ConsentRequest>('POST', `/api/messages/${encodeURIComponent(messageId)}/consent-requests`, { body });
export const consentRequests = (direction: 'incoming' | 'outgoing') =>
  api<{ items: ConsentRequest[] }>('GET', `/api/consent-requests${queryString({ direction, limit: 100 })}`);
export const grantConsent = (id: string, body: { expiresAt?: string }) =>
  api<ConsentRequest>('POST', `/api/consent-requests/${encodeURIComponent(id)}/grant`, { body });
export const refuseConsent = (id: string, body: { reason: string }) =>
  api<ConsentRequest>('POST', `/api/consent-requests/${encodeURIComponent(id)}/refuse`, { body });
