import { ApiProperty } from '@nestjs/swagger';
import { RecipientPreviewDto } from './recipient-preview.dto';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { envelopeMetaSchema, MESSAGE_KINDS, recipientScopeSchema } from '@bureaunet/contracts';

/**
 * Officers send every kind but those whose steps the node itself takes: receipts, and the border
 * checks' records and hit procedure (a hand-made hit-confirmation would skip the owner's hit row).
 */
const SENDABLE_KINDS = z
  .enum(MESSAGE_KINDS)
  .exclude(['receipt', 'travel-document-record', 'hit-notification', 'hit-confirmation']).options;

/** The contract's recipients, each bureau named at most once. */
export const distinctRecipientsSchema = recipientScopeSchema.superRefine((to, ctx) => {
  if (to === 'all') return;
  const twice = to.find((code, index) => to.indexOf(code) !== index);
  if (twice !== undefined) ctx.addIssue({ code: 'custom', message: `names ${twice} more than once` });
});

// Any JSON value but null, kept exactly as sent (no object schema copies it).
const anyJson = z
  .unknown()
  .refine((value) => value !== undefined && value !== null, 'is required (any JSON value but null)');

export class SendMessageDto extends createZodDto(
  z
    .object({
      kind: z.enum(SENDABLE_KINDS, { errorMap: () => ({ message: `must be one of ${SENDABLE_KINDS.join(', ')}` }) }),
      to: distinctRecipientsSchema.describe('Bureau codes, or "all" for every active enrolled bureau and the hub'),
      // receiptFor belongs to receipts, which only the node makes.
      meta: envelopeMetaSchema
        .omit({ receiptFor: true })
        .optional()
        .describe(
          'Routing data the gateway reads (never personal data): noticeType, operationId, restrictedTo, replyTo, priority',
        ),
      body: anyJson.describe('Any JSON value but null; encrypted end to end for the addressees'),
    })
    .strict(),
) {}

export class MessageCreatedDto {
  @ApiProperty({ description: 'The envelope id (UUIDv7)' })
  id!: string;

  @ApiProperty({
    type: [RecipientPreviewDto],
    description:
      "Recipients the rules' dry-run at send time says the gateway will refuse (empty when none, or when it did not answer in time)",
  })
  foreseenRefusals!: RecipientPreviewDto[];
}
