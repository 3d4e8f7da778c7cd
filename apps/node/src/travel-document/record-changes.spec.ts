import { BORDER_CHECK_LIMITS, type SltdChange, type TravelDocumentRecord } from '@bureaunet/contracts';
import { openRecord } from '@bureaunet/travel-document';
import { EvaluatorStandIn } from '../../testing/evaluator.stand-in';
import { ENVELOPE_CHANGES_BUDGET_BYTES, envelopeBatches, recordEntry, withdrawalChange } from './record-changes';

const record: TravelDocumentRecord = {
  documentNumber: 'L898902C3',
  issuingCountry: 'DK',
  documentType: 'passport',
  status: 'stolen',
  reportedAt: '2026-11-30T09:00:00.000Z',
  details: { familyName: 'Eriksson', givenNames: 'Anna Maria' },
};

describe('record changes', () => {
  let evaluator: EvaluatorStandIn;

  beforeAll(async () => {
    evaluator = await EvaluatorStandIn.create();
  });

  it('seals an entry that whoever holds the number opens, and that names no number', async () => {
    const [output] = await evaluator.outputs('DK', [record.documentNumber]);
    const entry = recordEntry(record, output, 3);
    const keys = evaluator.keysOf(record.documentNumber, 'DK');
    expect(entry).toMatchObject({
      index: keys.index.toString('hex'),
      issuingCountry: 'DK',
      version: 3,
      status: 'stolen',
    });
    expect(JSON.stringify(entry)).not.toContain(record.documentNumber);
    const opened = openRecord({
      entry: { ...entry, index: keys.index, sealed: Buffer.from(entry.sealed, 'base64url') },
      sealingKey: keys.sealingKey,
    });
    const { documentNumber: _number, ...rest } = record;
    expect(opened).toEqual(rest);
  });

  it('withdraws under the same index', async () => {
    const [output] = await evaluator.outputs('DK', [record.documentNumber]);
    expect(withdrawalChange('DK', output, 4)).toEqual({
      index: evaluator.keysOf(record.documentNumber, 'DK').index.toString('hex'),
      issuingCountry: 'DK',
      version: 4,
      withdrawn: true,
    });
  });

  it('cuts changes into envelopes by count and by size, in order', () => {
    const small = (at: number): SltdChange => ({
      index: 'a'.repeat(64),
      issuingCountry: 'DK',
      version: at,
      withdrawn: true,
    });
    const batches = envelopeBatches(
      Array.from({ length: 450 }, (_, at) => at),
      small,
    );
    expect(batches.map((batch) => batch.length)).toEqual([
      BORDER_CHECK_LIMITS.entriesPerEnvelope,
      BORDER_CHECK_LIMITS.entriesPerEnvelope,
      50,
    ]);
    expect(batches.flat()).toEqual(Array.from({ length: 450 }, (_, at) => at));

    const large = (at: number): SltdChange => ({
      index: 'b'.repeat(64),
      issuingCountry: 'DK',
      version: at,
      status: 'stolen',
      sealed: 'x'.repeat(10_000),
    });
    const bySize = envelopeBatches(
      Array.from({ length: 60 }, (_, at) => at),
      large,
    );
    const perEnvelope = Math.floor(ENVELOPE_CHANGES_BUDGET_BYTES / (JSON.stringify(large(10)).length + 1));
    expect(bySize[0]).toHaveLength(perEnvelope);
    expect(bySize.flat()).toHaveLength(60);
    expect(envelopeBatches([], small)).toEqual([]);
  });
});
