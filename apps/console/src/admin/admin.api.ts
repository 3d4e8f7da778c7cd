import { api } from '../api/http';

/** The registry's administrator API as the console reads it (docs/operations.md). */

export interface BureauOverview {
  code: string;
  role: 'bureau' | 'hub' | 'gateway';
  status: 'active' | 'suspended';
  version: number;
  registeredAt: string;
  enrolledAt?: string;
  updatedAt: string;
  signingNotAfter?: string;
}

export interface CertificateOverview {
  serial: string;
  code: string;
  use: 'signing' | 'encryption';
  state: 'current' | 'superseded' | 'revoked' | 'expired';
  notBefore: string;
  notAfter: string;
  expiresInDays: number;
  revokedAt?: string;
  overlapUntil?: string;
  issuedAt: string;
}

export interface CertificatesOverview {
  certificates: CertificateOverview[];
  revocation: { directoryVersion: number; publishedAt?: string; ageMs?: number; heartbeatMs: number };
}

export interface RulesVersionSummary {
  version: number;
  createdAt: string;
  author: string;
  policiesDigest: string;
}

export interface DiffLine {
  op: 'same' | 'added' | 'removed';
  text: string;
}

export interface RulesDiff {
  from: RulesVersionSummary;
  to: RulesVersionSummary;
  policies: DiffLine[];
  limits: DiffLine[];
}

export interface Operation {
  id: string;
  name: string;
  coordinator: string;
  participants: string[];
  start: string;
  end: string;
}

export const readBureaus = () => api<BureauOverview[]>('GET', '/api/admin/bureaus');
export const readCertificates = (code?: string) =>
  api<CertificatesOverview>('GET', `/api/admin/certificates${code ? `?code=${encodeURIComponent(code)}` : ''}`);
export const readRulesVersions = (before?: number) =>
  api<{ versions: RulesVersionSummary[]; nextBefore?: number }>(
    'GET',
    `/api/rules/versions?limit=50${before === undefined ? '' : `&before=${before}`}`,
  );
export const readRulesDiff = (from: number, to: number) =>
  api<RulesDiff>('GET', `/api/rules/diff?from=${from}&to=${to}`);
export const readOperations = () => api<Operation[]>('GET', '/api/operations');
