import { sltdEntrySubject, type SltdChange } from '@bureaunet/contracts';
import { SltdRecordEntity } from '../../store/sltd-record.entity';

/** The hub's row for a change it accepted (not yet on the stream). */
export function sltdRecordRow(change: SltdChange, envelopeId: string, receivedAt: string): SltdRecordEntity {
  const withdrawn = 'withdrawn' in change;
  return Object.assign(new SltdRecordEntity(), {
    issuingCountry: change.issuingCountry,
    index: change.index,
    version: change.version,
    status: withdrawn ? 'withdrawn' : change.status,
    sealed: withdrawn ? null : Buffer.from(change.sealed, 'base64url'),
    envelopeId,
    receivedAt,
    publishedSequence: null,
  });
}

export interface SltdFeedMessage {
  subject: string;
  /** JetStream's dedupe id: one per entry and version, so a republish of the same version is stored once. */
  msgId: string;
  /** The JSON of an sltdEntrySchema or sltdWithdrawalSchema change, as the issuer sent it. */
  body: SltdChange;
}

/** What BN_SLTD carries for a row: its entry's own subject, so the stream keeps only the newest version. */
export function sltdFeedMessage(row: SltdRecordEntity): SltdFeedMessage {
  const { issuingCountry, index, version } = row;
  const body: SltdChange =
    row.status === 'withdrawn' || row.sealed === null
      ? { index, issuingCountry, version, withdrawn: true }
      : {
          index,
          issuingCountry,
          version,
          status: row.status as Extract<SltdChange, { status: unknown }>['status'],
          sealed: Buffer.from(row.sealed).toString('base64url'),
        };
  return { subject: sltdEntrySubject(issuingCountry, index), msgId: `${issuingCountry}.${index}.${version}`, body };
}
