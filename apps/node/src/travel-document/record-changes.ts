import {
  BORDER_CHECK_LIMITS,
  type BureauCode,
  type SltdChange,
  type SltdEntry,
  type SltdWithdrawal,
  type TravelDocumentRecord,
} from '@bureaunet/contracts';
import { deriveRecordKeys, sealRecord } from '@bureaunet/travel-document';

/**
 * The JSON of the changes in one envelope stays under this: a body grows about 1.8 times as it is
 * encrypted and signed (base64url twice), and the whole envelope must fit the bus's 1 MiB. A
 * record's sealed part is at most ~11 KB in base64url, so a full count of small records fits.
 */
export const ENVELOPE_CHANGES_BUDGET_BYTES = 256 * 1024;

/** The replica entry of a record at `version`: its index and sealed details, never its number. */
export function recordEntry(record: TravelDocumentRecord, poprfOutput: Uint8Array, version: number): SltdEntry {
  const sealed = sealRecord({ record, keys: deriveRecordKeys(poprfOutput), version });
  return {
    index: Buffer.from(sealed.index).toString('hex'),
    issuingCountry: sealed.issuingCountry,
    version,
    status: sealed.status,
    sealed: Buffer.from(sealed.sealed).toString('base64url'),
  };
}

/** The change that makes the replicas forget a record, at `version`. */
export function withdrawalChange(issuingCountry: BureauCode, poprfOutput: Uint8Array, version: number): SltdWithdrawal {
  return {
    index: deriveRecordKeys(poprfOutput).index.toString('hex'),
    issuingCountry,
    version,
    withdrawn: true,
  };
}

/**
 * Items cut into envelope-sized runs, in order: at most BORDER_CHECK_LIMITS.entriesPerEnvelope
 * changes and ENVELOPE_CHANGES_BUDGET_BYTES of their JSON in each.
 */
export function envelopeBatches<T>(
  items: readonly T[],
  changeOf: (item: T) => SltdChange,
  budgetBytes = ENVELOPE_CHANGES_BUDGET_BYTES,
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(changeOf(item)), 'utf8') + 1;
    if (
      current.length > 0 &&
      (current.length >= BORDER_CHECK_LIMITS.entriesPerEnvelope || bytes + size > budgetBytes)
    ) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
