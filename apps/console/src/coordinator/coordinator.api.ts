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

export interface OperationChanged {
  operation: Operation;
  version: number;
}

export interface OperationDraft {
  name: string;
  participants: string[];
  start: string;
  end: string;
}

export interface OperationAmendment {
  name?: string;
  addParticipants?: string[];
  removeParticipants?: string[];
  end?: string;
}

export const createOperation = (body: OperationDraft) => api<OperationChanged>('POST', '/api/operations', { body });
export const amendOperation = (operation: string, body: OperationAmendment) =>
  api<OperationChanged>('PATCH', `/api/operations/${id(operation)}`, { body });
export const endOperation = (operation: string, reason: string) =>
  api<OperationChanged>('POST', `/api/operations/${id(operation)}/end`, { body: { reason } });

/**
 * The after-action report as a file. An export: the purpose goes in x-purpose, which a plain link
 * cannot send, so it is fetched and handed over as a blob.
 */
export async function downloadReport(operation: string, purpose: string): Promise<Blob> {
  const report = await api<unknown>('GET', `/api/operations/${id(operation)}/report?download=true`, { purpose });
  return new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' });
}
