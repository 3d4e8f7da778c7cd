import { createCipheriv, createDecipheriv, randomBytes as systemRandomBytes } from 'node:crypto';
import {
  BUREAU_CODE_PATTERN,
  TRAVEL_DOCUMENT_STATUSES,
  schemaIssues,
  travelDocumentRecordSchema,
  type BureauCode,
  type TravelDocumentRecord,
  type TravelDocumentStatus,
} from '@bureaunet/contracts';
import { RECORD_INDEX_BYTES, SEALING_KEY_BYTES, type RecordKeys } from './record-index';
import { TravelDocumentError } from './travel-document.errors';

/*
 * A replica entry: the record's public part in clear, the rest sealed under the key only a holder
 * of the number can derive (record-index.ts).
 *
 *   public: index (replaces the number, which is never stored), issuingCountry, status, version
 *   sealed: documentType, reportedAt, details
 *
 * The country is POPRF's info (a checker must name it) and routes a hit to the issuing bureau; the
 * status is the answer to a check and lets a replica drop `recovered` entries without any key. Both
 * are in the associated data with the index and the version, so a blob opens only on the row it
 * was sealed for: not under another index, country or status, not at another version. Blob layout:
 *
 *   format (1, 0x01) · nonce (12) · ciphertext length n (2, big-endian) · ciphertext (n) · tag (16)
 *
 * The plaintext is the sealed part as JSON, padded with spaces to a multiple of 64 bytes, so the
 * length shows the size class, not a name's length. Each key seals one record's versions only, a
 * handful of random nonces, far from GCM's limits.
 */

export const SEALED_RECORD_FORMAT = 0x01;
export const SEALED_RECORD_LIMITS = {
  nonceBytes: 12,
  tagBytes: 16,
  padTo: 64,
  /** Above the longest sealed part the schema allows (~4 KiB with every name escaped). */
  maxCiphertextBytes: 8192,
} as const;

const { nonceBytes, tagBytes, padTo, maxCiphertextBytes } = SEALED_RECORD_LIMITS;
const HEADER_BYTES = 1 + nonceBytes + 2;
const AD_LABEL = Buffer.from('bureaunet/sltd/v1/record', 'utf8');

/** The public part of a replica entry, in clear; what the associated data binds. */
export interface SealedRecordBinding {
  index: Uint8Array;
  issuingCountry: BureauCode;
  status: TravelDocumentStatus;
  /** The record's version, 0 .. 2^53 - 1; a change is sealed again at a higher one. */
  version: number;
}

/** What a replica stores: the public part and the sealed blob. */
export interface SealedRecord extends SealedRecordBinding {
  sealed: Uint8Array;
}

/** Everything but the number, which the opener already holds. */
export type OpenedRecord = Omit<TravelDocumentRecord, 'documentNumber'>;

const sealedPartSchema = travelDocumentRecordSchema
  .pick({ documentType: true, reportedAt: true, details: true })
  .strict();
type SealedPart = Pick<TravelDocumentRecord, 'documentType' | 'reportedAt' | 'details'>;

const invalid = (field: string, message: string): TravelDocumentError =>
  new TravelDocumentError('record-field-invalid', message, { field });
const malformed = (message: string): TravelDocumentError =>
  new TravelDocumentError('record-malformed', message, { field: 'sealed' });

function checkKey(sealingKey: Uint8Array): void {
  if (sealingKey.length !== SEALING_KEY_BYTES)
    throw new TravelDocumentError(
      'record-key-invalid',
      `sealingKey must be ${SEALING_KEY_BYTES} bytes, has ${sealingKey.length}`,
      { field: 'sealingKey' },
    );
}

function checkBinding({ index, issuingCountry, status, version }: SealedRecordBinding): void {
  if (index.length !== RECORD_INDEX_BYTES)
    throw invalid('index', `index must be ${RECORD_INDEX_BYTES} bytes, has ${index.length}`);
  if (!BUREAU_CODE_PATTERN.test(issuingCountry))
    throw invalid('issuingCountry', `issuingCountry ${JSON.stringify(issuingCountry)} is not a bureau code`);
  if (!(TRAVEL_DOCUMENT_STATUSES as readonly string[]).includes(status))
    throw invalid('status', `status ${JSON.stringify(status)} is not one of ${TRAVEL_DOCUMENT_STATUSES.join(', ')}`);
  if (!Number.isSafeInteger(version) || version < 0)
    throw invalid('version', `version must be an integer from 0 to 2^53 - 1, is ${String(version)}`);
}

/** label · format · index (32) · country (2) · version (8, big-endian) · status length (1) · status. */
function associatedData({ index, issuingCountry, status, version }: SealedRecordBinding): Buffer {
  const fixed = Buffer.alloc(1 + RECORD_INDEX_BYTES + 2 + 8 + 1);
  fixed[0] = SEALED_RECORD_FORMAT;
  Buffer.from(index).copy(fixed, 1);
  fixed.write(issuingCountry, 1 + RECORD_INDEX_BYTES, 'ascii');
  fixed.writeBigUInt64BE(BigInt(version), 3 + RECORD_INDEX_BYTES);
  fixed[fixed.length - 1] = status.length;
  return Buffer.concat([AD_LABEL, fixed, Buffer.from(status, 'ascii')]);
}

