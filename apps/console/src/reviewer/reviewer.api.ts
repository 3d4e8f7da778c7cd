import { api } from '../api/http';

export interface NoticeSubject {
  familyName: string;
  givenNames?: string;
  dateOfBirth?: string | null;
  nationality?: string | null;
  documentNumbers?: string[];
}

/** A notice request as the hub received it (GET /api/review/notices). */
export interface NoticeRequest {
  id: string;
  direction: 'received' | 'sent';
  requester: string;
  action: 'publish' | 'cancel';
  body:
    | { action: 'publish'; notice: { type: string; subject: NoticeSubject; offence: string; expiry: string } }
    | { action: 'cancel'; number: string; reason: string };
  restrictedTo: string[];
  state: 'pending' | 'approved' | 'refused';
  noticeNumber: string | null;
  reason: string | null;
  receivedAt: string;
  decidedAt: string | null;
}

export interface Notice {
  number: string;
  type: string;
  owner: string;
  state: 'active' | 'lapsed' | 'cancelled';
  subject: Required<NoticeSubject>;
  offence: string;
  expiry: string;
  revision: number;
  publishedAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
}

export interface NoticeDuplicate {
  notice: Notice;
  score: number;
  reasons: string[];
}

export interface Diffusion {
  id: string;
  direction: 'received' | 'sent';
  from: string;
  recipients: string[];
  body: { title: string; details: string; subject?: Partial<NoticeSubject>; documentNumbers?: string[] };
  state: 'active' | 'withdrawn';
  receivedAt: string;
  withdrawnAt: string | null;
  withdrawReason: string | null;
  /** The hub's review of a diffusion it received; who decided it and when. */
  reviewState: DiffusionReviewState | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

export type DiffusionReviewState = 'pending' | 'compliant' | 'withdrawn';

const id = encodeURIComponent;

export const reviewQueue = () => api<NoticeRequest[]>('GET', '/api/review/notices');
export const noticeRequests = () => api<NoticeRequest[]>('GET', '/api/notices/requests');
export const duplicatesOf = (request: string) =>
  api<NoticeDuplicate[]>('GET', `/api/review/notices/${id(request)}/duplicates`);
export const approve = (request: string) =>
  api<{ id: string; number?: string }>('POST', `/api/review/notices/${id(request)}/approve`);
export const refuse = (request: string, reason: string) =>
  api<{ id: string }>('POST', `/api/review/notices/${id(request)}/refuse`, { body: { reason } });
export const reviewedDiffusions = (state: DiffusionReviewState) =>
  api<Diffusion[]>('GET', `/api/review/diffusions?state=${state}`);
export const markCompliant = (diffusion: string) =>
  api<Diffusion>('POST', `/api/review/diffusions/${id(diffusion)}/compliant`);
export const withdraw = (diffusion: string, reason: string) =>
  api<{ id: string }>('POST', `/api/diffusions/${id(diffusion)}/withdraw`, { body: { reason } });
export const notices = () => api<Notice[]>('GET', '/api/notices?limit=200');
export const cancelNotice = (number: string, reason: string) =>
  api<{ id: string }>('POST', `/api/notices/${id(number)}/cancel`, { body: { reason } });
