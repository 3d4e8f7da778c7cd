import type { TravelDocumentDetails, TravelDocumentType } from '@bureaunet/contracts';
import type { OpenedRecord } from '@bureaunet/travel-document';
import { isReportable, type ReportableStatus } from '../store/sltd-replica-entry.status';
import type { ReplicaFreshness } from '../replica/replica.status';

export const CHECK_OUTCOMES = ['hit', 'no-hit', 'undetermined'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

/** The replica entry found under the document's index, in what the answer needs of it. */
export interface FoundEntry {
  issuingCountry: string;
  index: string;
  version: number;
  status: string;
}

/** A document check's hit, as the officer sees it. */
export interface DocumentHit {
  /** The issuing bureau, which owns the record and is notified. */
  owner: string;
  status: ReportableStatus;
  version: number;
  /** From the sealed details; null when they do not open. */
  reportedAt: string | null;
  documentType: TravelDocumentType | null;
  details: TravelDocumentDetails | null;
  /** `unreadable`: the blob did not open with the key derived from the number; the status still stands. */
  sealed: 'opened' | 'unreadable';
  /** The hit procedure started with the owner; null when the notification failed. */
  hitId: string | null;
  answerBy: string | null;
  notification: 'sent' | 'failed';
}

export interface DocumentCheckAnswer {
  checkId: string;
  checkedAt: string;
  outcome: CheckOutcome;
  /** Why an answer is undetermined. */
  reason?: 'evaluator-unreachable';
  document: { issuingCountry: string; documentType?: TravelDocumentType };
  hit?: DocumentHit;
  replica: ReplicaFreshness;
  source: 'replica';
}

/**
 * A hit is an entry whose status is reportable; no entry, a recovered document or a withdrawn
 * record is a no-hit.
 */
export function outcomeOf(entry: Pick<FoundEntry, 'status'> | null): 'hit' | 'no-hit' {
  return reportedEntry(entry) ? 'hit' : 'no-hit';
}

/** The entry when a check reports it (see outcomeOf), with its status narrowed; null otherwise. */
export function reportedEntry<T extends Pick<FoundEntry, 'status'>>(
  entry: T | null,
): (T & { status: ReportableStatus }) | null {
  return entry !== null && isReportable(entry.status) ? (entry as T & { status: ReportableStatus }) : null;
}

/** What a hit answers: the clear part of the entry, the sealed part when it opened. */
export function documentHit(
  entry: FoundEntry & { status: ReportableStatus },
  opened: OpenedRecord | null,
  started: { hitId: string; answerBy: string } | null,
): DocumentHit {
  return {
    owner: entry.issuingCountry,
    status: entry.status,
    version: entry.version,
    reportedAt: opened?.reportedAt ?? null,
    documentType: opened?.documentType ?? null,
    details: opened?.details ?? null,
    sealed: opened ? 'opened' : 'unreadable',
    hitId: started?.hitId ?? null,
    answerBy: started?.answerBy ?? null,
    notification: started ? 'sent' : 'failed',
  };
}