const paddedLength = (bytes: number): number => Math.max(padTo, Math.ceil(bytes / padTo) * padTo);

function plaintextOf(part: SealedPart): Buffer {
  const json = Buffer.from(JSON.stringify(part), 'utf8');
  const padded = Buffer.alloc(paddedLength(json.length), 0x20);
  json.copy(padded);
  if (padded.length > maxCiphertextBytes)
    throw invalid('details', `the sealed part is ${padded.length} bytes padded, at most ${maxCiphertextBytes}`);
  return padded;
}

export interface SealRecordParams {
  record: TravelDocumentRecord;
  /** deriveRecordKeys of this record's POPRF output. */
  keys: RecordKeys;
  version: number;
  /** Only for reproducible vectors; the default draws from the system. */
  randomBytes?: (size: number) => Uint8Array;
}

/** The replica entry of a record: the number replaced by its index, the private part sealed. */
export function sealRecord({ record, keys, version, randomBytes = systemRandomBytes }: SealRecordParams): SealedRecord {
  checkKey(keys.sealingKey);
  const checked = travelDocumentRecordSchema.safeParse(record);
  if (!checked.success) throw invalid('record', schemaIssues(checked.error, 'record'));
  const { issuingCountry, status, documentType, reportedAt, details } = checked.data;
  const binding: SealedRecordBinding = { index: Buffer.from(keys.index), issuingCountry, status, version };
  checkBinding(binding);
  const plaintext = plaintextOf({ documentType, reportedAt, ...(details === undefined ? {} : { details }) });
  const nonce = Buffer.from(randomBytes(nonceBytes));
  if (nonce.length !== nonceBytes) throw invalid('randomBytes', `randomBytes gave ${nonce.length} bytes for the nonce`);
  const cipher = createCipheriv('aes-256-gcm', keys.sealingKey, nonce, { authTagLength: tagBytes });
  cipher.setAAD(associatedData(binding));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(ciphertext.length);
  const sealed = Buffer.concat([Buffer.of(SEALED_RECORD_FORMAT), nonce, length, ciphertext, cipher.getAuthTag()]);
  return { ...binding, sealed };
}

interface BlobParts {
  nonce: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/** Every length and the format byte, before any key is used. */
function splitBlob(sealed: Uint8Array): BlobParts {
  const blob = Buffer.from(sealed);
  if (blob.length < HEADER_BYTES + padTo + tagBytes)
    throw malformed(`sealed is ${blob.length} bytes, at least ${HEADER_BYTES + padTo + tagBytes} expected`);
  if (blob[0] !== SEALED_RECORD_FORMAT)
    throw malformed(`sealed has format ${blob[0]}, only ${SEALED_RECORD_FORMAT} is known`);
  const length = blob.readUInt16BE(1 + nonceBytes);
  if (length === 0 || length % padTo !== 0 || length > maxCiphertextBytes)
    throw malformed(
      `sealed declares ${length} ciphertext bytes, not a multiple of ${padTo} up to ${maxCiphertextBytes}`,
    );
  if (blob.length !== HEADER_BYTES + length + tagBytes)
    throw malformed(`sealed is ${blob.length} bytes, its header declares ${HEADER_BYTES + length + tagBytes}`);
  return {
    nonce: blob.subarray(1, 1 + nonceBytes),
    ciphertext: blob.subarray(HEADER_BYTES, HEADER_BYTES + length),
    tag: blob.subarray(HEADER_BYTES + length),
  };
}

function decrypt(sealingKey: Uint8Array, binding: SealedRecordBinding, { nonce, ciphertext, tag }: BlobParts): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', sealingKey, nonce, { authTagLength: tagBytes });
  decipher.setAAD(associatedData(binding));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    // GCM says only "does not authenticate": another key, another row, or a changed byte.
    throw new TravelDocumentError(
      'record-unsealable',
      'sealed does not open under this key for this index, country, status and version',
      { field: 'sealed' },
    );
  }
}

/** Authenticated plaintext is still checked: a faulty sealer must not hand the caller junk. */
function parsePlaintext(plaintext: Buffer): SealedPart {
  let json = plaintext.length;
  while (json > 0 && plaintext[json - 1] === 0x20) json -= 1;
  if (paddedLength(json) !== plaintext.length) throw malformed('the sealed part is not padded to its size class');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext.subarray(0, json)));
  } catch {
    throw malformed('the sealed part is not UTF-8 JSON');
  }
  const checked = sealedPartSchema.safeParse(value);
  if (!checked.success) throw malformed(schemaIssues(checked.error, 'sealed'));
  return checked.data;
}

/**
 * The record behind a replica entry, for whoever holds its number. Refuses a bad key or entry
 * field first, then a malformed blob (`record-malformed`), then one that does not authenticate
 * for this entry (`record-unsealable`).
 */
export function openRecord({ entry, sealingKey }: { entry: SealedRecord; sealingKey: Uint8Array }): OpenedRecord {
  checkKey(sealingKey);
  checkBinding(entry);
  const parts = splitBlob(entry.sealed);
  const part = parsePlaintext(decrypt(sealingKey, entry, parts));
  return { issuingCountry: entry.issuingCountry, status: entry.status, ...part };
}
