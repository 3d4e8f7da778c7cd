import { api } from '../api/http';
import type { SignedTreeHeadJson } from './tree-head.verify';

/** The gateway's auditor API as the console reads it (docs/ledger.md). */

export interface TrailEntry {
  leaf_index: number;
  leaf_input: string;
  leaf_hash: string;
  entry: Record<string, unknown>;
  audit_path: string[];
}

export interface Trail {
  message_id: string;
  sth: SignedTreeHeadJson;
  entries: TrailEntry[];
}

export interface SearchEntry {
  leaf_index: number;
  at: string;
  type: string;
  status: string;
  kind: string | null;
  envelope_id: string | null;
  sender: string | null;
  recipient: string | null;
}

export interface SearchPage {
  entries: SearchEntry[];
  next_cursor?: number;
  indexed_size: number;
  signed_size: number;
}

export interface StoredTreeHead extends SignedTreeHeadJson {
  key_id: string;
}

export interface SearchFilters {
  from?: string;
  to?: string;
  party?: string;
  kind?: string;
  status?: string;
}

function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values))
    if (value !== undefined && value !== '') params.set(name, String(value));
  return params.toString();
}

export const readTrail = (messageId: string) => api<Trail>('GET', `/api/trail/${encodeURIComponent(messageId)}`);
export const evidenceBundleUrl = (messageId: string) => `/api/trail/${encodeURIComponent(messageId)}/evidence`;
export const readGatewayKey = () =>
  api<{ key_id: string; certificate: string; public_key: string }>('GET', '/ledger/v1/get-key');
export const searchLedger = (filters: SearchFilters, cursor?: number) =>
  api<SearchPage>('GET', `/api/ledger/search?${query({ ...filters, cursor, limit: 100 })}`);
export const readTreeHeads = (before?: number) =>
  api<{ heads: StoredTreeHead[]; next_before?: number }>(
    'GET',
    `/api/ledger/tree-heads?${query({ before, limit: 50 })}`,
  );
export const readConsistency = (first: number, second: number) =>
  api<{ consistency: string[] }>('GET', `/ledger/v1/get-sth-consistency?${query({ first, second })}`);
