import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { bureauCodeSchema, CONSENT_PURPOSES, envelopeIdSchema, type ConsentPurpose } from '@bureaunet/contracts';
import { queryInteger } from '@bureaunet/platform';
import { CONSENT_DIRECTIONS, CONSENT_STATES, type ConsentDirection, type ConsentState } from './consent-request.entity';

/** Longest note to the owner and refusal reason: sentences for people. */
export const MAX_CONSENT_TEXT_LENGTH = 1000;
/** Most bureaus one onward-sharing request names. */
export const MAX_CONSENT_BUREAUS = 50;
/** A grant lasts this long unless the owner says otherwise, and never more than MAX_GRANT_DAYS. */
export const DEFAULT_GRANT_DAYS = 30;
export const MAX_GRANT_DAYS = 365;
const MAX_LIST = 200;

const distinctBureaus = z
  .array(bureauCodeSchema)
  .min(1, 'must name at least one bureau')
  .max(MAX_CONSENT_BUREAUS, `must name at most ${MAX_CONSENT_BUREAUS} bureaus`)
  .refine((codes) => new Set(codes).size === codes.length, 'names a bureau more than once');

const text = z.string().trim().min(1, 'must not be empty').max(MAX_CONSENT_TEXT_LENGTH);

export class ConsentRequestIdParamDto extends createZodDto(
  z.object({ id: envelopeIdSchema.describe('The consent-request envelope id') }).strict(),
) {}

export class AskConsentDto extends createZodDto(
  z
    .object({
      purpose: z.enum(CONSENT_PURPOSES).describe('onward-sharing (with bureaus), evidence, or coercive-action'),
      bureaus: distinctBureaus.optional().describe('onward-sharing: the bureaus it would be passed on to'),
      note: text.optional().describe('Why, in words, for the owner (sent encrypted)'),
    })
    .strict()
    .superRefine((ask, ctx) => {
      if (ask.purpose === 'onward-sharing' && !ask.bureaus)
        ctx.addIssue({ code: 'custom', path: ['bureaus'], message: 'onward-sharing names the bureaus it is for' });
      if (ask.purpose !== 'onward-sharing' && ask.bureaus)
        ctx.addIssue({ code: 'custom', path: ['bureaus'], message: `belong to onward-sharing, not ${ask.purpose}` });
    }),
) {}

export class GrantConsentDto extends createZodDto(
  z
    .object({
      expiresAt: z
        .string()
        .datetime({ offset: true, message: 'must be an ISO 8601 instant' })
        .transform((value) => new Date(value).toISOString())
        .optional()
        .describe(
          `Until when the grant holds: in the future, at most ${MAX_GRANT_DAYS} days ahead (${DEFAULT_GRANT_DAYS} days when absent)`,
        ),
      bureaus: distinctBureaus.optional().describe('onward-sharing: only some of the bureaus asked for'),
    })
    .strict(),
) {}

export class RefuseConsentDto extends createZodDto(
  z.object({ reason: text.describe('Why not, for the asker') }).strict(),
) {}

export class ConsentListQueryDto extends createZodDto(
  z
    .object({
      direction: z.enum(CONSENT_DIRECTIONS).optional().describe('incoming (asked of this bureau) or outgoing'),
      state: z.enum(CONSENT_STATES).optional(),
      limit: queryInteger(1, MAX_LIST).optional().describe(`At most ${MAX_LIST}; 50 when absent`),
    })
    .strict(),
) {}

export class ConsentRequestDto {
  @ApiProperty({ description: 'The consent-request envelope id' })
  id!: string;

  @ApiProperty({ enum: CONSENT_DIRECTIONS })
  direction!: ConsentDirection;

  @ApiProperty({ description: 'Outgoing: the received message asked from; incoming: the envelope it is about' })
  messageId!: string;

  @ApiProperty({ description: "The owner's envelope that carries the handling code (meta.consent.envelopeId)" })
  envelopeId!: string;

  @ApiProperty({ example: 'DK' })
  asker!: string;

  @ApiProperty({ example: 'FR' })
  owner!: string;

  @ApiProperty({ enum: CONSENT_PURPOSES })
  purpose!: ConsentPurpose;

  @ApiPropertyOptional({ type: [String], description: 'onward-sharing: the bureaus asked for, or granted' })
  bureaus?: string[];

  @ApiPropertyOptional()
  note?: string;

  @ApiProperty({ enum: CONSENT_STATES })
  state!: ConsentState;

  @ApiProperty({ description: 'A grant whose expiry has not passed' })
  active!: boolean;

  @ApiProperty()
  createdAt!: string;

  @ApiPropertyOptional({ description: 'The signed consent-decision envelope id' })
  decisionId?: string;

  @ApiPropertyOptional()
  decidedAt?: string;

  @ApiPropertyOptional({ description: 'Incoming: who decided here' })
  decidedBy?: string;

  @ApiPropertyOptional({ description: 'A grant holds until then' })
  expiresAt?: string;

  @ApiPropertyOptional({ description: "A refusal's reason" })
  reason?: string;
}

export class ConsentRequestPageDto {
  @ApiProperty({ type: [ConsentRequestDto] })
  items!: ConsentRequestDto[];
}
