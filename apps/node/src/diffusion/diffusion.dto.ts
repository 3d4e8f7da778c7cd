import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { diffusionBodySchema, envelopeMetaSchema } from '@bureaunet/contracts';
import { distinctRecipientsSchema } from '../outbox/outbox.dto';

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
}

export class WorkflowStepDto {
  @ApiProperty({ description: 'The envelope sent for this step (follow it at GET /api/messages/:id)' })
  id!: string;
}
