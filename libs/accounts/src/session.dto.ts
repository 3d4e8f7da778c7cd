import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from './password.policy';
import { PersonViewDto } from './person.dto';
import type { SessionView } from './session.service';

export class SignInDto extends createZodDto(
  z
    .object({
      // Not checked against the username pattern: a wrong one is just a failed sign-in.
      username: z.string().min(1).max(64),
      password: z
        .string()
        .min(1)
        .max(PASSWORD_MAX_LENGTH * 4),
      totp: z
        .string()
        .regex(/^\d{6,8}$/, 'must be the 6 to 8 digits of the code')
        .optional(),
    })
    .strict(),
) {}

export class SignInLinkDto extends createZodDto(
  z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be the token of a sign-in link') }).strict(),
) {}

export class ServiceViewDto {
  @ApiProperty({ enum: ['node', 'registry', 'gateway'] })
  kind!: 'node' | 'registry' | 'gateway';

  @ApiPropertyOptional({ example: 'MR', description: 'A node’s bureau code' })
  code?: string;

  @ApiPropertyOptional({ description: 'True at the hub’s node' })
  hub?: boolean;
}

export class SessionViewDto implements SessionView {
  @ApiProperty({ type: PersonViewDto })
  person!: PersonViewDto;

  @ApiProperty({ description: 'Send it back in x-csrf-token on every POST, PUT, PATCH and DELETE' })
  csrfToken!: string;

  @ApiProperty({ type: ServiceViewDto })
  service!: ServiceViewDto;

  @ApiProperty({ format: 'date-time', description: 'When the session ends unless used before' })
  expiresAt!: string;
}
