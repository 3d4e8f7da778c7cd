import { api } from '../api/http';

/** POST /api/checks/document: a typed number and issuer, or the 2–3 lines of an MRZ. */
export type DocumentCheckRequest =
  { documentNumber: string; issuingCountry: string; place?: string } | { mrz: string[]; place?: string };

export interface ReplicaFreshness {
  currentAsOf: string | null;
  ageMs: number | null;
  complete: boolean;
}

export interface DocumentCheckAnswer {
  checkId: string;
  checkedAt: string;
  outcome: 'hit' | 'no-hit' | 'undetermined';
  reason?: string;
  document: { issuingCountry: string; documentType?: string };
  hit?: {
    owner: string;
    status: string;
    version: number;
    reportedAt: string | null;
    documentType: string | null;
    details: Record<string, string | undefined> | null;
    sealed: 'opened' | 'unreadable';
    hitId: string | null;
    answerBy: string | null;
    notification: 'sent' | 'failed';
  };
  replica: ReplicaFreshness;
}

export interface PersonCheckRequest {
  familyName: string;
  givenNames?: string;
  dateOfBirth?: string;
  nationality?: string;
  documentNumber?: string;
  place?: string;
}

export interface PersonMatch {
  source: 'notice' | 'diffusion';
  reference: string;
  owner: string;
  noticeType?: string;
  score: number;
  reasons: string[];
  subject: { familyName: string; givenNames: string; dateOfBirth: string | null; nationality: string | null };
  notification?: 'sent' | 'failed' | 'own-record';
  hitId?: string | null;
  answerBy?: string | null;
}

export interface PersonCheckAnswer {
  checkId: string;
  checkedAt: string;
  outcome: 'hit' | 'no-hit';
  matches: PersonMatch[];
}

export interface Hit {
  id: string;
  direction: 'sent' | 'received';
  checkId: string;
  counterpart: string;
  hit: { kind: 'document'; issuingCountry: string; status: string } | { kind: 'person'; reference: string };
  checkedAt: string;
  place: string;
  answerBy: string;
  state: 'awaiting' | 'answered' | 'overdue';
  remainingMs: number;
  answer: { answer: 'confirmed' | 'corrected' | 'not-confirmed'; status?: string; note?: string; late: boolean } | null;
}

export const checkDocument = (body: DocumentCheckRequest) =>
  api<DocumentCheckAnswer>('POST', '/api/checks/document', { body });
export const checkPerson = (body: PersonCheckRequest) => api<PersonCheckAnswer>('POST', '/api/checks/person', { body });
export const sentHits = () => api<{ items: Hit[] }>('GET', '/api/hits?direction=sent&limit=50');
