import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { bureauCodeSchema, CONSENT_PURPOSES, envelopeIdSchema } from '@bureaunet/contracts';
import { queryInteger } from '@bureaunet/platform';
import { ConsentRequestDto } from '../handling/consent-request.dto';
import { CONSENT_DIRECTIONS, CONSENT_STATES } from '../store/consent-request.entity';

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

export class ConsentMessageParamDto extends createZodDto(
  z.object({ id: envelopeIdSchema.describe('The received message the consent is asked about') }).strict(),
) {}

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

export class ConsentRequestPageDto {
  @ApiProperty({ type: [ConsentRequestDto] })
  items!: ConsentRequestDto[];
}
