import { api } from '../api/http';

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

export interface RecipientStatus {
  code: string;
  state: 'pending' | 'delivered' | 'refused' | 'overdue' | 'receipted' | 'rejected';
  refusal?: { code: string; message: string; rule?: string };
  receiptedAt?: string;
}

/** An alert sent from here with the gateway's decision and each participant's receipt. */
export interface SentAlert {
  id: string;
  meta: { priority?: string };
  createdAt: string;
  status: 'pending' | 'accepted' | 'refused';
  refusal?: { code: string; message: string; rule?: string };
  recipients: RecipientStatus[];
}

export interface Reply {
  id: string;
  from: string;
  body: { alertId?: string; text?: string };
  receivedAt: string;
}

const id = encodeURIComponent;

export const operations = () => api<Operation[]>('GET', '/api/operations');
export const sentAlerts = (operation: string) =>
  api<SentAlert[]>('GET', `/api/operations/${id(operation)}/alerts/sent`);
export const replies = (operation: string) => api<Reply[]>('GET', `/api/operations/${id(operation)}/replies`);
export const sendAlert = (operation: string, body: { title: string; details: string; priority?: string }) =>
  api<{ id: string; to: string[] }>('POST', `/api/operations/${id(operation)}/alerts`, { body });
