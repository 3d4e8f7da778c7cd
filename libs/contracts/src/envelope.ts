import { z } from 'zod';
import { bureauCodeSchema } from './bureau-code';
import { recipientElementSchema } from './country-group';
import { consentSchema, handlingSchema } from './handling';
import { generalJweSchema } from './jose-shapes';
import { CONTENTLESS_KINDS, MESSAGE_KINDS } from './message-kind';
import { refusalCodeSchema } from './refusal-code';

export const PROTOCOL_VERSION = 1;

/** JOSE `typ` of every envelope (RFC 8725 section 3.11: explicit typing). */
export const ENVELOPE_TYP = 'bureaunet-envelope+jws';
/** JOSE `typ` of the gateway's signed delivery reports. */
export const DELIVERY_REPORT_TYP = 'bureaunet-report+jws';

// UUID (v7 recommended) or ULID: the replay and dedupe key end to end.
export const envelopeIdSchema = z
  .string()
  .regex(
    /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9A-HJKMNP-TV-Z]{26})$/,
    'must be a UUID or a ULID',
  );

const isoInstant = z.string().datetime({ offset: false, message: 'must be an ISO 8601 UTC instant' });

/** The most bureaus an envelope may name (or keep away from it). */
export const MAX_RECIPIENTS = 300;

/** A rejection's reason is for people; longer ones are cut by the recipient that writes them. */
export const MAX_REFUSAL_REASON_LENGTH = 1000;

export const receiptReferenceSchema = z
  .object({
    id: envelopeIdSchema,
    digest: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a base64url SHA-256 digest'),
    // Present when the recipient refused the envelope named: a signed rejection instead of a receipt.
    refused: z
      .object({ code: refusalCodeSchema, reason: z.string().max(MAX_REFUSAL_REASON_LENGTH) })
      .strict()
      .optional(),
  })
  .strict();
export type ReceiptReference = z.infer<typeof receiptReferenceSchema>;

/** What the gateway may read to route and enforce rules. Never personal data. */
export const envelopeMetaSchema = z
  .object({
    noticeType: z.string().max(32).optional(),
    operationId: z.string().max(64).optional(),
    // Data owner's restrictions: bureaus that must never receive this information.
    restrictedTo: z.array(bureauCodeSchema).max(MAX_RECIPIENTS).optional(),
    replyTo: envelopeIdSchema.optional(),
    // The envelope this one passes on; its data-owner restrictions hold for this one too.
    forwardOf: envelopeIdSchema.optional(),
    priority: z.enum(['routine', 'urgent', 'immediate']).optional(),
    receiptFor: receiptReferenceSchema.optional(),
    // Border checks: the bureau that owns the record a travel-document-record changes or a hit-notification is about.
    recordOwner: bureauCodeSchema.optional(),
    // The data owner's handling code (absent: H0); a forward or reply carries at least what it passes on.
    handling: handlingSchema.optional(),
    // consent-request and consent-decision: what is asked of, or granted by, the data owner.
    consent: consentSchema.optional(),
    // query and request: when the sender needs the answer (set by the sending node from the priority).
    dueAt: isoInstant.optional(),
  })
  .strict();
export type EnvelopeMeta = z.infer<typeof envelopeMetaSchema>;

export const recipientScopeSchema = z.union(
  [
    z
      .array(recipientElementSchema)
      .min(1, 'must name at least one bureau')
      .max(MAX_RECIPIENTS, `must name at most ${MAX_RECIPIENTS} bureaus`),
    z.literal('all'),
  ],
  // Neither shape at all: one sentence instead of both options' complaints.
  {
    errorMap: (issue, ctx) => ({
      message: issue.code === 'invalid_union' ? 'must be "all" or an array of bureau codes' : ctx.defaultError,
    }),
  },
);
export type RecipientScope = z.infer<typeof recipientScopeSchema>;

export const envelopePayloadSchema = z
  .object({
    v: z.literal(PROTOCOL_VERSION),
    id: envelopeIdSchema,
    kind: z.enum(MESSAGE_KINDS),
    from: bureauCodeSchema,
    to: recipientScopeSchema,
    createdAt: isoInstant,
    expiresAt: isoInstant,
    meta: envelopeMetaSchema,
    content: generalJweSchema.optional(),
  })
  .strict()
  .superRefine((payload, ctx) => {
    const contentless = CONTENTLESS_KINDS.includes(payload.kind);
    if (contentless && payload.content)
      ctx.addIssue({ code: 'custom', path: ['content'], message: `must be absent for kind ${payload.kind}` });
    if (!contentless && !payload.content)
      ctx.addIssue({ code: 'custom', path: ['content'], message: `is required for kind ${payload.kind}` });
    if (payload.kind === 'receipt' && !payload.meta.receiptFor)
      ctx.addIssue({ code: 'custom', path: ['meta', 'receiptFor'], message: 'is required for a receipt' });
    const consentKind = payload.kind === 'consent-request' || payload.kind === 'consent-decision';
    if (consentKind && !payload.meta.consent)
      ctx.addIssue({ code: 'custom', path: ['meta', 'consent'], message: `is required for a ${payload.kind}` });
    if (!consentKind && payload.meta.consent)
      ctx.addIssue({
        code: 'custom',
        path: ['meta', 'consent'],
        message: `belongs to consent kinds, not ${payload.kind}`,
      });
    if (payload.kind === 'consent-decision' && !payload.meta.consent?.decision)
      ctx.addIssue({
        code: 'custom',
        path: ['meta', 'consent', 'decision'],
        message: 'is required for a consent-decision',
      });
    if (payload.kind === 'consent-request' && payload.meta.consent?.decision)
      ctx.addIssue({ code: 'custom', path: ['meta', 'consent', 'decision'], message: 'belongs to a consent-decision' });
    if (payload.kind === 'consent-decision' && !payload.meta.replyTo)
      ctx.addIssue({
        code: 'custom',
        path: ['meta', 'replyTo'],
        message: 'a consent-decision answers a consent-request',
      });
    if (Date.parse(payload.expiresAt) <= Date.parse(payload.createdAt))
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'must be after createdAt' });
  });
export type EnvelopePayload = z.infer<typeof envelopePayloadSchema>;

/** The plaintext inside each recipient's JWE entry. */
export const envelopeContentSchema = z
  .object({
    body: z.unknown(),
  })
  .strict();
export type EnvelopeContent = z.infer<typeof envelopeContentSchema>;
