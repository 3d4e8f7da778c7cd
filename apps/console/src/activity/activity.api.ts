import { api } from '../api/http';

/** One attributed action or consultation, as GET /api/activity answers (libs/activity ActivityEntryDto). */
export interface ActivityLine {
  seq: number;
  entry: {
    at: string;
    actor: string;
    role: string;
    action: string;
    target?: string;
    purpose?: string;
    outcome: 'done' | 'refused';
    code?: string;
    borderPost?: string;
  };
}

export interface ActivityHead {
  treeSize: number;
  rootHash: string;
  lastAnchor: { treeSize: number; ledgerIndex: number | null; anchoredAt: string } | null;
}

export interface ActivityFilter {
  person?: string;
  action?: string;
  from?: string;
  to?: string;
}

function queryOf(filter: ActivityFilter, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filter, ...extra })) if (value) query.set(name, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export const searchActivity = (filter: ActivityFilter, cursor?: number) =>
  api<{ items: ActivityLine[]; next: number | null }>(
    'GET',
    `/api/activity${queryOf(filter, cursor === undefined ? {} : { cursor: String(cursor) })}`,
  );

export const readActivityHead = () => api<ActivityHead>('GET', '/api/activity/head');

/**
 * The export as JSON Lines, for the browser to save. It is a consultation of its own: the purpose is
 * required and goes in x-purpose, which a plain link cannot send, so it is fetched and handed over as a blob.
 */
export async function exportActivity(filter: ActivityFilter, purpose: string): Promise<Blob> {
  const response = await fetch(`/api/activity/export${queryOf(filter)}`, {
    credentials: 'same-origin',
    headers: { accept: 'application/x-ndjson', 'x-purpose': encodeURIComponent(purpose) },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { reason?: string };
    throw new Error(body.reason ?? `HTTP ${response.status}`);
  }
  return response.blob();
}
