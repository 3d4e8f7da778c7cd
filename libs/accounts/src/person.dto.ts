import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ROLES, type Role } from '@bureaunet/platform/stateless';
import {
  borderPostSchema,
  displayNameSchema,
  LOCALES,
  localeSchema,
  rolesSchema,
  timeZoneSchema,
  usernameSchema,
  type Locale,
} from './person.fields';
import type { PersonAdminView, PersonView } from './person.view';

export class PersonViewDto implements PersonView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'a.martin' })
  username!: string;

  @ApiProperty({ example: 'Anne Martin' })
  displayName!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];

  @ApiPropertyOptional({ example: 'Rosso', description: 'A border officer’s border post' })
  borderPost?: string;

  @ApiProperty({ enum: LOCALES })
  locale!: Locale;

  @ApiProperty({ example: 'Africa/Nouakchott' })
  timeZone!: string;

  @ApiProperty({ description: 'Whether a TOTP second factor is enrolled' })
  totp!: boolean;
}

export class PersonAdminViewDto extends PersonViewDto implements PersonAdminView {
  @ApiProperty()
  disabled!: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only while locked' })
  lockedUntil?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  lastSignInAt?: string;
}

export class PersonIdParamDto extends createZodDto(z.object({ id: z.string().uuid('must be a person id (UUID)') })) {}

export class CreatePersonDto extends createZodDto(
  z
    .object({
      username: usernameSchema,
      displayName: displayNameSchema,
      roles: rolesSchema,
      borderPost: borderPostSchema.optional(),
      locale: localeSchema.optional(),
      timeZone: timeZoneSchema.optional(),
    })
    .strict(),
) {}

export class UpdatePersonDto extends createZodDto(
  z
    .object({
      displayName: displayNameSchema.optional(),
      roles: rolesSchema.optional(),
      borderPost: borderPostSchema.nullable().optional(),
      disabled: z.boolean().optional(),
    })
    .strict(),
) {}

export class SignInLinkViewDto {
  @ApiProperty({ example: 'http://127.0.0.1:3100/#/sign-in/link/…', description: 'Signs the person in once' })
  url!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}
