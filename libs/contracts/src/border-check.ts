import { z } from 'zod';
import { bureauCodeSchema, type BureauCode } from './bureau-code';
import { TRAVEL_DOCUMENT_STATUSES } from './travel-document';

/*
 * Border checks on the wire (docs/checks.md): the blind evaluations a node asks of the hub's
 * evaluator, the stream of replica entries the hub's databases service publishes, and the bodies of
 * the three envelope kinds (travel-document-record, hit-notification, hit-confirmation).
 */

// ---- Subjects ----

/** A node asks for blind evaluations on its own subject only (broker permissions), so the evaluator knows who asks. */
export const EVALUATE_SUBJECT_WILDCARD = 'bn.checks.evaluate.*';
export const evaluateSubject = (code: BureauCode): string => `bn.checks.evaluate.${code}`;
/** The evaluator's public key (request/reply). */
export const EVALUATOR_KEY_SUBJECT = 'bn.checks.evaluator.key';
/** Queue group of the evaluators: any one of them answers a request. */
export const EVALUATOR_QUEUE = 'evaluators';

/**
 * The replica feed: one subject per entry and at most one message kept per subject, so the stream
 * holds exactly the current index and a new node reads the whole of it from the start.
 */
export const SLTD_STREAM = 'BN_SLTD';
export const SLTD_ENTRY_SUBJECT_WILDCARD = 'bn.sltd.entry.>';
export const sltdEntrySubject = (issuingCountry: BureauCode, indexHex: string): string =>
  `bn.sltd.entry.${issuingCountry}.${indexHex}`;
/** Each bureau's durable consumer on SLTD_STREAM, made by the hub's databases service. */
export const sltdConsumerName = (code: BureauCode): string => `sltd-${code}`;
/** A node asks the databases service to place its consumer after the last entry it holds. */
export const SLTD_RESYNC_SUBJECT_WILDCARD = 'bn.sltd.resync.*';
export const sltdResyncSubject = (code: BureauCode): string => `bn.sltd.resync.${code}`;

// ---- Limits ----

export const BORDER_CHECK_LIMITS = {
  /** Blinded elements in one evaluation request (one proof covers them all). */
  evaluateBatch: 256,
  /** Replica entries in one travel-document-record envelope. */
  entriesPerEnvelope: 200,
  /** The sealed blob's largest size (format byte, nonce, length, 8192 ciphertext, tag). */
  sealedBytes: 1 + 12 + 2 + 8192 + 16,
  /** Default time the owner has to confirm a hit (the "immediate" case of a border check). */
  hitDeadlineMs: 10 * 60 * 1000,
  noteLength: 2000,
  placeLength: 200,
} as const;

const base64url = (bytes: number, what: string) =>
  z
    .string()
    .length(Math.ceil((bytes * 4) / 3), `must be ${bytes} bytes of ${what} in base64url`)
    .regex(/^[A-Za-z0-9_-]*$/, 'must be base64url without padding');

/** A ristretto255 element (RFC 9497 SerializeElement). */
export const wireElementSchema = base64url(32, 'ristretto255 element');
/** A DLEQ proof (c ‖ s). */
export const wireProofSchema = base64url(64, 'proof');
/** A replica entry's index value: HKDF of the POPRF output (record-index.ts). */
export const recordIndexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be 32 bytes in lower-case hex');

// ---- Evaluator ----

export const evaluatorKeySchema = z
  .object({
    /** SHA-256 of the public key, hex, first 16 characters: how a log or an answer names the key. */
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    publicKey: wireElementSchema,
  })
  .strict();
export type EvaluatorKey = z.infer<typeof evaluatorKeySchema>;

export const evaluateRequestSchema = z
  .object({
    /** The POPRF public input: the issuing country of the documents asked about. */
    info: bureauCodeSchema,
    blindedElements: z
      .array(wireElementSchema)
      .min(1, 'must hold at least one blinded element')
      .max(
        BORDER_CHECK_LIMITS.evaluateBatch,
        `must hold at most ${BORDER_CHECK_LIMITS.evaluateBatch} blinded elements`,
      ),
  })
  .strict();
export type EvaluateRequest = z.infer<typeof evaluateRequestSchema>;

export const evaluateReplySchema = z
  .object({
    keyId: z.string(),
    evaluatedElements: z.array(wireElementSchema).max(BORDER_CHECK_LIMITS.evaluateBatch),
    proof: wireProofSchema,
  })
  .strict();
