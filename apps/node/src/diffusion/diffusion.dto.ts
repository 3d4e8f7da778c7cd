import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { diffusionBodySchema, envelopeIdSchema, envelopeMetaSchema } from '@bureaunet/contracts';
import { queryInteger } from '@bureaunet/platform';
import { distinctRecipientsSchema } from '../outbox/outbox.dto';
import { RecipientPreviewDto } from '../outbox/recipient-preview.dto';
import { DIFFUSION_REVIEW_STATES, type DiffusionReviewState } from '../store/diffusion.entity';

export const REVIEW_PAGE_SIZE = 100;
const MAX_REVIEW_PAGE_SIZE = 500;

/** The diffusion's body fields as the contract limits them, and its envelope's addressing. */
export class SendDiffusionDto extends createZodDto(
  diffusionBodySchema.pick({ title: true, details: true }).extend({
    documentNumbers: diffusionBodySchema.shape.documentNumbers.removeDefault().optional(),
    to: distinctRecipientsSchema.describe(
      'Bureau codes, or "all"; the hub always gets a copy for its compliance check',
    ),
    restrictedTo: envelopeMetaSchema.shape.restrictedTo.describe('Countries that must never receive it'),
    priority: envelopeMetaSchema.shape.priority,
  }),
) {}

export class DiffusionListQueryDto extends createZodDto(
  z
    .object({
      state: z
        .enum(['active', 'withdrawn', 'any'])
        .optional()
        .describe('active (the default), withdrawn, or any for both'),
    })
    .strict(),
) {}

export class DiffusionDto {
  @ApiProperty()
  id!: string;
  @ApiProperty({ enum: ['received', 'sent'] })
  direction!: 'received' | 'sent';
  @ApiProperty()
  from!: string;
  @ApiProperty({ type: [String] })
  recipients!: string[];
  @ApiProperty({ type: 'object', additionalProperties: true })
  body!: unknown;
  @ApiProperty({ enum: ['active', 'withdrawn'] })
  state!: 'active' | 'withdrawn';
  @ApiProperty()
  receivedAt!: string;
  @ApiProperty({ nullable: true, type: String })
  withdrawnAt!: string | null;
  @ApiProperty({ nullable: true, type: String })
  withdrawReason!: string | null;
  @ApiProperty({
    nullable: true,
    enum: [...DIFFUSION_REVIEW_STATES],
    description: "The hub's review (on the hub only): pending, compliant or withdrawn",
  })
  reviewState!: DiffusionReviewState | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The reviewer who decided: person:<username> or role:<role>',
  })
  reviewedBy!: string | null;
  @ApiProperty({ nullable: true, type: String })
  reviewedAt!: string | null;
}

export class DiffusionReviewQueryDto extends createZodDto(
  z
    .object({
      state: z
        .enum(DIFFUSION_REVIEW_STATES)
        .optional()
        .describe('pending (the default: the queue, oldest first), compliant or withdrawn (latest decisions first)'),
      limit: queryInteger(1, MAX_REVIEW_PAGE_SIZE)
        .optional()
        .describe(`At most this many (${REVIEW_PAGE_SIZE} when absent)`),
    })
    .strict(),
) {}

export class DiffusionIdParamDto extends createZodDto(
  z.object({ id: envelopeIdSchema.describe('The diffusion envelope id') }).strict(),
) {}

export class WorkflowStepDto {
  @ApiProperty({ description: 'The envelope sent for this step (follow it at GET /api/messages/:id)' })
  id!: string;
}

export class DiffusionSentDto extends WorkflowStepDto {
  @ApiProperty({
    type: [RecipientPreviewDto],
    description:
      "Recipients the rules' dry-run says the gateway will refuse (empty when none, or when it did not answer in time)",
  })
  foreseenRefusals!: RecipientPreviewDto[];
}
