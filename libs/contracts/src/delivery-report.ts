import { z } from 'zod';
import { bureauCodeSchema } from './bureau-code';
import { refusalCodeSchema } from './refusal-code';

export const refusalSchema = z
  .object({
    code: refusalCodeSchema,
    message: z.string(),
    // The rule that decided, when a rule did (access rules issue); absent for protocol checks.
    rule: z.string().optional(),
    // With 'rate-limited': how long to wait before the sender's next envelope can be accepted.
    retryAfterMs: z.number().int().nonnegative().optional(),
  })
  .strict();
export type Refusal = z.infer<typeof refusalSchema>;

export const recipientOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ code: bureauCodeSchema, status: z.literal('delivered') }).strict(),
  z.object({ code: bureauCodeSchema, status: z.literal('refused'), refusal: refusalSchema }).strict(),
]);
export type RecipientOutcome = z.infer<typeof recipientOutcomeSchema>;

/** Payload of the JWS the gateway signs and returns to a sender for every submission. */
export const deliveryReportSchema = z
  .object({
    v: z.literal(1),
    kind: z.literal('delivery-report'),
    envelopeId: z.string().min(1).max(64),
    // Absent when the envelope could not even be parsed far enough to compute it.
    envelopeDigest: z.string().optional(),
    to: bureauCodeSchema,
    createdAt: z.string().datetime(),
    status: z.enum(['accepted', 'refused']),
    refusal: refusalSchema.optional(),
    recipients: z.array(recipientOutcomeSchema),
  })
  .strict();
export type DeliveryReport = z.infer<typeof deliveryReportSchema>;
