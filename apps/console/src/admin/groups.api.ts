import { api } from '../api/http';

/** The registry's country groups as the console reads and changes them (docs/rules.md). */

export interface CountryGroup {
  id: string;
  name: string;
  kind: 'region' | 'schengen' | 'custom';
  members: string[];
  updatedAt: string;
}

export interface GroupChangePreview {
  change: 'create' | 'update' | 'delete';
  version: number;
  added: string[];
  removed: string[];
  policies: string[];
  decisions: Array<{
    sender: string;
    recipient: string;
    kind: string;
    before: 'allow' | 'deny';
    after: 'allow' | 'deny';
    rule?: string;
  }>;
  evaluated: number;
  truncated: boolean;
}

export type GroupDraft = Pick<CountryGroup, 'id' | 'name' | 'kind' | 'members'>;

export const readGroups = () => api<CountryGroup[]>('GET', '/api/rules/groups');
export const previewGroup = (draft: GroupDraft) =>
  api<GroupChangePreview>('POST', '/api/rules/groups/preview', { body: draft });
export const createGroup = (draft: GroupDraft) => api<CountryGroup>('POST', '/api/rules/groups', { body: draft });
export const updateGroup = ({ id, ...change }: GroupDraft) =>
  api<CountryGroup>('PUT', `/api/rules/groups/${encodeURIComponent(id)}`, { body: change });

/** "FR, de; IT" → ["DE", "FR", "IT"]. */
export function parseMembers(text: string): string[] {
  const codes = text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code.length > 0);
  return [...new Set(codes)].sort();
}
