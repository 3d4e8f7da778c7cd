import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Most statements one answer carries; older ones are reached with `at`. */
export const MAX_STATEMENTS_PER_ANSWER = 100;

export class StatusStatementsQueryDto extends createZodDto(
  z
    .object({
      fingerprint: z
        .string()
        .regex(/^[A-Za-z0-9_-]{43}$/, 'must be the base64url SHA-256 of a certificate (43 characters)')
        .describe('base64url SHA-256 of the certificate DER'),
      at: z
        .string()
        .datetime({ message: 'must be an ISO 8601 UTC instant' })
        .optional()
        .describe('Only statements dated at or before this instant (what was said by then)'),
    })
    .strict(),
) {}

export class StatusStatementsDto {
  @ApiProperty({
    type: [String],
    description: `base64url of each statement's JWS JSON bytes (typ bureaunet-certificate-status+jws), newest first, at most ${MAX_STATEMENTS_PER_ANSWER}`,
  })
  statements!: string[];
}
