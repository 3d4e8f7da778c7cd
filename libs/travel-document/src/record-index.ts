import { hkdfSync } from 'node:crypto';
import { BUREAU_CODE_PATTERN, type BureauCode } from '@bureaunet/contracts';
import { normaliseDocumentNumber } from './document-number';
import { TravelDocumentError } from './travel-document.errors';

/*
 * A record's index value and sealing key (issue 11), both from one POPRF output:
 *
 *   output     = POPRF(k, input = canonical document number, info = issuing bureau code)   64 bytes
 *   index      = HKDF-SHA256(ikm = output, salt = "bureaunet/sltd/v1", info = ".../index")  32 bytes
 *   sealingKey = HKDF-SHA256(ikm = output, salt = "bureaunet/sltd/v1", info = ".../seal")   32 bytes
 *
 * Independence: the output is pseudorandom to anyone without k, and HKDF-Expand is HMAC-SHA256
 * keyed by PRK = HMAC(salt, output). Two expansions under distinct labels are outputs of one PRF
 * at two different points, so each is pseudorandom given the other: an index value reveals
 * neither the key, nor the output, nor the number (that would take inverting HMAC).
 *
 * No offline enumeration: document numbers are a small space, but to test a guess against an
 * index one needs POPRF(k, guess; country), and k never leaves the databases service. Every guess
 * is one blindEvaluate there, online. Only the holder of k could enumerate offline.
 *
 * This file does not import @bureaunet/oprf: the caller picks the implementation (the sodium one
 * on the hot path); the inputs and the output length are the contract between the two.
 */

/** RFC 9497 ristretto255-SHA512 output length (Nh), the only input deriveRecordKeys accepts. */
export const POPRF_OUTPUT_BYTES = 64;
export const RECORD_INDEX_BYTES = 32;
export const SEALING_KEY_BYTES = 32;

/** Versioned and distinct: a new derivation is a new label, never a reinterpretation of an old one. */
export const RECORD_KEY_LABELS = {
  salt: 'bureaunet/sltd/v1',
  index: 'bureaunet/sltd/v1/index',
  seal: 'bureaunet/sltd/v1/seal',
} as const;

export interface RecordPoprfInput {
  /** The canonical document number, UTF-8 (ASCII A-Z0-9 in practice). */
  input: Uint8Array;
  /** The issuing bureau code, UTF-8 (two ASCII letters): POPRF's public info. */
  info: Uint8Array;
}

export interface RecordKeys {
  /** What replicas store and look up; public to whoever holds a replica. */
  index: Buffer;
  /** AES-256-GCM key of the record's sealed part; never stored. */
  sealingKey: Buffer;
}

/**
 * The POPRF input and info for a document, identical for the owner-side `evaluate` and the
 * checker's `blind`: the number is normalised here, so both sides hash the same bytes.
 */
export function recordPoprfInput(document: { documentNumber: string; issuingCountry: BureauCode }): RecordPoprfInput {
  const { documentNumber, issuingCountry } = document;
  if (!BUREAU_CODE_PATTERN.test(issuingCountry))
    throw new TravelDocumentError(
      'record-field-invalid',
      `issuingCountry ${JSON.stringify(issuingCountry)} is not a two-letter upper-case bureau code`,
      { field: 'issuingCountry' },
    );
  return {
    input: Buffer.from(normaliseDocumentNumber(documentNumber), 'utf8'),
    info: Buffer.from(issuingCountry, 'utf8'),
  };
}

const expand = (output: Uint8Array, label: string): Buffer =>
  Buffer.from(hkdfSync('sha256', output, RECORD_KEY_LABELS.salt, label, 32));

/** The index value and the sealing key of the record whose POPRF output this is. */
export function deriveRecordKeys(poprfOutput: Uint8Array): RecordKeys {
  if (poprfOutput.length !== POPRF_OUTPUT_BYTES)
    throw new TravelDocumentError(
      'record-key-invalid',
      `poprfOutput must be ${POPRF_OUTPUT_BYTES} bytes, has ${poprfOutput.length}`,
      { field: 'poprfOutput' },
    );
  return {
    index: expand(poprfOutput, RECORD_KEY_LABELS.index),
    sealingKey: expand(poprfOutput, RECORD_KEY_LABELS.seal),
  };
}
