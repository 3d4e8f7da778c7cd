import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from './password.policy';
import { displayNameSchema, localeSchema, TOKEN_NAME_MAX, timeZoneSchema } from './person.fields';
import type { ApiTokenView, CreatedApiToken } from './api-token.service';

export class PreferencesDto extends createZodDto(
  z
    .object({
      locale: localeSchema.optional(),
      timeZone: timeZoneSchema.optional(),
      displayName: displayNameSchema.optional(),
    })
    .strict(),
) {}

// The policy's lengths are checked by the service, with its own codes; here only a sanity bound.
export class PasswordChangeDto extends createZodDto(
  z
    .object({
      currentPassword: z
        .string()
        .min(1)
        .max(PASSWORD_MAX_LENGTH * 4)
        .optional(),
      newPassword: z.string().max(PASSWORD_MAX_LENGTH * 4),
    })
    .strict(),
) {}

export class CreateApiTokenDto extends createZodDto(
  z
    .object({
      name: z
        .string()
        .trim()
        .min(1, 'must not be empty')
        .max(TOKEN_NAME_MAX, `must be at most ${TOKEN_NAME_MAX} characters`),
      expiresInDays: z.number().int().min(1).max(366).optional(),
    })
    .strict(),
) {}

export class ApiTokenIdParamDto extends createZodDto(z.object({ id: z.string().uuid('must be a token id (UUID)') })) {}

export class ApiTokenViewDto implements ApiTokenView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'nightly export' })
  name!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiPropertyOptional({ format: 'date-time' })
  lastUsedAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  expiresAt?: string;
}

export class CreatedApiTokenDto implements CreatedApiToken {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ example: 'bnp_…', description: 'Shown once: send it as Authorization: Bearer bnp_…' })
  token!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}
