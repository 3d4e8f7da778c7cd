import { z } from 'zod';
import { bureauCodeSchema } from './bureau-code';
import { envelopeMetaSchema, recipientScopeSchema } from './envelope';
import { MESSAGE_KINDS } from './message-kind';
import { REFUSAL_CODES } from './refusal-code';

/**
 * Request/reply served by the gateway: what its access rules in force would say of a message a
 * bureau is about to send. The code is the subject's last token and the broker lets each node
 * publish only on its own, so a bureau previews its own sends only. The preview informs; the
 * gateway still decides when the envelope arrives (the rules, a rate limit or a key may change).
 */
export const RULES_PREVIEW_SUBJECT_WILDCARD = 'bn.gateway.preview.*';
export const rulesPreviewSubject = (code: string): string => `bn.gateway.preview.${code}`;

export const rulesPreviewRequestSchema = z
  .object({
    kind: z.enum(MESSAGE_KINDS),
    to: recipientScopeSchema,
    meta: envelopeMetaSchema.omit({ receiptFor: true }).default({}),
  })
  .strict();
export type RulesPreviewRequest = z.infer<typeof rulesPreviewRequestSchema>;

export const recipientPreviewSchema = z
  .object({
    recipient: bureauCodeSchema,
    allowed: z.boolean(),
    /** The refusal's code: a protocol one (unknown-recipient…) or policy-denied. */
    code: z.enum(REFUSAL_CODES).optional(),
    /** The access rule that refused, when a rule did. */
    rule: z.string().max(200).optional(),
    reason: z.string().max(2000).optional(),
  })
  .strict();
export type RecipientPreview = z.infer<typeof recipientPreviewSchema>;

export const rulesPreviewAnswerSchema = z
  .object({
    /** The rules version that answered. */
    version: z.number().int().min(0),
    recipients: z.array(recipientPreviewSchema).max(1000),
  })
  .strict();
export type RulesPreviewAnswer = z.infer<typeof rulesPreviewAnswerSchema>;