export type EvaluateReply = z.infer<typeof evaluateReplySchema>;

/** Wire error codes of the evaluator (WireError.code). */
export const EVALUATOR_ERROR_CODES = ['rate-limited', 'bad-request'] as const;

// ---- Replica entries ----

/** A record as the replica holds it: an opaque index, the public part and the sealed details. */
export const sltdEntrySchema = z
  .object({
    index: recordIndexSchema,
    issuingCountry: bureauCodeSchema,
    version: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    status: z.enum(TRAVEL_DOCUMENT_STATUSES),
    sealed: z
      .string()
      .max(Math.ceil((BORDER_CHECK_LIMITS.sealedBytes * 4) / 3))
      .regex(/^[A-Za-z0-9_-]+$/, 'must be base64url without padding'),
  })
  .strict();
export type SltdEntry = z.infer<typeof sltdEntrySchema>;

/** The issuer takes a record back (entered by mistake): the replica forgets it. */
export const sltdWithdrawalSchema = z
  .object({
    index: recordIndexSchema,
    issuingCountry: bureauCodeSchema,
    version: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    withdrawn: z.literal(true),
  })
  .strict();
export type SltdWithdrawal = z.infer<typeof sltdWithdrawalSchema>;

export const sltdChangeSchema = z.union([sltdEntrySchema, sltdWithdrawalSchema]);
export type SltdChange = z.infer<typeof sltdChangeSchema>;

/** Body of a travel-document-record envelope: changes to the sender's own country's records only. */
export const travelDocumentChangeBodySchema = z
  .object({
    changes: z
      .array(sltdChangeSchema)
      .min(1)
      .max(
        BORDER_CHECK_LIMITS.entriesPerEnvelope,
        `must hold at most ${BORDER_CHECK_LIMITS.entriesPerEnvelope} changes`,
      ),
  })
  .strict();
export type TravelDocumentChangeBody = z.infer<typeof travelDocumentChangeBodySchema>;

export const sltdResyncRequestSchema = z
  .object({
    /** The last stream sequence the node holds; 0 for an empty replica. */
    afterSequence: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  })
  .strict();
export type SltdResyncRequest = z.infer<typeof sltdResyncRequestSchema>;

// ---- Hit procedure ----

const isoInstant = z.string().datetime({ message: 'must be an ISO 8601 UTC instant' });
const note = z.string().trim().min(1).max(BORDER_CHECK_LIMITS.noteLength);

/** What matched: the record as the owner knows it, never the checking officer's query beyond it. */
export const documentHitSchema = z
  .object({
    kind: z.literal('document'),
    index: recordIndexSchema,
    issuingCountry: bureauCodeSchema,
    status: z.enum(TRAVEL_DOCUMENT_STATUSES),
    version: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  })
  .strict();

export const personHitSchema = z
  .object({
    kind: z.literal('person'),
    /** The notice number or the diffusion id that matched. */
    reference: z.string().min(1).max(64),
    score: z.number().min(0).max(1),
    reasons: z.array(z.string().max(100)).max(20),
  })
  .strict();

/** Body of a hit-notification, from the checking bureau to the record's owner (meta.recordOwner). */
export const hitNotificationBodySchema = z
  .object({
    checkId: z.string().uuid(),
    hit: z.discriminatedUnion('kind', [documentHitSchema, personHitSchema]),
    checkedAt: isoInstant,
    /** The border post or unit where the check was made. */
    place: z.string().trim().min(1).max(BORDER_CHECK_LIMITS.placeLength),
    /** When the checker stops waiting for the owner's answer. */
    answerBy: isoInstant,
  })
  .strict();
export type HitNotificationBody = z.infer<typeof hitNotificationBodySchema>;

export const HIT_ANSWERS = ['confirmed', 'corrected', 'not-confirmed'] as const;
export type HitAnswer = (typeof HIT_ANSWERS)[number];

/** Body of a hit-confirmation, the owner's answer (meta.replyTo names the hit-notification). */
export const hitConfirmationBodySchema = z
  .object({
    checkId: z.string().uuid(),
    answer: z.enum(HIT_ANSWERS),
    /** The record's status as the owner states it now (a correction names the right one). */
    status: z.enum(TRAVEL_DOCUMENT_STATUSES).optional(),
    note: note.optional(),
  })
  .strict();
export type HitConfirmationBody = z.infer<typeof hitConfirmationBodySchema>;
