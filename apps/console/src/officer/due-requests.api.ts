import { api } from '../api/http';
import type { Priority } from './officer.api';

export type RequestList = 'open' | 'overdue' | 'answered' | 'escalated';

/** A query or request received here (GET /api/requests). */
export interface TrackedRequest {
  id: string;
  from: string;
  kind: 'query' | 'request';
  priority: Priority;
  dueAt: string;
  receivedAt: string;
  state: 'open' | 'overdue' | 'answered';
  answeredAt: string | null;
  answerId: string | null;
  escalatedAt: string | null;
}

export const trackedRequests = (list: RequestList) => api<TrackedRequest[]>('GET', `/api/requests?state=${list}`);
