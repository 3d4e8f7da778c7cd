import { documentKey, type NoticeBody } from '@bureaunet/contracts';
import type { NoticeDocumentEntity } from './notice-index.entity';
import type { NoticeEntity } from './notice.entity';

export interface NoticeRowContext {
  envelopeId: string;
  restrictedTo: readonly string[];
  recipients: readonly string[];
  at: string;
}

/** The notice row for a body at a revision (state active; a cancellation is applied apart). */
export function noticeRow(body: NoticeBody, context: NoticeRowContext): NoticeEntity {
  const { subject } = body;
  return {
    number: body.number,
    type: body.type,
    owner: body.owner,
    state: 'active',
    familyName: subject.familyName,
    givenNames: subject.givenNames,
    dateOfBirth: subject.dateOfBirth ?? null,
    nationality: subject.nationality ?? null,
    documentNumbers: subject.documentNumbers,
    offence: body.offence,
    expiry: body.expiry,
    revision: body.revision,
    envelopeId: context.envelopeId,
    restrictedTo: [...context.restrictedTo],
    recipients: [...context.recipients],
    requestId: body.requestId ?? null,
    publishedAt: body.publishedAt,
    updatedAt: context.at,
    cancelledAt: null,
    cancelReason: null,
  };
}

/** The body a row stands for (what the hub sends again on an update). */
export function noticeBodyOf(row: NoticeEntity): NoticeBody {
  return {
    number: row.number,
    type: row.type,
    owner: row.owner,
    subject: {
      familyName: row.familyName,
      givenNames: row.givenNames,
      ...(row.dateOfBirth ? { dateOfBirth: row.dateOfBirth } : {}),
      ...(row.nationality ? { nationality: row.nationality } : {}),
      documentNumbers: row.documentNumbers,
    },
    offence: row.offence,
    expiry: row.expiry,
    revision: row.revision,
    publishedAt: row.publishedAt,
    ...(row.requestId ? { requestId: row.requestId } : {}),
  };
}

export function documentRows(row: Pick<NoticeEntity, 'number' | 'documentNumbers'>): NoticeDocumentEntity[] {
  const documents = new Set(row.documentNumbers.map(documentKey).filter((document) => document.length > 0));
  return [...documents].map((document) => ({ number: row.number, document }));
}
