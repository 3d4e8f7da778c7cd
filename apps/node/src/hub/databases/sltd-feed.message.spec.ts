import { sltdChangeSchema, type SltdChange } from '@bureaunet/contracts';
import { sltdFeedMessage, sltdRecordRow } from './sltd-feed.message';

const index = 'c'.repeat(64);

describe('the replica feed message of a stored row', () => {
  it('carries an entry as the issuer sent it, on its own subject, with one msgId per version', () => {
    const change: SltdChange = { index, issuingCountry: 'DK', version: 3, status: 'lost', sealed: 'AQIDBA' };
    const row = sltdRecordRow(change, 'env-1', '2026-12-01T00:00:00.000Z');
    expect(row).toMatchObject({ status: 'lost', sealed: Buffer.from([1, 2, 3, 4]), publishedSequence: null });
    const message = sltdFeedMessage(row);
    expect(message).toEqual({ subject: `bn.sltd.entry.DK.${index}`, msgId: `DK.${index}.3`, body: change });
    expect(sltdChangeSchema.parse(JSON.parse(JSON.stringify(message.body)))).toEqual(change);
  });

  it('carries a withdrawal without a blob', () => {
    const change: SltdChange = { index, issuingCountry: 'DK', version: 4, withdrawn: true };
    const row = sltdRecordRow(change, 'env-2', '2026-12-01T00:00:00.000Z');
    expect(row).toMatchObject({ status: 'withdrawn', sealed: null });
    expect(sltdFeedMessage(row).body).toEqual(change);
  });
});
